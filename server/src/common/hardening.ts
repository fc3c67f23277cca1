import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FieldMiddleware } from '@nestjs/graphql';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  type DocumentNode,
  getNamedType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  typeFromAST,
  visit,
} from 'graphql';
import helmet from 'helmet';
import type { AppConfig } from '../config.js';
import { DomainError, ErrorCode } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import { QUERY_LIMITS, queryCost } from './query-cost.js';

/**
 * The GraphQL hardening of the OWASP GraphQL Cheat Sheet, in one place. Limits are generous for
 * the client's own queries (deepest: persons → items → languages → language, depth 4) and tight
 * for abuse.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  /** Cost with list sizes: common/query-cost.ts. */
  maxCost: QUERY_LIMITS.maxCost,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  /** Longest string accepted anywhere in variables or the document; fields have their own, lower, MaxLength. */
  maxStringLength: 20_000,
  /** Operations made only of these mutations may carry a whole file as one string (their input has its own MaxLength). */
  fileMutations: ['importCsv', 'importHsds', 'importCommunityPresences'],
  maxFileStringLength: 20_000_000,
  /** Deepest nesting of objects and arrays in the variables; our deepest input is 3 levels. */
  maxVariablesDepth: 32,
} as const;

/** The string limit for this operation: files for the import mutations, GRAPHQL_LIMITS.maxStringLength otherwise. */
function stringLimitFor(document: DocumentNode | undefined, operationName: string | null | undefined): number {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return GRAPHQL_LIMITS.maxStringLength;
  const fields = operation.selectionSet.selections;
  const onlyFiles = fields.every((f) => f.kind === Kind.FIELD && (GRAPHQL_LIMITS.fileMutations as readonly string[]).includes(f.name.value));
  return onlyFiles ? GRAPHQL_LIMITS.maxFileStringLength : GRAPHQL_LIMITS.maxStringLength;
}

/** graphql-armor: depth, cost, aliases, directives and tokens as Apollo validation rules and plugins. */
export function armor(config: AppConfig) {
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true },
    // graphql-armor's cost counts a list like a single object; queryCostPlugin (query-cost.ts) counts list sizes instead.
    costLimit: { enabled: false },
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

/**
 * The cost (query-cost.ts) of each operation of a document, as the server counts it: to check the client's own
 * operations against GRAPHQL_LIMITS.maxCost. A `page` variable is taken at its largest (MAX_PAGE_SIZE).
 */
export function operationCosts(schema: GraphQLSchema, document: DocumentNode): number[] {
  return document.definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => {
          const name = v.variable.name.value;
          return [name, name === 'page' ? { limit: MAX_PAGE_SIZE } : placeholder(typeFromAST(schema, v.type as never) as GraphQLInputType)];
        }),
      );
      return queryCost(schema, document, variables, operation.name?.value);
    });
}

/** Some valid value of an input type (required fields only): the cost does not depend on it, but coercion needs one. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  return ({ Int: 1, Float: 1, Boolean: true } as Record<string, unknown>)[getNamedType(type).name] ?? 'x';
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

/**
 * Names the first string that is `bad`, in the variables or as a literal in the document. Iterative, with an
 * explicit stack: variables nested thousands deep must not overflow the call stack (issue 10.6; requestLimits
 * refuses those before this runs, this stays safe on its own).
 */
function findString(variables: unknown, document: DocumentNode | undefined, bad: (text: string) => boolean): string | null {
  const walk = (start: unknown): string | null => {
    const stack: [unknown, string][] = [[start, '']];
    while (stack.length) {
      const [value, path] = stack.pop()!;
      if (typeof value === 'string') {
        if (bad(value)) return path;
      } else if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
      } else if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0]]);
      }
    }
    return null;
  };
  const inVariables = walk(variables ?? {});
  if (inVariables) return inVariables;
  let inDocument: string | null = null;
  if (document) {
    visit(document, {
      StringValue(node) {
        if (!inDocument && bad(node.value)) inDocument = 'query';
      },
      Argument(node) {
        if (!inDocument && node.value.kind === Kind.STRING && bad(node.value.value)) inDocument = node.name.value;
      },
    });
  }
  return inDocument;
}

