import { useMemo } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { MatchPartnersDocument, type MatchPartnersQueryVariables } from '../../../generated/graphql';
import type { MatchCriteria } from './match-url';

export const MATCH_LIMIT = 20;

function variablesFor(criteria: MatchCriteria): MatchPartnersQueryVariables {
  return {
    input: {
      languages: [criteria.language.trim()],
      neighbourhoodCode: criteria.neighbourhoodCode,
      radiusKm: criteria.radiusKm,
      limit: MATCH_LIMIT,
      formalInterpretersOnly: criteria.formalInterpretersOnly,
      includeUnavailable: criteria.includeUnavailable,
      ...(criteria.roles.length ? { roles: criteria.roles } : {}),
    },
  };
}

/** The ranked partners for the submitted search; `searchId` changes with every search. */
export function useMatchSearch(submitted: (MatchCriteria & { searchId: number }) | undefined) {
  const variables = useMemo(() => (submitted ? variablesFor(submitted) : undefined), [submitted]);
  const { data, loading, error } = useGraphQLQuery(MatchPartnersDocument, variables, { skip: !submitted });
  return { result: data?.matchPartners, loading, error };
}
