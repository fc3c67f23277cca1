import { getMetadataStorage } from 'class-validator';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage.js';
import { getNamedType, isInputObjectType, isScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      `{ ${'me { teams { '.repeat(6)} id ${'} } '.repeat(6)} }`,
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
        const limited = rules.some((r) => r.propertyName === field.name && (r.name === 'maxLength' || r.constraints?.[0] === 'maxLength' || /maxLength|isLength|isIn|matches|isEmail/i.test(String(r.name))));
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
    expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
