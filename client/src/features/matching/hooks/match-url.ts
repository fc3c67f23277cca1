// The CBS code rules are shared with the server: one definition for every route.
import { cbsCode } from '../../../../../server/src/modules/neighbourhood/cbs-code.js';

/** What a partner search asks, as the form holds it and the URL carries it. */
export interface MatchCriteria {
  /** As typed: a code, a Dutch or an English name; the server resolves it. */
  language: string;
  /** CBS buurtcode. */
  neighbourhoodCode: string;
  radiusKm: number;
  roles: MatchRoleValue[];
  formalInterpretersOnly: boolean;
  /** Also list persons marked not available; the server leaves them out otherwise. */
  includeUnavailable: boolean;
}

export type MatchRoleValue = 'KEY_PERSON' | 'INTERPRETER' | 'CONTACT_PERSON' | 'ORGANISATION';
export const MATCH_ROLES: readonly MatchRoleValue[] = ['KEY_PERSON', 'INTERPRETER', 'CONTACT_PERSON', 'ORGANISATION'];
export const RADIUS_OPTIONS = [1, 2, 5, 10, 25, 50] as const;
export const DEFAULT_RADIUS_KM = 5;

export const EMPTY_MATCH_CRITERIA: MatchCriteria = {
  language: '',
  neighbourhoodCode: '',
  radiusKm: DEFAULT_RADIUS_KM,
  roles: [],
  formalInterpretersOnly: false,
  includeUnavailable: false,
};

/** The URL parameter that says the partner search panel is open. */
export const PANEL_PARAM = 'zoek';
export const PANEL_VALUE = 'partner';

/**
 * Reads a search from the query string (`?zoek=partner&taal=Somalisch&buurt=BU03440832&straal=5&rol=KEY_PERSON&formeel=1&ookonbeschikbaar=1`),
 * so a colleague who opens the link sees the same search. Unknown or broken values fall back to the defaults.
 */
export function criteriaFromUrl(search: string): { open: boolean; criteria: MatchCriteria } {
  const params = new URLSearchParams(search);
  const radius = Number(params.get('straal'));
  const roles = (params.get('rol') ?? '').split(',').filter((r): r is MatchRoleValue => (MATCH_ROLES as readonly string[]).includes(r));
  return {
    open: params.get(PANEL_PARAM) === PANEL_VALUE,
    criteria: {
      language: (params.get('taal') ?? '').slice(0, 100),
      neighbourhoodCode: cbsCode('neighbourhood', params.get('buurt')) ?? '',
      radiusKm: Number.isFinite(radius) && radius > 0 && radius <= 50 ? radius : DEFAULT_RADIUS_KM,
      roles: [...new Set(roles)],
      formalInterpretersOnly: params.get('formeel') === '1',
      includeUnavailable: params.get('ookonbeschikbaar') === '1',
    },
  };
}

/** The query string for a search; defaults are left out so links stay short. */
export function urlFromCriteria(criteria: MatchCriteria): string {
  const params = new URLSearchParams({ [PANEL_PARAM]: PANEL_VALUE });
  if (criteria.language.trim()) params.set('taal', criteria.language.trim());
  if (criteria.neighbourhoodCode) params.set('buurt', criteria.neighbourhoodCode);
  if (criteria.radiusKm !== DEFAULT_RADIUS_KM) params.set('straal', String(criteria.radiusKm));
  if (criteria.roles.length) params.set('rol', criteria.roles.join(','));
  if (criteria.formalInterpretersOnly) params.set('formeel', '1');
  if (criteria.includeUnavailable) params.set('ookonbeschikbaar', '1');
  return `?${params.toString()}`;
}

/** A search can be sent once it names a language and a neighbourhood. */
export const isComplete = (criteria: MatchCriteria) => criteria.language.trim() !== '' && criteria.neighbourhoodCode !== '';
