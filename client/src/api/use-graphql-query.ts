import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { GraphQLRequestError, graphqlRequest } from './graphql-client';

export interface QueryState<T> {
  data: T | undefined;
  loading: boolean;
  error: GraphQLRequestError | undefined;
}

// Reference data (settings, buurten, languages) asked by several components of one page: one request per
// document and variables, kept for the page's life; a failed one is forgotten, so the next asker tries again.
// An answer already there is used at the first render, so a component mounted later never shows "loading".
const sharedAnswers = new Map<string, Promise<unknown>>();
const sharedData = new Map<string, unknown>();

function sharedRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  key: string,
): Promise<TResult> {
  let answer = sharedAnswers.get(key) as Promise<TResult> | undefined;
  if (!answer) {
    answer = graphqlRequest(document, variables);
    sharedAnswers.set(key, answer);
    answer.then(
      (data) => sharedData.set(key, data),
      () => sharedAnswers.delete(key),
    );
  }
  return answer;
}

/**
 * Run a query when the component mounts and again when `variablesKey` changes; `skip` holds it back.
 * Late answers of an earlier request are dropped (AbortController).
 */
export function useGraphQLQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  options: {
    skip?: boolean;
    /** Change to fetch again with the same variables (after a mutation). */
    reloadKey?: unknown;
    /** Reference data: share one request (and its answer) with every component that asks the same. */
    shared?: boolean;
  } = {},
): QueryState<TResult> {
  const variablesKey = JSON.stringify(variables ?? null);
  // What the state belongs to: until the effect has started the request for new variables, the data on
  // hand is for the old ones, and `loading` must already say so (no render shows old data as current).
  const requestKey = `${options.skip ? 'skip' : 'run'}|${String(options.reloadKey)}|${variablesKey}`;
  const sharedKey = options.shared && !options.skip ? `${document.toString()}|${variablesKey}|${String(options.reloadKey)}` : undefined;
  const [state, setState] = useState<QueryState<TResult> & { key: string }>(() => {
    const known = sharedKey !== undefined && sharedData.has(sharedKey);
    return { data: known ? (sharedData.get(sharedKey) as TResult) : undefined, loading: !options.skip && !known, error: undefined, key: requestKey };
  });

  useEffect(() => {
    if (options.skip) {
      setState({ data: undefined, loading: false, error: undefined, key: requestKey });
      return;
    }
    if (sharedKey !== undefined && sharedData.has(sharedKey)) {
      const data = sharedData.get(sharedKey) as TResult;
      setState((previous) => (previous.key === requestKey && previous.data === data ? previous : { data, loading: false, error: undefined, key: requestKey }));
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true, error: undefined, key: requestKey }));
    const request =
      sharedKey !== undefined ? sharedRequest(document, variables, sharedKey) : graphqlRequest(document, variables, { signal: controller.signal });
    request.then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false, error: undefined, key: requestKey });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const wrapped = error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
        setState({ data: undefined, loading: false, error: wrapped, key: requestKey });
      },
    );
    return () => controller.abort();
    // variables are compared by value through variablesKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, variablesKey, options.skip, options.reloadKey, sharedKey]);

  return { data: state.data, loading: state.loading || (!options.skip && state.key !== requestKey), error: state.error };
}
