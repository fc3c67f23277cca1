import { useMemo } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { type SearchPartnersQueryVariables, SearchPartnersDocument } from '../../../generated/graphql';

export interface SearchCriteria {
  /** As typed: a code, a Dutch or an English name; the server resolves it. */
  language: string;
  /** CBS buurtcode, or '' for all neighbourhoods. */
  neighbourhoodCode: string;
}

export const RESULT_LIMIT = 100;
/** Without a search the map shows every partner: at most one page of the largest size. */
const OVERVIEW_LIMIT = 200;

function variablesFor(criteria: SearchCriteria, limit: number): SearchPartnersQueryVariables {
  const filter = {
    ...(criteria.language.trim() ? { language: criteria.language.trim() } : {}),
    ...(criteria.neighbourhoodCode ? { neighbourhoodCode: criteria.neighbourhoodCode } : {}),
  };
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

/** Every partner, for the map before anyone searches. */
export function usePartnerOverview() {
  const { data, error } = useGraphQLQuery(SearchPartnersDocument, variablesFor({ language: '', neighbourhoodCode: '' }, OVERVIEW_LIMIT));
  return { overview: data, error };
}
