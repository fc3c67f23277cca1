import fc from 'fast-check';
import { getNamedType, type GraphQLInputType, type GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAll } from '../support/demo-accounts.js';
import { snapshot } from '../support/db-snapshot.js';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  '" OR ""="',
  '1; SELECT * FROM app_user',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '%00',
  '\\',
  "BU03440832' --",
  'som\u0000',
  '$where: 1',
  '{"$gt": ""}',
];
const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 50 });
const hostileString = fc.oneof(
  fc.constantFrom(...INJECTION),
  CONTROL,
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', 'x'.repeat(1_000_000), 'é'.repeat(30_000), '\uD800', '\uFEFF', 'ZZZ', 'xx-YY', 'BU99999999', 'GM9999', 'WK000000'),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 1e308, -1, 0, 0.5, -0.0),
  fc.double(),
  fc.integer(),
  // JSON cannot carry NaN or Infinity: they arrive as null, or as strings.
  fc.constantFrom(null, 'NaN', 'Infinity', '1e999'),
);

/** Hostile values for a GraphQL input type, recursively; sometimes the wrong type altogether. */
function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const wrongType = fc.constantFrom(null, 42, true, [], {}, 'x', [[['deep']]]);
  let value: fc.Arbitrary<unknown>;
  if (isListType(inner)) value = fc.array(arbitraryFor(inner.ofType, depth + 1), { maxLength: depth > 1 ? 2 : 60 });
  else if (isEnumType(inner)) value = fc.oneof(fc.constantFrom(...inner.getValues().map((v) => v.name)), fc.constantFrom('UNKNOWN', 'key_person', ''));
  else if (isInputObjectType(inner)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(inner.getFields());
    value = fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, depth + 1)])), { requiredKeys: [] });
  } else if (isScalarType(inner) && ['Int', 'Float'].includes(inner.name)) value = hostileNumber;
  else if (isScalarType(inner) && inner.name === 'Boolean') value = fc.constantFrom(true, false, 'true', 0);
  else value = hostileString;
  return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: wrongType });
}

/** A mutation call with every argument as a variable. */
function operationFor(schema: GraphQLSchema, name: string): { query: string; args: { name: string; type: GraphQLInputType }[] } {
  const field = schema.getMutationType()!.getFields()[name];
  const args = field.args.map((a) => ({ name: a.name, type: a.type }));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  return { query: `mutation${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''} ${selection} }`, args };
}

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNKNOWN_LANGUAGE',
  'UNKNOWN_NEIGHBOURHOOD',
  'INVALID_CBS_CODE',
  'NOT_FOUND',
  'ARCHIVED',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INVALID_LINK',
  'PAYLOAD_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

let server: TestServer;
let schema: GraphQLSchema;
let tried = 0;

