import { useMemo } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { type SearchPartnersQueryVariables, SearchPartnersDocument } from '../../../generated/graphql';

export interface SearchCriteria {
  /** As typed: a code, a Dutch or an English name; the server resolves it. */
  language: string;
  /** CBS buurtcode, or '' for all neighbourhoods. */
  neighbourhoodCode: string;
  /** "Bij postcode": a Dutch postcode to search near, or ''. */
  postcode?: string;
  /** Radius in km around the postcode or the buurt; '' means "only in the buurt itself" (2 km around a postcode). */
  radiusKm?: string;
}

/** Radius around a postcode when none is chosen. */
export const DEFAULT_POSTCODE_RADIUS_KM = 2;

/**
 * The server's directory filter for the browse criteria (also the map's): "near" is a postcode with a radius, or
 * the chosen buurt with a radius; without a radius the buurt filter is "active in this buurt" as before.
 */
export function directoryFilterOf(criteria: SearchCriteria) {
  const postcode = criteria.postcode?.trim() ?? '';
  const radius = criteria.radiusKm ? Number(criteria.radiusKm) : undefined;
  const near = postcode
    ? { postcode, radiusKm: radius ?? DEFAULT_POSTCODE_RADIUS_KM }
    : criteria.neighbourhoodCode && radius
      ? { neighbourhoodCode: criteria.neighbourhoodCode, radiusKm: radius }
      : undefined;
  return {
    ...(criteria.language.trim() ? { language: criteria.language.trim() } : {}),
    ...(criteria.neighbourhoodCode && !(near && !postcode) ? { neighbourhoodCode: criteria.neighbourhoodCode } : {}),
    ...(near ? { near } : {}),
  };
}

export const RESULT_LIMIT = 100;
/** Without a search the map shows every partner: at most one page of the largest size. */
const OVERVIEW_LIMIT = 200;

function variablesFor(criteria: SearchCriteria, limit: number): SearchPartnersQueryVariables {
  const filter = directoryFilterOf(criteria);
  return { personFilter: filter, organisationFilter: filter, page: { limit, offset: 0 } };
}

/**
 * Persons and organisations matching the submitted criteria. `submitted` is undefined until the
 * first search; `searchId` changes with every search, also when the criteria are the same.
 */
export function usePartnerSearch(submitted: (SearchCriteria & { searchId: number }) | undefined) {
  const variables = useMemo(() => (submitted ? { ...variablesFor(submitted, RESULT_LIMIT) } : undefined), [submitted]);
  const { data, loading, error } = useGraphQLQuery(SearchPartnersDocument, variables, { skip: !submitted });
  return { results: data, loading, error };
}

/** Every partner, for the map before anyone searches; only when signed in (persons need a session). */
export function usePartnerOverview(enabled: boolean) {
  const { data, error } = useGraphQLQuery(SearchPartnersDocument, variablesFor({ language: '', neighbourhoodCode: '' }, OVERVIEW_LIMIT), {
    skip: !enabled,
  });
  return { overview: data, error };
}
