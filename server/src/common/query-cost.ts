import type { ApolloServerPlugin } from '@apollo/server';
import type { FieldMiddleware } from '@nestjs/graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { type DocumentNode, getNamedType, GraphQLError, type GraphQLField, type GraphQLSchema, isListType, isNonNullType, isObjectType, Kind } from 'graphql';
import { ErrorCode } from './errors.js';
import { costLimitError } from './limit-errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * What one request may cost (issue 10.1). Depth, alias and token limits alone did not bound lists nested in
 * lists: `neighbourhoods { persons { neighbourhoods { persons … } } }` grew the process to 4 GB. Two lines of defence:
 * 1. Before it runs, the cost of an operation counts list sizes: every field costs 1, and a list field costs
 *    its size times what it selects, the size being its `page.limit` (paged lists) or the estimate below.
 *    Over QUERY_LIMITS.maxCost the request is refused (400) with a Dutch message, the limit and the cost found.
 * 2. While it runs, a request may resolve at most QUERY_LIMITS.maxListItems list items, QUERY_LIMITS.maxResponseBytes
 *    characters of text and JSON, and run at most QUERY_LIMITS.maxMilliseconds; past any of these it stops resolving
 *    and answers one RESPONSE_TOO_LARGE error.
 *    Nested relation lists (a list inside an object that is itself not a root field) give at most
 *    QUERY_LIMITS.nestedListCap items each.
 */
export const QUERY_LIMITS = {
  /** Roughly the number of fields the answer may hold; the client's largest operation costs well under it (README). */
  maxCost: 50_000,
  maxListItems: 20_000,
  /** Characters of text and JSON values in one answer (about its size in bytes). */
  maxResponseBytes: 20 * 1024 * 1024,
  maxMilliseconds: 5_000,
  nestedListCap: MAX_PAGE_SIZE,
  /** Lists without a `page` argument and no estimate below. */
  defaultListSize: 20,
} as const;

/**
 * The documented size of each list without a `page` argument, as `Type.field`: a generous upper estimate for
 * one municipality (the demo data and Utrecht's 111 neighbourhoods are well within). Paged lists use their limit.
 */
export const LIST_SIZES: Record<string, number> = {
  // Root lists: reference data and registry lists of one municipality.
  'Query.neighbourhoods': 500,
  'Query.districts': 100,
  'Query.languages': 200,
  'Query.communities': 100,
  'Query.capabilities': 100,
  'Query.teams': 100,
  'Query.users': 200,
  'Query.agreements': 200,
  'Query.activities': 200,
  'Query.contactAssignments': 50,
  'Query.supporterCandidates': 200,
  'Query.personCoverage': 500,
  // Relation lists of one record.
  'Neighbourhood.teams': 10,
  'Neighbourhood.persons': 50,
  'Neighbourhood.organisations': 50,
  'Neighbourhood.agreements': 20,
  'Neighbourhood.activities': 20,
  'Neighbourhood.fixedContacts': 20,
  'Team.neighbourhoods': 30,
  'Team.agreements': 30,
  'Team.contactHistory': 10,
  'Organisation.neighbourhoods': 30,
  'Organisation.languages': 10,
  'Organisation.communities': 10,
  'Organisation.agreements': 10,
  'Organisation.activities': 10,
  'Organisation.contactHistory': 10,
  'Person.neighbourhoods': 10,
  'Person.languages': 10,
  'Person.communities': 10,
  'Person.agreements': 10,
  'Agreement.neighbourhoods': 10,
  'Agreement.activities': 10,
  'Activity.languages': 10,
  'User.teams': 10,
  'User.actableTeams': 100,
  'User.teamCoordinators': 20,
  // Computed answers.
  'MatchResult.matches': 50,
  'MatchResult.languages': 10,
  'MatchResult.suggestions': 10,
  'Match.reasons': 10,
  'Match.weaknesses': 10,
  // The values of one sentence (issue 13.5): at most four (language, code, level; place, km).
  'MatchReason.params': 4,
  'MatchSuggestion.params': 4,
  'ImportReport.problems': 100,
};

/** How many times a field's selection is counted: its page size, its list estimate, or 1. */
export function listSize(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const named = getNamedType(field.type);
  if (parentType.startsWith('__') || named.name.startsWith('__')) return 1;
  if (field.args.some((a) => a.name === 'page') && isObjectType(named) && named.name.endsWith('Page')) {
    return Number((args.page as { limit?: unknown } | undefined)?.limit ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  }
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type) || !isObjectType(named)) return 1;
  if (parentType.endsWith('Page') && field.name === 'items') return 1; // counted on the paged field itself
  return LIST_SIZES[`${parentType}.${field.name}`] ?? QUERY_LIMITS.defaultListSize;
}

const listCost = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => 1 + listSize(type.name, field, args) * childComplexity;

