import { useCallback, useMemo, useState } from 'react';
import type { MapPartner } from '../../../map/map-types';
import type { SearchArea } from '../../../map/SocialMap';
import type { MatchPartnersQuery } from '../../../generated/graphql';
import { criteriaFromUrl, EMPTY_MATCH_CRITERIA, isComplete, type MatchCriteria, urlFromCriteria } from './match-url';
import { useMatchSearch } from './use-match-search';

type Suggestion = MatchPartnersQuery['matchPartners']['suggestions'][number];

/** Whether the page was opened on a partner search (a shared link). */
export const openedOnMatch = () => criteriaFromUrl(window.location.search).open;

/**
 * The state of the "Zoek een partner" panel: the form, the submitted search (kept in the URL, so it
 * can be shared and the back button works), the results, and what the map draws for them.
 */
export function useMatchPanel(active: boolean) {
  const initial = useMemo(() => criteriaFromUrl(window.location.search), []);
  const [draft, setDraft] = useState<MatchCriteria>(initial.criteria);
  const [submitted, setSubmitted] = useState<(MatchCriteria & { searchId: number }) | undefined>(
    initial.open && isComplete(initial.criteria) ? { ...initial.criteria, searchId: 1 } : undefined,
  );
  const [missing, setMissing] = useState({ language: false, neighbourhood: false });
  const { result, loading, error } = useMatchSearch(active ? submitted : undefined);

  const search = useCallback((criteria: MatchCriteria) => {
    if (!isComplete(criteria)) {
      setMissing({ language: !criteria.language.trim(), neighbourhood: !criteria.neighbourhoodCode });
      return;
    }
    setMissing({ language: false, neighbourhood: false });
    setSubmitted((previous) => ({ ...criteria, searchId: (previous?.searchId ?? 0) + 1 }));
    const url = urlFromCriteria(criteria);
    if (window.location.search !== url) window.history.pushState(null, '', url);
  }, []);

  /** Clicking the map picks the neighbourhood, and searches at once when a language is known. */
  const selectNeighbourhood = useCallback(
    (code: string) => {
      const next = { ...draft, neighbourhoodCode: code };
      setDraft(next);
      if (next.language.trim()) search(next);
      else setMissing({ language: true, neighbourhood: false });
    },
    [draft, search],
  );

  const widen = useCallback(
    (suggestion: Suggestion) => {
      const base = submitted ?? draft;
      const next: MatchCriteria =
        suggestion.field === 'radiusKm' && suggestion.radiusKm
          ? { ...base, radiusKm: suggestion.radiusKm }
          : suggestion.field === 'formalInterpretersOnly'
            ? { ...base, formalInterpretersOnly: false }
            : suggestion.field === 'roles'
              ? { ...base, roles: [] }
              : suggestion.field === 'includeUnavailable'
                ? { ...base, includeUnavailable: true }
                : base;
      setDraft(next);
      search(next);
    },
    [draft, submitted, search],
  );

  /** Back or forward to a search kept in the URL: show that search again, without a new history entry. */
  const restore = useCallback((criteria: MatchCriteria) => {
    setDraft(criteria);
    setMissing({ language: false, neighbourhood: false });
    setSubmitted((previous) => (isComplete(criteria) ? { ...criteria, searchId: (previous?.searchId ?? 0) + 1 } : undefined));
  }, []);

  const reset = useCallback(() => {
    setDraft(EMPTY_MATCH_CRITERIA);
    setSubmitted(undefined);
    setMissing({ language: false, neighbourhood: false });
    window.history.replaceState(null, '', urlFromCriteria(EMPTY_MATCH_CRITERIA));
  }, []);

  const mapPartners = useMemo<MapPartner[]>(
    () =>
      (result?.matches ?? []).map((m) => ({
        id: m.partner.id,
        kind: m.kind === 'PERSON' ? 'person' : 'organisation',
        name: m.partner.name,
        lat: m.mapPoint.lat,
        lon: m.mapPoint.lon,
        highlighted: true,
      })),
    [result],
  );

  const searchArea = useMemo<SearchArea | undefined>(
    () =>
      result
        ? {
            lat: result.place.lat,
            lon: result.place.lon,
            radiusKm: result.radiusKm,
            label: result.place.neighbourhoodName ?? result.place.neighbourhoodCode ?? '',
          }
        : undefined,
    [result],
  );

  const errorFor = useCallback((field: string) => error?.errors.find((e) => e.field === field || e.field?.startsWith(`${field}.`)), [error]);

  return { draft, setDraft, submitted, result, loading, error, missing, errorFor, search, selectNeighbourhood, widen, restore, reset, mapPartners, searchArea };
}
