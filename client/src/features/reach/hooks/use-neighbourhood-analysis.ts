import { useCallback, useState } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { NeighbourhoodAnalysisDocument, type NeighbourhoodAnalysisQuery } from '../../../generated/graphql';

export interface NeighbourhoodAnalysisData {
  data: NeighbourhoodAnalysisQuery | undefined;
  /** True until the first answer: the buurt page waits for it, so the analysis does not push the page down later. */
  loading: boolean;
  reload: () => void;
}

/** The buurt analysis, fetched by the buurt page beside its own query (in parallel, one render when both are there). */
export function useNeighbourhoodAnalysis(code: string, skip: boolean): NeighbourhoodAnalysisData {
  const [reloadKey, setReloadKey] = useState(0);
  const { data, loading } = useGraphQLQuery(NeighbourhoodAnalysisDocument, { code }, { skip, reloadKey });
  const reload = useCallback(() => setReloadKey((key) => key + 1), []);
  return { data, loading: loading && !data, reload };
}
