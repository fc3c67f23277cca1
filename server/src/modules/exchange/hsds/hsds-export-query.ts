import { badInput } from '../../../common/errors.js';
import { UUID } from './hsds-profile.js';

export const HSDS_MAX_PER_PAGE = 200;
/** HSDS leaves it open; Open Referral UK clients expect 20. */
export const HSDS_DEFAULT_PER_PAGE = 20;
/** Beyond this a page number means nothing (200 × 10⁹ records) and offsets would stop being exact. */
export const HSDS_MAX_PAGE = 1_000_000_000;
/** The search is one LIKE per word over the directory: keep it bounded. */
export const HSDS_MAX_SEARCH_LENGTH = 200;
export const HSDS_MAX_SEARCH_WORDS = 10;
/** `proximity` in metres: a region at most, so that a "near" query stays a local one. */
export const HSDS_MAX_PROXIMITY_METRES = 100_000;

/** The routes of the API, and which query parameters each takes: the spec's, plus `language` and `perPage`. */
export const HSDS_PARAMETERS = {
  services: [
    'search',
    'page',
    'per_page',
    'perPage',
    'format',
    'taxonomy_term_id',
    'taxonomy_id',
    'organization_id',
    'modified_after',
    'minimal',
    'full',
    'language',
  ],
  organizations: ['search', 'full_service', 'full', 'taxonomy_term_id', 'taxonomy_id', 'page', 'per_page', 'perPage', 'format', 'language'],
  service_at_locations: [
    'search',
    'taxonomy_term_id',
    'taxonomy_id',
    'organization_id',
    'modified_after',
    'full',
    'page',
    'per_page',
    'perPage',
    'format',
    'postcode',
    'proximity',
    'language',
  ],
  taxonomies: ['search', 'page', 'per_page', 'perPage', 'format'],
  taxonomy_terms: ['search', 'page', 'per_page', 'perPage', 'format', 'taxonomy_id', 'top_only', 'parent_id'],
  'organizations/{id}': ['full_service'],
  'services/{id}': [],
  'service_at_locations/{id}': [],
  'taxonomies/{id}': [],
  'taxonomy_terms/{id}': [],
} as const;
export type HsdsRoute = keyof typeof HSDS_PARAMETERS;

/** The query string as it arrives (Express: a string, a list for a repeated parameter, or an object for `a[b]=`). */
export type HsdsQuery = Record<string, unknown>;

/** A list route's query, checked. */
export interface CheckedQuery {
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  words: string[];
  /** Still to be resolved (LanguageService). */
  language?: string;
  organisationId?: string;
  /** ISO 8601 in UTC, comparable as text with our `updatedAt`. */
  modifiedAfter?: string;
  taxonomyId?: string;
  taxonomyTermId?: string;
  parentId?: string;
  topOnly?: boolean;
  minimal?: boolean;
  full?: boolean;
  fullService?: boolean;
  postcode?: string;
  proximityMetres?: number;
}

function single(query: HsdsQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw badInput(name, `${name} mag maar één keer voorkomen`);
  return value;
}

function whole(query: HsdsQuery, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  return /^[0-9]{1,15}$/.test(value) ? Number(value) : NaN;
}

function boolean(query: HsdsQuery, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badInput(name, `${name} moet 'true' of 'false' zijn`);
}

function uuid(query: HsdsQuery, name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!UUID.test(value)) throw badInput(name, `${name} moet een id zijn (een UUID zoals de API ze geeft)`);
  return value.toLowerCase();
}

/** RFC 3339 date-time with a zone, or a date (midnight UTC). */
function dateTime(query: HsdsQuery, name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const form = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/.test(value)
      ? value
      : null;
  const time = form === null ? NaN : Date.parse(form.replace(' ', 'T'));
  if (Number.isNaN(time)) throw badInput(name, `${name} moet een datum (JJJJ-MM-DD) of tijdstip met tijdzone zijn, zoals 2026-12-01T09:00:00Z`);
  return new Date(time).toISOString();
}

/**
 * Checks a route's query string: an unknown parameter, a repeated one or a malformed value is a 400
 * naming the parameter, never ignored. What needs the database (language, taxonomy ids, postcode)
 * is resolved by HsdsExportService.
 */
