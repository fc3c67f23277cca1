import type { TypedDocumentString } from '../generated/graphql';

/** One error as the server sends it: a Dutch message, a code and the input field it is about. */
export interface GraphQLErrorDetail {
  message: string;
  code?: string;
  field?: string;
  extensions?: Record<string, unknown>;
}

/** Thrown when the server answers with GraphQL errors or the request itself fails. */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorDetail[];
  readonly status: number | undefined;

  constructor(errors: GraphQLErrorDetail[], status?: number) {
    super(errors.map((e) => e.message).join(' ') || 'Onbekende fout');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  /** The first error with this code, if any. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }

  get field(): string | undefined {
    return this.errors.find((e) => e.field)?.field;
  }

  /** The error about one input field, matched on the end of its path ("filter.language" matches "language"). */
  forField(field: string): GraphQLErrorDetail | undefined {
    return this.errors.find((e) => e.field === field || e.field?.endsWith(`.${field}`));
  }
}

interface GraphQLResponseBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * POST one operation to the server. Types come from the generated document, so a result is typed
 * exactly as the operation asks for it.
 */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: { signal?: AbortSignal } = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // The server has Apollo CSRF prevention on; this header marks the request as non-simple.
        'apollo-require-preflight': 'true',
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new GraphQLRequestError([{ message: 'De server is niet bereikbaar.', code: 'NETWORK_ERROR' }]);
  }

  let body: GraphQLResponseBody<TResult>;
  try {
    body = (await response.json()) as GraphQLResponseBody<TResult>;
  } catch {
    throw new GraphQLRequestError([{ message: `Onverwacht antwoord van de server (HTTP ${response.status}).`, code: 'BAD_RESPONSE' }], response.status);
  }

  if (body.errors?.length) {
    throw new GraphQLRequestError(
      body.errors.map(({ message, extensions }) => ({
        message,
        code: typeof extensions?.code === 'string' ? extensions.code : undefined,
        field: typeof extensions?.field === 'string' ? extensions.field : undefined,
        extensions,
      })),
      response.status,
    );
  }
  if (!response.ok || body.data == null) {
    throw new GraphQLRequestError([{ message: `De server gaf geen gegevens (HTTP ${response.status}).`, code: 'BAD_RESPONSE' }], response.status);
  }
  return body.data;
}