/**
 * Refuses any string over GRAPHQL_LIMITS.maxStringLength before a resolver runs (ID arguments have no MaxLength);
 * the import mutations take a whole file, up to maxFileStringLength. Also refuses the NUL character: no text
 * needs it, and PostgreSQL rejects it in any text value (a 500 instead of an input error).
 */
export const stringLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const limit = stringLimitFor(document, request.operationName);
        const tooLong = findString(request.variables, document, (text) => text.length > limit);
        if (tooLong) {
          throw new GraphQLError(`Tekst is te lang: hoogstens ${limit} tekens`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field: tooLong, http: { status: 400 } },
          });
        }
        const withNul = findString(request.variables, document, (text) => text.includes('\u0000'));
        if (withNul) {
          throw new GraphQLError('Tekst mag geen NUL-teken (U+0000) bevatten', {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field: withNul, http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * What someone who is not signed in may receive, decided per GraphQL object type wherever it shows
 * up in a response (root fields have their own guard; this covers nested fields such as
 * `neighbourhood { agreements }` or `team { currentContact { person } }`). Deny by default: a type
 * not listed here needs a session, so a new feature's types start out private.
 */
export const ANONYMOUS_TYPES = {
  /** Always public: the reference data the map needs. */
  public: new Set(['ClientSettings', 'Community', 'District', 'GeoBounds', 'Language', 'Neighbourhood', 'ServedMunicipality']),
  /** Public only with ANONYMOUS_READ=true: organisations, teams, walk-in hours, and counts of persons without names. */
  anonymousRead: new Set([
    'Organisation',
    'OrganisationPage',
    'Team',
    'Activity',
    'WalkInOccurrence',
    'WalkInOccurrencePage',
    'PersonCoverage',
    'PartnerMap',
    'PartnerMapCluster',
  ]),
  /**
   * What a policy officer (signed in, aggregates only) may receive besides the two sets above: the
   * reach and neighbourhood-analysis aggregates. Person types, contact details, users, audit entries
   * and review items stay out, at any depth.
   */
  policyOfficer: new Set([
    'AggregateCount',
    'ReachMatrix',
    'ReachCell',
    'ReachCellDetail',
    'ReachGap',
    'ReachArea',
    'ReachGroup',
    'ReachSettings',
    'ReachSnapshot',
    // Referral counts per team, buurt and outcome (1–4 masked); never a referral itself.
    'ReferralCountPage',
    'ReferralCount',
  ]),
} as const;

/** A signed-in policy officer: receives the public, the anonymous-read and the aggregate types only. */
const POLICY_OFFICER_ROLE = 'POLICY_OFFICER';

/**
 * Whether a policy officer may receive a value of this GraphQL type (deny by default, like anonymous
 * callers). Used for nested fields below and, by the AuthGuard, for root fields, which field middleware does not see.
 */
export function policyOfficerMayReceive(returnType: GraphQLOutputType): boolean {
  const type = getNamedType(returnType);
  if (!isObjectType(type)) return true;
  return (
    ANONYMOUS_TYPES.public.has(type.name) ||
    ANONYMOUS_TYPES.anonymousRead.has(type.name) ||
    ANONYMOUS_TYPES.policyOfficer.has(type.name) ||
    SESSION_TYPES.has(type.name)
  );
}

/** What `me` and `login` answer with: the caller's own account. */
const SESSION_TYPES = new Set(['User', 'LoginResult', 'AuthPayload']);

/** Root fields that answer about the caller's own session (the user in a login answer, `me`). */
/** Roots whose answer is scoped by something else than a session: the sign-in itself, and a partner's self-service token (issue 14). */
const SESSION_ROOTS = new Set(['login', 'me', 'selfServiceEntry', 'confirmSelfServiceEntry', 'proposeSelfServiceChange']);

export function anonymousAccessGuard(config: Pick<AppConfig, 'anonymousRead'>): FieldMiddleware {
  return async (ctx, next) => {
    const actor = ctx.context?.req?.actor;
    if (actor && actor.role !== POLICY_OFFICER_ROLE) return next();
    const type = getNamedType(ctx.info!.returnType);
    if (!isObjectType(type) || ANONYMOUS_TYPES.public.has(type.name)) return next();
    if ((config.anonymousRead || actor) && ANONYMOUS_TYPES.anonymousRead.has(type.name)) return next();
    if (actor && ANONYMOUS_TYPES.policyOfficer.has(type.name)) return next();
    let root = ctx.info!.path;
    while (root.prev) root = root.prev;
    if (SESSION_ROOTS.has(String(root.key))) return next();
    if (actor) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Een beleidsmedewerker ziet alleen totalen, geen gegevens van personen', ctx.info!.fieldName);
    }
    throw new DomainError(
      ErrorCode.UNAUTHENTICATED,
      type.name.startsWith('Person') || type.name === 'ContactDetails'
        ? 'Gegevens van personen zijn alleen zichtbaar als u bent ingelogd'
        : 'U moet ingelogd zijn om dit te zien',
      ctx.info!.fieldName,
    );
  };
}

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

const graphqlError = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** How deep objects and arrays nest in `value`, counting stops past `limit`; iterative, so any depth is safe. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Before Apollo sees a request: variables nested deeper than GRAPHQL_LIMITS.maxVariablesDepth, more than `maxBatch` operations in one batch, or a document of more
 * than GRAPHQL_LIMITS.maxTokens tokens, is refused before anything is parsed or run.
 */
export function requestLimits(maxBatch: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/graphql') return next();
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body ?? req.query];
    if (operations.length > maxBatch) return graphqlError(res, 400, 'BAD_REQUEST', `Hoogstens ${maxBatch} operaties per verzoek`);
    for (const operation of operations) {
      const variablesDepth = nestingDepth((operation as { variables?: unknown } | null)?.variables, GRAPHQL_LIMITS.maxVariablesDepth);
      if (variablesDepth > GRAPHQL_LIMITS.maxVariablesDepth) {
        return res.status(400).json({
          errors: [
            {
              message: `De variabelen zijn te diep genest: meer dan ${GRAPHQL_LIMITS.maxVariablesDepth} niveaus, hoogstens ${GRAPHQL_LIMITS.maxVariablesDepth}.`,
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'variables', limit: 'maxVariablesDepth', max: GRAPHQL_LIMITS.maxVariablesDepth },
            },
          ],
        });
      }
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query === 'string' && (countTokens(query, GRAPHQL_LIMITS.maxTokens) ?? 0) > GRAPHQL_LIMITS.maxTokens) {
        return graphqlError(res, 400, 'GRAPHQL_VALIDATION_FAILED', `De query is te lang: hoogstens ${GRAPHQL_LIMITS.maxTokens} tokens`);
      }
    }
    next();
  };
}

