import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Kind } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { formatError } from '../common/errors.js';

/** What one request's log line says, gathered while it runs (GraphQL operations and error codes). */
interface RequestFacts {
  operations: string[];
  errorCodes: string[];
}

type LoggedRequest = Request & { id?: string; log?: Logger; facts?: RequestFacts; actor?: { userId: string } | null };

/** An id a load balancer or proxy sent along is kept when it looks like one; otherwise a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Error codes named in a JSON answer `{ errors: [{ extensions: { code } }] }`, also in a batch. */
function codesIn(body: unknown): string[] {
  const answers = Array.isArray(body) ? body : [body];
  const codes: string[] = [];
  for (const answer of answers) {
    for (const error of (answer as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? []) {
      codes.push(String(error?.extensions?.code ?? 'UNKNOWN'));
    }
  }
  return codes;
}

const facts = (req: LoggedRequest): RequestFacts => (req.facts ??= { operations: [], errorCodes: [] });

/**
 * One JSON line per request (pino-http): request id (also sent back as X-Request-Id), method, path
 * without the query string, status, duration, the signed-in user's id, the GraphQL operation(s) and
 * the error codes of the answer. No headers, bodies, query strings, names, phones or e-mail addresses.
 * Health checks are not logged (a load balancer asks every few seconds).
 */
export function requestLogging(logger: Logger) {
  const http = pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 || (req as LoggedRequest).facts?.errorCodes.length ? 'warn' : 'info';
    },
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req as LoggedRequest)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req as LoggedRequest)} ${res.statusCode}`,
    customSuccessObject: (req, res, value) => line(req as LoggedRequest, res, value as { responseTime: number }),
    customErrorObject: (req, res, error, value) => ({ ...line(req as LoggedRequest, res, value as { responseTime: number }), err: error }),
  });
  return (req: LoggedRequest, res: Response, next: NextFunction) => {
    // Answers written by middleware (limits, body errors) carry their codes in the JSON body.
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      facts(req).errorCodes.push(...codesIn(body));
      return json(body);
    };
    http(req, res, next);
  };
}

const pathOf = (req: LoggedRequest) => (req.originalUrl ?? req.url ?? '').split('?')[0].slice(0, 200);

function line(req: LoggedRequest, res: { statusCode: number }, value: { responseTime: number }) {
  return {
    method: req.method,
    path: pathOf(req),
    status: res.statusCode,
    durationMs: value.responseTime,
    userId: req.actor?.userId ?? null,
    ...(req.facts?.operations.length ? { operations: req.facts.operations } : {}),
    ...(req.facts?.errorCodes.length ? { errorCodes: [...new Set(req.facts.errorCodes)] } : {}),
  };
}

/** Codes of refused limits: logged as a line of their own, with the request id and the message. */
const LIMIT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST']);

/**
 * Adds each GraphQL operation (type and name, or its first field) and the error codes of its answer
 * to the request's log line; logs crashes (errors without a known code) with their stack and refused
 * limits with their message, both under the request id.
 */
export const requestLoggingPlugin: ApolloServerPlugin<{ req?: LoggedRequest }> = {
  async requestDidStart({ contextValue }) {
    const req = contextValue.req;
    return {
      async didResolveOperation({ operation, operationName }) {
        if (!req || !operation) return;
        const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
        const name = operationName ?? (first?.kind === Kind.FIELD ? first.name.value : '?');
        facts(req).operations.push(`${operation.operation} ${name}`.slice(0, 100));
      },
      async didEncounterErrors({ errors }) {
        if (!req) return;
        for (const error of errors) {
          // The code the client gets: formatError decides what is expected and what is masked as a crash.
          const formatted = formatError({ message: error.message, extensions: error.extensions }, error, () => undefined);
          const code = String(formatted.extensions?.code ?? '');
          if (!code || code === 'INTERNAL_SERVER_ERROR')
            req.log?.error({ err: error.originalError ?? error, path: error.path }, 'Onverwachte fout in een GraphQL-verzoek');
          else if (LIMIT_CODES.has(code)) req.log?.warn({ code, reason: formatted.message.slice(0, 300) }, 'Verzoek geweigerd door een limiet');
        }
      },
      async willSendResponse({ response }) {
        if (req && response.body.kind === 'single') facts(req).errorCodes.push(...codesIn(response.body.singleResult));
      },
    };
  },
};

/**
 * Express errors before GraphQL (body too large, bad JSON, a failing middleware): logged with the
 * request id, then answered by the hardening's error handler as before.
 */
export function errorLogging() {
  return (error: { type?: string; status?: number; message?: string }, req: LoggedRequest, _res: Response, next: NextFunction) => {
    if (error?.status && error.status < 500) req.log?.warn({ type: error.type, status: error.status }, 'Verzoek geweigerd');
    else req.log?.error({ err: error }, 'Onverwachte fout in een verzoek');
    next(error);
  };
}