async function post(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  tried++;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`antwoord is geen JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, json };
}

/** The properties every answer to hostile input must have. */
function assertProper(status: number, json: any, context: string): void {
  expect(status, context).not.toBe(500);
  expect(status, context).toBeLessThan(500);
  const errors = Array.isArray(json) ? json.flatMap((j) => j.errors ?? []) : (json.errors ?? []);
  for (const error of errors) {
    expect(typeof error.message, context).toBe('string');
    expect(KNOWN_CODES.has(error.extensions?.code), `${context}: ${JSON.stringify(error)}`).toBe(true);
    expect(error.extensions?.stacktrace, context).toBeUndefined();
    expect(error.message, context).not.toMatch(/SQLITE|QueryFailed|TypeError|at .+\.js:\d+/);
  }
}

beforeAll(async () => {
  // A wide rate limit: this test is about input, not about guessing passwords.
  server = await startTestServer({ seed: true, config: { loginLimit: { perAddress: 100_000, perAccount: 100_000, windowMs: 60_000 } } });
  schema = await fetchSchema(server);
});
afterAll(async () => {
  await server?.close();
  console.log(`Vijandige invoer geprobeerd: ${tried} verzoeken`);
});

describe('hostile input (fast-check)', () => {
  it('every mutation, as administrator and anonymous: no 500, proper GraphQL errors, no row changed when refused', async () => {
    const roles = await signInAll(server);
    const mutations = Object.keys(schema.getMutationType()!.getFields()).filter((m) => m !== 'logout');
    for (const name of mutations) {
      const { query, args } = operationFor(schema, name);
      const variables = fc.record(Object.fromEntries(args.map((a) => [a.name, arbitraryFor(a.type)])), { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(
          variables,
          fc.constantFrom('administrator', 'coordinatorOwn', 'anonymous') as fc.Arbitrary<'administrator' | 'coordinatorOwn' | 'anonymous'>,
          async (vars, role) => {
            const before = await snapshot(server);
            const { status, json } = await post({ query, variables: vars }, roles[role]);
            assertProper(status, json, `${name} as ${role}`);
            if (json.errors?.length && !json.data?.[name]) expect(await snapshot(server), `${name}: refused input changed rows`).toEqual(before);
          },
        ),
        { numRuns: 40, seed: 5, endOnFailure: true },
      );
    }
  }, 600_000);

  it('queries with hostile filters, ids and page sizes', async () => {
    const roles = await signInAll(server);
    const queries = [
      ['persons', `query($f: PersonFilter, $p: PageInput) { persons(filter: $f, page: $p) { totalCount } }`, { f: 'PersonFilter', p: 'PageInput' }],
      [
        'organisations',
        `query($f: OrganisationFilter, $p: PageInput) { organisations(filter: $f, page: $p) { totalCount } }`,
        { f: 'OrganisationFilter', p: 'PageInput' },
      ],
      ['auditLog', `query($f: AuditFilter, $p: PageInput) { auditLog(filter: $f, page: $p) { totalCount } }`, { f: 'AuditFilter', p: 'PageInput' }],
      ['personCoverage', `query($f: PersonCoverageFilter) { personCoverage(filter: $f) { keyPersons } }`, { f: 'PersonCoverageFilter' }],
    ] as const;
    for (const [name, query, types] of queries) {
      const variables = fc.record(Object.fromEntries(Object.entries(types).map(([v, t]) => [v, arbitraryFor(schema.getType(t) as GraphQLInputType)])), {
        requiredKeys: [],
      });
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const { status, json } = await post({ query, variables: vars }, roles.administrator);
          assertProper(status, json, name);
        }),
        { numRuns: 60, seed: 7, endOnFailure: true },
      );
    }
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        const { status, json } = await post(
          { query: `query($id: ID!) { person(id: $id) { name } organisation(id: $id) { name } team(id: $id) { name } }`, variables: { id } },
          roles.member,
        );
        assertProper(status, json, 'ids');
      }),
      { numRuns: 60, seed: 9, endOnFailure: true },
    );
  }, 300_000);

  it('deeply nested, aliased, oversized and malformed documents are refused with a GraphQL error', async () => {
    const roles = await signInAll(server);
    const nested = (n: number) =>
      `{ teams { ${'neighbourhoods { district { code } } '.repeat(1)}${'id '.repeat(1)} } ${'{ a '.repeat(0)}}`.replace(
        '{ teams',
        `{ ${'me { teams { neighbourhoods { code } } } '.repeat(1)} teams`,
      ) + ''.padEnd(n, ' ');
    const documents = fc.oneof(
      fc.integer({ min: 11, max: 200 }).map((depth) => `{ ${'me { teams { '.repeat(depth)}id${' } }'.repeat(depth)} }`),
      fc.integer({ min: 16, max: 2000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: languages { code }`).join(' ')} }`),
      fc.integer({ min: 11, max: 100 }).map((n) => `{ languages ${'@include(if: true) '.repeat(n)} { code } }`),
      fc.integer({ min: 1, max: 3000 }).map((n) => '{'.repeat(n)),
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        nested(1),
        `{ __schema { types { name fields { name type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`,
        'query { persons(page: { limit: 1e9 }) { totalCount } }',
        'query { persons(page: { limit: -1, offset: -5 }) { totalCount } }',
        'fragment f on Query { ...f } { ...f }',
        'subscription { x }',
        'mutation { login }',
      ),
    );
    await fc.assert(
      fc.asyncProperty(documents, fc.boolean(), async (query, signedIn) => {
        const { status, json } = await post({ query }, signedIn ? roles.member : {});
        assertProper(status, json, query.slice(0, 80));
      }),
      { numRuns: 150, seed: 11, endOnFailure: true },
    );

    const bodies = fc.oneof(
      fc.integer({ min: 6, max: 50 }).map((n) => Array.from({ length: n }, () => ({ query: '{ languages { code } }' }))),
      fc.constantFrom([], [{}], { query: 42 }, { query: null }, 'string', 12, { query: '{ languages { code } }', variables: 'x' }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { status, json } = await post(body, roles.member);
        assertProper(status, json, JSON.stringify(body).slice(0, 80));
      }),
      { numRuns: 40, seed: 13, endOnFailure: true },
    );

    // The server is still up and answers normally.
    const ok = await server.gql(`{ languages { code } }`);
    expect(ok.data.languages.length).toBeGreaterThan(100);
  }, 300_000);
});
