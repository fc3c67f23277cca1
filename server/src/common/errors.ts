import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { limitError } from './limit-errors.js';

/** Codes a client can rely on, in `errors[].extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNKNOWN_LANGUAGE: 'UNKNOWN_LANGUAGE',
  UNKNOWN_NEIGHBOURHOOD: 'UNKNOWN_NEIGHBOURHOOD',
  INVALID_CBS_CODE: 'INVALID_CBS_CODE',
  NOT_FOUND: 'NOT_FOUND',
  ARCHIVED: 'ARCHIVED',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The answer grew past the run-time bound (list items or time) of one request: common/query-cost.ts. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A domain error: a code, a Dutch message for people, and the input field it is about.
 * Thrown from services; Apollo passes it to the client as it is. Beside the Dutch message (the default for
 * API clients) it carries `messageKey` and `params`, so the web client says it in the user's language
 * (issue 13.5); without a key of its own an error gets `error.<code>` in formatError.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(field ? { field } : {}), ...details } });
  }
}

export const badInput = (field: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field, details);

/** A refused input with a stable sentence key and its values, e.g. `keyedBadInput('radiusKm', 'match.radius.range', 'De straal…', { max: 50 })`. */
export const keyedBadInput = (field: string, messageKey: string, message: string, params: Record<string, string | number> = {}) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field, { messageKey, params: { field, ...params } });

/** `messageKey` and `params` on every error and every listed problem: a specific key when the thrower gave one, else `error.<code>`. */
function withMessageKey(extensions: Record<string, unknown>, code: string): Record<string, unknown> {
  const field = typeof extensions.field === 'string' ? extensions.field : undefined;
  // A query limit (limit-errors.ts) says which one and by how much.
  const limit =
    typeof extensions.limit === 'string' ? { key: `limit.${extensions.limit}`, params: { max: extensions.max, found: extensions.found } } : undefined;
  const params = { ...(field ? { field } : {}), ...(limit?.params ?? {}), ...((extensions.params as Record<string, unknown> | undefined) ?? {}) };
  const messageKey = typeof extensions.messageKey === 'string' ? extensions.messageKey : (limit?.key ?? `error.${code}`);
  const out: Record<string, unknown> = { ...extensions, messageKey, params };
  if (Array.isArray(extensions.problems)) {
    out.problems = (extensions.problems as Record<string, unknown>[]).map((problem) => {
      const problemField = typeof problem.field === 'string' ? problem.field : undefined;
      return {
        ...problem,
        messageKey: typeof problem.messageKey === 'string' ? problem.messageKey : `error.${code}`,
        params: { ...(problemField ? { field: problemField } : {}), ...((problem.params as Record<string, unknown> | undefined) ?? {}) },
      };
    });
  }
  return out;
}

export const notFound = (field: string, message: string) => new DomainError(ErrorCode.NOT_FOUND, message, field);

const PASSED_THROUGH = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** graphql-js names the variable or argument in its messages; lift it into `field`. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1];
  const variable = /Variable "\$([A-Za-z0-9_]+)"/.exec(message);
  if (variable) return variable[1];
  const argument = /Argument "([A-Za-z0-9_.]+)"/.exec(message);
  if (argument) return argument[1];
  const field = /[Ff]ield "([A-Za-z0-9_.]+)"/.exec(message);
  return field?.[1];
}

/**
 * The one place where errors leave the server: known codes keep their message and field; anything
 * else is logged and masked, so no stack trace or internal detail ever reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  let code = String(formatted.extensions?.code ?? '');
  // graphql-js refuses an operation type the schema lacks (`subscription { … }`) without a code: a bad request, not a failure.
  if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    if (/^Schema is not configured to execute \w+ operation\.$/.test(formatted.message)) {
      code = 'GRAPHQL_VALIDATION_FAILED';
      formatted = { ...formatted, message: 'Dit soort operatie (subscription) bestaat niet in deze API', extensions: { ...formatted.extensions, code } };
    }
  }
  if (PASSED_THROUGH.has(code)) {
    const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const limit = code === 'GRAPHQL_VALIDATION_FAILED' ? limitError(formatted.message) : null;
    if (limit) return { message: limit.message, locations: formatted.locations, extensions: withMessageKey({ ...extensions, ...limit.extensions }, code) };
    if (!extensions.field) {
      const field = fieldFromMessage(formatted.message);
      if (field) extensions.field = field;
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: withMessageKey(extensions, code) };
  }
  log(error);
  return {
    message: 'Er ging iets mis op de server. Probeer het later opnieuw.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageKey: `error.${ErrorCode.INTERNAL_SERVER_ERROR}`, params: {} },
  };
}