export function checkQuery(route: HsdsRoute, query: HsdsQuery): CheckedQuery {
  const allowed: readonly string[] = HSDS_PARAMETERS[route];
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name)) {
      const known = Object.values(HSDS_PARAMETERS).some((list) => (list as readonly string[]).includes(name));
      throw badInput(
        name,
        known
          ? `${name} kan niet bij /hsds/${route}${allowed.length ? `; wel: ${allowed.join(', ')}` : ''}`
          : `Onbekende parameter ${name}${allowed.length ? `; deze route kent: ${allowed.join(', ')}` : ''}`,
      );
    }
  }

  const page = whole(query, 'page') ?? 1;
  if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page moet een geheel getal van 1 of meer zijn');
  if (page > HSDS_MAX_PAGE) throw badInput('page', `page mag hoogstens ${HSDS_MAX_PAGE} zijn`);
  const perPageSnake = whole(query, 'per_page');
  const perPageCamel = whole(query, 'perPage');
  const perPageName = perPageSnake !== undefined ? 'per_page' : 'perPage';
  if (perPageSnake !== undefined && perPageCamel !== undefined && perPageSnake !== perPageCamel) {
    throw badInput('perPage', 'per_page en perPage zijn hetzelfde; geef er één, of twee keer dezelfde waarde');
  }
  const perPage = perPageSnake ?? perPageCamel ?? HSDS_DEFAULT_PER_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > HSDS_MAX_PER_PAGE) {
    throw badInput(perPageName, `${perPageName} moet een geheel getal van 1 tot en met ${HSDS_MAX_PER_PAGE} zijn`);
  }

  const format = single(query, 'format') ?? 'json';
  if (format !== 'json' && format !== 'ndjson') throw badInput('format', "format moet 'json' of 'ndjson' zijn");
  if (format === 'ndjson') {
    // ndjson is every result, without pages (HSDS): a page number would mean nothing.
    for (const name of ['page', 'per_page', 'perPage'])
      if (query[name] !== undefined) throw badInput(name, `${name} kan niet samen met format=ndjson: dat geeft alles, zonder pagina's`);
  }

  // language first, as before: checked by the caller; only its form here.
  const language = single(query, 'language');
  const search = single(query, 'search');
  let words: string[] = [];
  if (search?.trim()) {
    if (search.length > HSDS_MAX_SEARCH_LENGTH) throw badInput('search', `search mag hoogstens ${HSDS_MAX_SEARCH_LENGTH} tekens lang zijn`);
    words = [...new Set(search.toLowerCase().split(/\s+/).filter(Boolean))];
    if (words.length > HSDS_MAX_SEARCH_WORDS) throw badInput('search', `search mag hoogstens ${HSDS_MAX_SEARCH_WORDS} woorden bevatten`);
  }

  const checked: CheckedQuery = {
    page,
    perPage,
    format: format as 'json' | 'ndjson',
    words,
    language: language === '' ? undefined : language,
    organisationId: uuid(query, 'organization_id'),
    modifiedAfter: dateTime(query, 'modified_after'),
    taxonomyId: uuid(query, 'taxonomy_id'),
    taxonomyTermId: uuid(query, 'taxonomy_term_id'),
    parentId: uuid(query, 'parent_id'),
    topOnly: boolean(query, 'top_only'),
    minimal: boolean(query, 'minimal'),
    full: boolean(query, 'full'),
    fullService: boolean(query, 'full_service'),
  };
  if (checked.minimal && checked.full) throw badInput('minimal', 'minimal en full sluiten elkaar uit');
  if (checked.fullService && checked.full === false)
    throw badInput('full_service', 'full_service=true geeft volledige diensten in een volledige organisatie; dat kan niet met full=false');
  if (checked.topOnly && checked.parentId) throw badInput('top_only', 'top_only (alleen termen zonder ouder) en parent_id sluiten elkaar uit');

  const postcode = single(query, 'postcode');
  const proximity = single(query, 'proximity');
  if (postcode !== undefined || proximity !== undefined) {
    // A postcode alone would mean "inside the service area"; our areas are CBS buurten, which a PC4 centroid cannot place reliably.
    if (postcode === undefined) throw badInput('postcode', 'proximity werkt vanaf een postcode: geef ook postcode (bijvoorbeeld 3511)');
    if (proximity === undefined)
      throw badInput('proximity', 'postcode werkt hier alleen met proximity: de afstand in meters tot het midden van het postcodegebied');
    if (!/^[0-9]{1,6}$/.test(proximity) || Number(proximity) < 1 || Number(proximity) > HSDS_MAX_PROXIMITY_METRES) {
      throw badInput('proximity', `proximity moet een geheel aantal meters zijn, van 1 tot en met ${HSDS_MAX_PROXIMITY_METRES}`);
    }
    checked.postcode = postcode;
    checked.proximityMetres = Number(proximity);
  }
  return checked;
}