/** The cost of one operation of `document` with these variables (see QUERY_LIMITS). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [listCost], maxQueryNodes: 100_000 });
}

/** Refuses an operation over QUERY_LIMITS.maxCost after it is parsed and validated, before any resolver runs. */
export const queryCostPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        const introspectionOnly = !!operation && operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
        if (introspectionOnly) return;
        let cost: number;
        try {
          cost = queryCost(schema, document, request.variables ?? {}, request.operationName);
        } catch {
          return; // variables that do not fit the operation: Apollo refuses those itself before anything runs
        }
        if (cost > QUERY_LIMITS.maxCost) {
          const refusal = costLimitError(QUERY_LIMITS.maxCost, cost);
          throw new GraphQLError(refusal.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...refusal.extensions, http: { status: 400 } } });
        }
      },
    };
  },
};

interface Budget {
  items: number;
  bytes: number;
  deadline: number;
  refusal?: { message: string; extensions: Record<string, unknown> };
}

/** The run-time budget of one request, kept in its GraphQL context. */
export const newBudget = (): Budget => ({ items: 0, bytes: 0, deadline: Date.now() + QUERY_LIMITS.maxMilliseconds });

const ADVICE = "Vraag minder lijsten binnen lijsten op, of kleinere pagina's.";
const REFUSALS = {
  maxListItems: (max: number, found: number) => `Het antwoord wordt te groot: meer dan ${max} lijstitems (${found} gevonden). ${ADVICE}`,
  maxResponseBytes: (max: number, found: number) =>
    `Het antwoord wordt te groot: meer dan ${Math.round(max / 1024 / 1024)} MB (${Math.round(found / 1024 / 1024)} MB gevonden). ${ADVICE}`,
  maxMilliseconds: (max: number) => `De query duurt te lang: meer dan ${max / 1000} seconden. ${ADVICE}`,
};

function exceed(budget: Budget, limit: keyof typeof REFUSALS, found: number): NonNullable<Budget['refusal']> {
  const max = QUERY_LIMITS[limit];
  return (budget.refusal ??= { message: REFUSALS[limit](max, found), extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, field: 'query', limit, max, found } });
}

function refuse(budget: Budget, limit: keyof typeof REFUSALS, found: number): never {
  const refusal = exceed(budget, limit, found);
  throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
}

/** Counts list items and time as fields resolve; caps nested relation lists (see QUERY_LIMITS). */
export const responseBudget: FieldMiddleware = async (ctx, next) => {
  const context = ctx.context as { budget?: Budget };
  const budget = (context.budget ??= newBudget());
  if (budget.refusal) throw new GraphQLError(budget.refusal.message, { extensions: budget.refusal.extensions });
  const now = Date.now();
  if (now >= budget.deadline) refuse(budget, 'maxMilliseconds', now - budget.deadline + QUERY_LIMITS.maxMilliseconds);
  let value = await next();
  if (Array.isArray(value)) {
    const nested = ctx.info!.path.prev !== undefined && !ctx.info!.parentType.name.endsWith('Page');
    if (nested && value.length > QUERY_LIMITS.nestedListCap) value = value.slice(0, QUERY_LIMITS.nestedListCap);
    budget.items += value.length;
    if (budget.items > QUERY_LIMITS.maxListItems) refuse(budget, 'maxListItems', budget.items);
  } else if (typeof value === 'string') {
    budget.bytes += value.length;
  } else if (value !== null && typeof value === 'object' && getNamedType(ctx.info!.returnType).name === 'JSON') {
    budget.bytes += JSON.stringify(value).length;
  }
  if (budget.bytes > QUERY_LIMITS.maxResponseBytes) refuse(budget, 'maxResponseBytes', budget.bytes);
  return value;
};

/**
 * Nest runs field middleware for fields of object types, not for the root fields of Query and Mutation: their
 * lists are counted here, and the fields below them (which do run the middleware) stop once the budget is spent.
 * A request that ran out of budget answers one error, not one per field that stopped.
 */
export const responseBudgetPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ info, contextValue }) {
            if (info.path.prev) return;
            return (_error: unknown, result: unknown) => {
              const budget = ((contextValue as { budget?: Budget }).budget ??= newBudget());
              if (!Array.isArray(result)) return;
              budget.items += result.length;
              if (budget.items > QUERY_LIMITS.maxListItems) exceed(budget, 'maxListItems', budget.items);
            };
          },
        };
      },
      async willSendResponse({ contextValue, response }) {
        const refusal = (contextValue as { budget?: Budget }).budget?.refusal;
        if (!refusal || response.body.kind !== 'single') return;
        response.body.singleResult = { errors: [{ message: refusal.message, extensions: refusal.extensions }] };
        response.http.status = 400;
      },
    };
  },
};
