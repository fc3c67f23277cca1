import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage.js';
import {
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armor, GRAPHQL_LIMITS, operationCosts } from '../../server/src/common/hardening.js';
import { loadConfig, projectRoot } from '../../server/src/config.js';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const post = (server: TestServer, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('hardened GraphQL (development mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    // No demo data; one administrator from ADMIN_EMAIL/ADMIN_PASSWORD for the signed-in checks.
    server = await startTestServer({ seed: false, config: { adminEmail: 'beheer@example.org', adminPassword: 'een-lang-genoeg-wachtwoord' } });
  });
  afterAll(() => server?.close());

  it('limits depth, aliases, directives and tokens', async () => {
    const deep = await server.gql(`{ me { teams { neighbourhoods { district { code } } } } ${'a: me { id } '.repeat(0)} }`);
    expect(deep.errors).toBeUndefined();
    const cases = [
      `{ ${'neighbourhoods { teams { '.repeat(6)} id ${'} } '.repeat(6)} }`,
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: languages { code }`).join(' ')} }`,
      `{ languages ${'@include(if: true) '.repeat(11)} { code } }`,
      `{ languages { ${'code '.repeat(2100)} } }`,
    ];
    for (const query of cases) {
      const res = await server.gql(query);
      expect(res.status, query.slice(0, 60)).toBe(400);
      expect(res.errors![0].extensions!.code, query.slice(0, 60)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  describe('cost, depth and aliases: at the limit passes, just over is refused before anything runs', () => {
    let schema: GraphQLSchema;
    let administrator: Record<string, string>;
    beforeAll(async () => {
      schema = await fetchSchema(server);
      administrator = await server.login('beheer@example.org', 'een-lang-genoeg-wachtwoord');
    });
    const costOf = (query: string) => operationCosts(schema, parse(query))[0];
    const teamCount = async () => (await server.gql('{ teams { id } }', {}, administrator)).data.teams.length as number;
    /** `levels` fields nested in turn (neighbourhoods → teams → neighbourhoods …), `leaf` inside the innermost. */
    const nested = (levels: string[], leaf: string) => levels.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);
    const CHAIN = ['currentContact', 'team', 'currentContact', 'team', 'currentContact', 'team', 'currentContact', 'team'];
    const CREATE = 'createTeam(input: { name: "Buurtteam Te Zwaar", kind: NEIGHBOURHOOD_TEAM })';

    /**
     * A document whose cost is within 1 of `target`: `levels` nested in turn around `leaves` copies of `leaf` (each
     * copy costs the product of the list sizes above it), padded with top-level `__typename`s (1 each).
     */
    function weighing(operation: 'query' | 'mutation', levels: string[], leaf: string, target: number): string {
      const body = (leaves: number, padding: number) => `${operation} { ${nested(levels, `${leaf} `.repeat(leaves))} ${'__typename '.repeat(padding)} }`;
      let leaves = 1;
      while (costOf(body(leaves + 1, 0)) <= target) leaves++;
      return body(leaves, Math.floor(target - costOf(body(leaves, 0))));
    }

    it(`a query costing at most ${GRAPHQL_LIMITS.maxCost} runs; one just over is refused with a Dutch message, the cost and the limit`, async () => {
      const atLimit = weighing('query', ['neighbourhoods'], 'code', GRAPHQL_LIMITS.maxCost);
      const overLimit = atLimit.replace(/ }$/, ' __typename }');
      expect(costOf(atLimit)).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
      expect(costOf(atLimit)).toBeGreaterThan(GRAPHQL_LIMITS.maxCost - 1);
      expect(costOf(overLimit)).toBeGreaterThan(GRAPHQL_LIMITS.maxCost);
      expect(costOf(overLimit)).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost + 1);
      console.log(`[hardening] cost at the limit ${costOf(atLimit)}, just over ${costOf(overLimit)} (${overLimit.length} characters)`);

      const passed = await server.gql(atLimit);
      expect(passed.status).toBe(200);
      expect(passed.errors).toBeUndefined();
      expect(passed.data.neighbourhoods).toEqual([]);

      const refused = await server.gql(overLimit);
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0].message).toBe(
        `De query is te zwaar: kosten ${GRAPHQL_LIMITS.maxCost + 1}, hoogstens ${GRAPHQL_LIMITS.maxCost}. ` +
          'Vraag minder velden op, of minder diep genest, of verdeel de vraag over meer verzoeken.',
      );
      expect(refused.errors![0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        field: 'query',
        limit: 'maxCost',
        max: GRAPHQL_LIMITS.maxCost,
        found: GRAPHQL_LIMITS.maxCost + 1,
        messageKey: 'limit.maxCost',
        params: { field: 'query', max: GRAPHQL_LIMITS.maxCost, found: GRAPHQL_LIMITS.maxCost + 1 },
      });
    });

    it('a mutation just over the cost limit is refused and creates nothing, signed in or not', async () => {
      const overLimit = weighing('mutation', [CREATE, 'neighbourhoods', 'teams'], 'id', GRAPHQL_LIMITS.maxCost + 1);
      expect(costOf(overLimit)).toBeGreaterThan(GRAPHQL_LIMITS.maxCost);
      const before = await teamCount();
      for (const headers of [administrator, {}]) {
        const refused = await server.gql(overLimit, {}, headers);
        expect(refused.status).toBe(400);
        expect(refused.data).toBeUndefined();
        expect(refused.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'query', limit: 'maxCost' });
      }
      expect(await teamCount()).toBe(before);
    });

    it(`depth ${GRAPHQL_LIMITS.maxDepth} runs; ${GRAPHQL_LIMITS.maxDepth + 1} is refused (a mutation creates nothing)`, async () => {
      // Objects, not lists, so the cost stays low: team → 8 levels → id is 10 levels; one more level is 11.
      const atLimit = `{ ${nested(['team(id: "geen")', ...CHAIN], 'id')} }`;
      const passed = await server.gql(atLimit, {}, administrator);
      expect(passed.errors).toBeUndefined();
      const overLimit = `{ ${nested(['team(id: "geen")', ...CHAIN, 'currentContact'], 'id')} }`;
      const refused = await server.gql(overLimit, {}, administrator);
      expect(refused.status).toBe(400);
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0].message).toBe(`De query is te diep genest: ${GRAPHQL_LIMITS.maxDepth + 1} niveaus, hoogstens ${GRAPHQL_LIMITS.maxDepth}.`);
      expect(refused.errors![0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        field: 'query',
        limit: 'maxDepth',
        max: GRAPHQL_LIMITS.maxDepth,
        found: GRAPHQL_LIMITS.maxDepth + 1,
        messageKey: 'limit.maxDepth',
        params: { field: 'query', max: GRAPHQL_LIMITS.maxDepth, found: GRAPHQL_LIMITS.maxDepth + 1 },
      });
      const before = await teamCount();
      const mutation = await server.gql(`mutation { ${nested([CREATE, ...CHAIN, 'currentContact'], 'id')} }`, {}, administrator);
      expect(mutation.status).toBe(400);
      expect(mutation.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
      expect(await teamCount()).toBe(before);
    });

    it(`${GRAPHQL_LIMITS.maxAliases} aliases run; ${GRAPHQL_LIMITS.maxAliases + 1} are refused (${GRAPHQL_LIMITS.maxAliases + 1} aliased creates create nothing)`, async () => {
      const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
      const passed = await server.gql(`{ ${aliased(GRAPHQL_LIMITS.maxAliases, 'languages { code }')} }`);
      expect(passed.errors).toBeUndefined();
      expect(Object.keys(passed.data)).toHaveLength(GRAPHQL_LIMITS.maxAliases);
      const before = await teamCount();
      const refused = await server.gql(`mutation { ${aliased(GRAPHQL_LIMITS.maxAliases + 1, `${CREATE} { id }`)} }`, {}, administrator);
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0].message).toBe(`De query gebruikt te veel aliassen: ${GRAPHQL_LIMITS.maxAliases + 1}, hoogstens ${GRAPHQL_LIMITS.maxAliases}.`);
      expect(refused.errors![0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        field: 'query',
        limit: 'maxAliases',
        max: GRAPHQL_LIMITS.maxAliases,
        found: GRAPHQL_LIMITS.maxAliases + 1,
        messageKey: 'limit.maxAliases',
        params: { field: 'query', max: GRAPHQL_LIMITS.maxAliases, found: GRAPHQL_LIMITS.maxAliases + 1 },
      });
      expect(await teamCount()).toBe(before);
    });

    it("every operation of the client passes the server's validation and limits; its largest runs over HTTP", async () => {
      const dir = join(projectRoot(), 'client', 'src');
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /(^|\/)graphql\/[^/]+\.graphql$/.test(f));
      expect(files.length).toBeGreaterThan(10);
      // One document, so operations find the fragments of other files, as codegen does.
      const document = parse(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
      expect(validate(schema, document, [...specifiedRules, ...armor(loadConfig({})).validationRules]).map((e) => e.message)).toEqual([]);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const costs = operationCosts(schema, document);
      expect(costs).toHaveLength(operations.length);
      const ranked = operations.map((o, i) => ({ name: o.name!.value, cost: costs[i], operation: o })).sort((a, b) => b.cost - a.cost);
      console.log(
        `[hardening] client operations by cost (limit ${GRAPHQL_LIMITS.maxCost}): ${ranked
          .slice(0, 5)
          .map((r) => `${r.name} ${r.cost}`)
          .join(', ')}`,
      );
      const largest = ranked[0];
      expect(largest.cost).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
      // Over HTTP, with its fragments, signed in; this database has no neighbourhoods, so a query about one answers null.
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d));
      const used = fragments.filter((f) => print(largest.operation).includes(`...${/fragment (\w+)/.exec(f)![1]}`));
      const variables = Object.fromEntries(
        (largest.operation.variableDefinitions ?? []).filter((v) => /^(String|ID)!$/.test(print(v.type))).map((v) => [v.variable.name.value, 'BU03440832']),
      );
      const res = await server.gql([print(largest.operation), ...used].join('\n'), variables, administrator);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
    });
  });

  it('batches up to 5 operations; more are refused before any runs', async () => {
    const ok = await post(server, Array(5).fill({ query: '{ languages { code } }' }));
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(5);
    const refused = await post(server, Array(6).fill({ query: '{ languages { code } }' }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('CSRF prevention: simple requests without a JSON content type or preflight header are refused', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ languages { code } }')}`);
    expect(get.status).toBe(400);
    const form = await post(server, 'query={languages{code}}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
  });

  it('bodies over the limit get 413 with a GraphQL error; strings over 20 000 characters are refused', async () => {
    const big = await post(server, { query: '{ languages { code } }', variables: { x: 'a'.repeat(1_000_000) } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await server.gql(`query($n: String!) { language(name: $n) { code } }`, { n: 'é'.repeat(25_000) });
    expect(long.status).toBe(400);
    expect(long.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const broken = await post(server, '{"query": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('signed in, a whole file fits in an import (body and string); elsewhere the limits stay', async () => {
    const administrator = await server.login('beheer@example.org', 'een-lang-genoeg-wachtwoord');
    const file = `[${' '.repeat(1_000_000)}]`;
    const IMPORT = `mutation($content: String!) { importHsds(input: { content: $content, dryRun: true }) { dryRun problems { message } } }`;
    const anonymous = await post(server, { query: IMPORT, variables: { content: file } });
    expect(anonymous.status).toBe(413);
    const imported = await server.gql(IMPORT, { content: file }, administrator);
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importHsds.dryRun).toBe(true);
    // The same string in any other operation is still too long, signed in or not.
    const other = await server.gql(`query($n: String!) { language(name: $n) { code } }`, { n: file }, administrator);
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
  });

  it('variables nested 10 000 deep are refused with 400 and a clear message, not a stack overflow (issue 10.6)', async () => {
    // Written as text: JSON.stringify itself overflows on a value this deep.
    const deep = `${'{"a":['.repeat(5_000)}"x"${']}'.repeat(5_000)}`;
    const raw = await post(server, `{"query":"query($n: String!) { language(name: $n) { code } }","variables":{"n":"som","extra":${deep}}}`);
    expect(raw.status).toBe(400);
    const res = (await raw.json()) as any;
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
    expect(res.errors[0].message).toMatch(/te diep genest/);
    // Deep, but under the limit: still answered.
    let shallow: unknown = 'x';
    for (let i = 0; i < 20; i++) shallow = { a: shallow };
    const ok = await server.gql(`query($n: String!) { language(name: $n) { code } }`, { n: 'som', extra: shallow });
    expect(ok.status).toBe(200);
    expect((await server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('a NUL character in any string is an input error, not a database error (PostgreSQL refuses it)', async () => {
    const inVariable = await server.gql(`query($id: ID!) { team(id: $id) { name } }`, { id: 'abc\u0000def' });
    expect(inVariable.status).toBe(400);
    expect(inVariable.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const inLiteral = await server.gql(`{ language(name: "som\\u0000") { code } }`);
    expect(inLiteral.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('sends security headers, with a CSP that allows the client itself and the OpenStreetMap tiles', async () => {
    const res = await post(server, { query: '{ __typename }' });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('every string field of every input type has a MaxLength (or is an enum)', async () => {
    const schema = await fetchSchema(server);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
      const target = TypeMetadataStorage.getInputTypesMetadata().find((m) => m.name === type.name)?.target;
      expect(target, `class of ${type.name}`).toBeDefined();
      const rules = getMetadataStorage().getTargetValidationMetadatas(target!, '', true, false);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isScalarType(named) || !['String', 'ID'].includes(named.name)) continue;
        const limited = rules.some(
          (r) =>
            r.propertyName === field.name &&
            (r.name === 'maxLength' || r.constraints?.[0] === 'maxLength' || /maxLength|isLength|isIn|matches|isEmail/i.test(String(r.name))),
        );
        if (!limited) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('production mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, config: { production: true } });
  });
  afterAll(() => server?.close());

  it('introspection is off, field suggestions are masked, and no stack trace is sent', async () => {
    const introspection = await server.gql(`{ __schema { types { name } } }`);
    expect(introspection.status).toBe(400);
    expect(introspection.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await server.gql(`{ languagez { code } }`);
    expect(typo.errors![0].message).not.toContain('Did you mean');
    const res = await server.gql(`{ persons { totalCount } }`);
    expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED', messageKey: 'error.UNAUTHENTICATED', params: {} });
  });
});
