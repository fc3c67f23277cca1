import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FieldMiddleware } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { type DocumentNode, getNamedType, GraphQLError, Kind, Lexer, Source, TokenKind, visit } from 'graphql';
import helmet from 'helmet';
import type { AppConfig } from '../config.js';
import { DomainError, ErrorCode } from './errors.js';

/**
 * The GraphQL hardening of the OWASP GraphQL Cheat Sheet, in one place. Limits are generous for
 * the client's own queries (deepest: persons → items → languages → language, depth 4) and tight
 * for abuse.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  /** Longest string accepted anywhere in variables or the document; fields have their own, lower, MaxLength. */
  maxStringLength: 20_000,
} as const;

/** graphql-armor: depth, cost, aliases, directives and tokens as Apollo validation rules and plugins. */
export function armor(config: AppConfig) {
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // graphql-armor's token limit throws syntax errors from a plugin hook, which Apollo answers with a 500;
    // requestLimits() below counts tokens the same way before Apollo and leaves syntax errors to its parser (a 400).
    maxTokens: { enabled: false },
    // Field suggestions ("Did you mean …") reveal the schema; they help developers, so only in production.
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return { plugins: protection.plugins, validationRules: protection.validationRules };
}

/** Tokens in a document, counting stops past `limit`; null for a syntax error (Apollo's parser reports those). */
export function countTokens(source: string, limit: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > limit) break;
    }
  } catch {
    return null;
  }
  return count;
}

/** Names the first string longer than the limit, in the variables or as a literal in the document. */
function tooLongString(variables: unknown, document: DocumentNode | undefined, limit: number): string | null {
  const walk = (value: unknown, path: string): string | null => {
    if (typeof value === 'string') return value.length > limit ? path : null;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = walk(value[i], `${path}.${i}`);
        if (found) return found;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const found = walk(v, path ? `${path}.${key}` : key);
        if (found) return found;
      }
    }
    return null;
  };
  const inVariables = walk(variables ?? {}, '');
  if (inVariables) return inVariables;
  let inDocument: string | null = null;
  if (document) {
    visit(document, {
      StringValue(node) {
        if (!inDocument && node.value.length > limit) inDocument = 'query';
      },
      Argument(node) {
        if (!inDocument && node.value.kind === Kind.STRING && node.value.value.length > limit) inDocument = node.name.value;
      },
    });
  }
  return inDocument;
}

/** Refuses any string over GRAPHQL_LIMITS.maxStringLength before a resolver runs (ID arguments have no MaxLength). */
export const stringLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const field = tooLongString(request.variables, document, GRAPHQL_LIMITS.maxStringLength);
        if (field) {
          throw new GraphQLError(`Tekst is te lang: hoogstens ${GRAPHQL_LIMITS.maxStringLength} tekens`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * Types that carry personal data of persons: readable only when signed in, wherever they appear
 * (a person nested in an organisation, agreement or match included), whatever ANONYMOUS_READ says.
 */
export const PERSONAL_DATA_TYPES = new Set(['Person', 'PersonPage', 'ContactDetails', 'AuditEntry', 'AuditEntryPage']);

export const personalDataGuard: FieldMiddleware = async (ctx, next) => {
  if (PERSONAL_DATA_TYPES.has(getNamedType(ctx.info!.returnType).name) && !ctx.context?.req?.actor) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Gegevens van personen zijn alleen zichtbaar als u bent ingelogd', ctx.info!.fieldName);
  }
  return next();
};

/** The origin(s) of the tile server, for the CSP: `https://{s}.tile.openstreetmap.org/…` → `https://*.tile.openstreetmap.org`. */
export function tileOrigin(tileUrl: string): string | null {
  try {
    const url = new URL(tileUrl.replace('{s}', 'xsubdomainx').replace(/\{[a-z]\}/g, '0'));
    return url.origin.replace('xsubdomainx', '*');
  } catch {
    return null;
  }
}

/** Security headers. The CSP lets the client load its own scripts and styles and the map tiles. */
export function securityHeaders(config: AppConfig) {
  const tiles = tileOrigin(config.tileUrl);
  const withCsp = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Leaflet positions tiles and markers with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.production ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Outside production, GET /graphql serves Apollo's sandbox page, which loads its own scripts.
  const withoutCsp = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false });
  return (req: Request, res: Response, next: NextFunction) =>
    (!config.production && req.method === 'GET' && req.path === '/graphql' ? withoutCsp : withCsp)(req, res, next);
}

const graphqlError = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * Before Apollo sees a request: more than `maxBatch` operations in one batch, or a document of more
 * than GRAPHQL_LIMITS.maxTokens tokens, is refused before anything is parsed or run.
 */
export function requestLimits(maxBatch: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/graphql') return next();
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body ?? req.query];
    if (operations.length > maxBatch) return graphqlError(res, 400, 'BAD_REQUEST', `Hoogstens ${maxBatch} operaties per verzoek`);
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query === 'string' && (countTokens(query, GRAPHQL_LIMITS.maxTokens) ?? 0) > GRAPHQL_LIMITS.maxTokens) {
        return graphqlError(res, 400, 'GRAPHQL_VALIDATION_FAILED', `De query is te lang: hoogstens ${GRAPHQL_LIMITS.maxTokens} tokens`);
      }
    }
    next();
  };
}

/** Errors from body parsing and middleware, answered as GraphQL errors (never an HTML page or a stack trace). */
export function requestErrorHandler(maxBodyBytes: number, log: (e: unknown) => void = console.error) {
  return (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error?.type === 'entity.too.large') {
      return graphqlError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `Het verzoek is te groot: hoogstens ${Math.floor(maxBodyBytes / 1024)} kB`);
    }
    if (error?.type === 'entity.parse.failed' || error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
      return graphqlError(res, 400, 'BAD_REQUEST', 'Het verzoek is geen geldige JSON');
    }
    if (error?.status && error.status >= 400 && error.status < 500) return graphqlError(res, error.status, 'BAD_REQUEST', 'Ongeldig verzoek');
    log(error);
    return graphqlError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Er ging iets mis op de server. Probeer het later opnieuw.');
  };
}
