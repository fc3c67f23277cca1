import type { TypedDocumentString } from '../generated/graphql';

/** One error as the server sends it: a message, a code and the input field it is about. */
export interface GraphQLErrorDetail {
  /** In the user's language (from the catalogue by `extensions.messageKey`), else the server's Dutch text. */
  message: string;
  /** The server's own (Dutch) text. */
  serverMessage?: string;
  code?: string;
  field?: string;
  extensions?: Record<string, unknown>;
}

type Localizer = (detail: GraphQLErrorDetail) => GraphQLErrorDetail;
let localize: Localizer = (detail) => detail;

/** The i18n module says every server error in the user's language (issue 13.5); without it errors stay as sent. */
export function setServerMessageLocalizer(localizer: Localizer): void {
  localize = localizer;
}

/** Thrown when the server answers with GraphQL errors or the request itself fails. */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorDetail[];
  readonly status: number | undefined;

  constructor(errors: GraphQLErrorDetail[], status?: number) {
    const localized = errors.map((e) => localize(e));
    super(localized.map((e) => e.message).join(' ') || 'Onbekende fout');
    this.name = 'GraphQLRequestError';
    this.errors = localized;
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

type UnauthenticatedListener = (error: GraphQLRequestError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Be told whenever the server answers UNAUTHENTICATED (no session, or it expired), whichever
 * component asked. The session provider uses this to show the sign-in form again. Returns an unsubscribe.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

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
        // The session is an httpOnly SameSite=Strict cookie the browser sends by itself (same origin).
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
    const error = new GraphQLRequestError(
      body.errors.map(({ message, extensions }) => ({
        message,
        code: typeof extensions?.code === 'string' ? extensions.code : undefined,
        field: typeof extensions?.field === 'string' ? extensions.field : undefined,
        extensions,
      })),
      response.status,
    );
    if (error.errors.some((e) => e.code === 'UNAUTHENTICATED')) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  if (!response.ok || body.data == null) {
    throw new GraphQLRequestError([{ message: `De server gaf geen gegevens (HTTP ${response.status}).`, code: 'BAD_RESPONSE' }], response.status);
  }
  return body.data;
}