/** The body limit of this request: MAX_IMPORT_MB for signed-in users (imports), MAX_BODY_KB for everyone else. */
const bodyLimit = (req: Request, limits: Pick<AppConfig, 'maxBodyBytes' | 'maxImportBytes'>) =>
  (req as Request & { actor?: unknown }).actor ? limits.maxImportBytes : limits.maxBodyBytes;

/**
 * JSON bodies, after the auth middleware: anonymous callers get the small limit, so only someone
 * signed in can make the server parse a large document. Named jsonParser so Nest adds no second one.
 */
export function jsonBody(limits: Pick<AppConfig, 'maxBodyBytes' | 'maxImportBytes'>) {
  const small = express.json({ limit: limits.maxBodyBytes });
  const large = express.json({ limit: limits.maxImportBytes });
  return function jsonParser(req: Request, res: Response, next: NextFunction) {
    return (bodyLimit(req, limits) === limits.maxImportBytes ? large : small)(req, res, next);
  };
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} kB`);

/** Errors from body parsing and middleware, answered as GraphQL errors (never an HTML page or a stack trace). */
export function requestErrorHandler(limits: Pick<AppConfig, 'maxBodyBytes' | 'maxImportBytes'>, log: (e: unknown) => void = console.error) {
  return (error: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error?.type === 'entity.too.large') {
      return graphqlError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `Het verzoek is te groot: hoogstens ${sizeText(bodyLimit(req, limits))}`);
    }
    if (error?.type === 'entity.parse.failed' || error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
      return graphqlError(res, 400, 'BAD_REQUEST', 'Het verzoek is geen geldige JSON');
    }
    if (error?.status && error.status >= 400 && error.status < 500) return graphqlError(res, error.status, 'BAD_REQUEST', 'Ongeldig verzoek');
    log(error);
    return graphqlError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Er ging iets mis op de server. Probeer het later opnieuw.');
  };
}
