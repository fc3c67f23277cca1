import { isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, signInAll } from '../support/demo-accounts.js';
import { snapshot } from '../support/db-snapshot.js';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** What the tests know about the demo data, looked up once as administrator. */
interface Ctx {
  server: TestServer;
  admin: Record<string, string>;
  ownTeamId: string;
  otherTeamId: string;
  /** Persons to use up: each destructive call gets its own. */
  takePerson(): string;
  /** Throwaway accounts for updateUser. */
  throwawayUserId: string;
  counter: number;
}

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Replaces the role's headers (logout signs in afresh so the shared session stays valid). */
  headers?: Record<string, string>;
}

interface Entry {
  /** The call as `role`; coordinatorOwn targets a record of the coordinator's team, the others a record of another team. */
  call(ctx: Ctx, role: Role): Promise<Call> | Call;
  expect: Record<Role, Outcome>;
}

const PUBLIC: Record<Role, Outcome> = { anonymous: 'ok', member: 'ok', coordinatorOwn: 'ok', coordinatorOther: 'ok', administrator: 'ok' };
const ADMINISTRATORS: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', coordinatorOwn: 'FORBIDDEN', coordinatorOther: 'FORBIDDEN', administrator: 'ok',
};
/** Team-scoped changes: a coordinator changes their own team's records only. */
export const TEAM_SCOPED: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', coordinatorOwn: 'ok', coordinatorOther: 'FORBIDDEN', administrator: 'ok',
};

const EMAIL: Record<Role, string> = {
  anonymous: 'medewerker@example.org', member: 'medewerker@example.org', coordinatorOwn: 'coordinator@example.org',
  coordinatorOther: 'coordinator@example.org', administrator: 'beheerder@example.org',
};

/**
 * Every mutation of the schema, with who may call it. A mutation without an entry fails the first
 * test below, so a new mutation cannot be forgotten.
 */
const MATRIX: Record<string, Entry> = {
  login: {
    expect: PUBLIC,
    call: (_ctx, role) => ({ query: `mutation($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { email: EMAIL[role], password: 'demo' } } }),
  },
  logout: {
    expect: PUBLIC,
    call: async (ctx, role) => ({ query: `mutation { logout }`, headers: role === 'anonymous' ? {} : await ctx.server.login(EMAIL[role]) }),
  },
  createUser: {
    expect: ADMINISTRATORS,
    call: (ctx, role) => ({
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
      variables: { input: { email: `matrix-${role}-${ctx.counter++}@example.org`, role: 'COORDINATOR', teamIds: [role === 'coordinatorOwn' ? ctx.ownTeamId : ctx.otherTeamId] } },
    }),
  },
  updateUser: {
    expect: ADMINISTRATORS,
    call: (ctx) => ({ query: `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, variables: { input: { id: ctx.throwawayUserId, role: 'ADMINISTRATOR' } } }),
  },
  erasePerson: {
    expect: ADMINISTRATORS,
    call: (ctx) => ({ query: `mutation($id: ID!) { erasePerson(id: $id) { id } }`, variables: { id: ctx.takePerson() } }),
  },
};

let server: TestServer;
let headers: Record<Role, Record<string, string>>;
let ctx: Ctx;
const table: Record<string, Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  headers = await signInAll(server);
  const admin = headers.administrator;
  const teams = await server.gql(`{ teams { id name } persons(page: { limit: 200 }) { items { id } } }`, {}, admin);
  const own = teams.data.teams.find((t: any) => t.name === 'Buurtteam Zuidwest').id;
  const other = teams.data.teams.find((t: any) => t.name === 'Buurtteam Overvecht-Zuid').id;
  const pool: string[] = teams.data.persons.items.map((p: any) => p.id);
  const throwaway = await server.gql(`mutation { createUser(input: { email: "wegwerp@example.org", role: MEMBER }) { user { id } } }`, {}, admin);
  ctx = {
    server, admin, ownTeamId: own, otherTeamId: other, counter: 0,
    takePerson: () => pool.shift()!, throwawayUserId: throwaway.data.createUser.user.id,
  };
});

afterAll(async () => {
  await server?.close();
  const rows = Object.entries(table).map(([m, r]) => `| ${m} | ${ROLES.map((role) => r[role] ?? '').join(' | ')} |`);
  console.log(['', '| mutation | ' + ROLES.join(' | ') + ' |', '|' + ' --- |'.repeat(ROLES.length + 1), ...rows].join('\n'));
});

describe('authorisation matrix: every mutation × every role, over HTTP', () => {
  it('every mutation in the schema has an entry in the matrix (and no entry is stale)', async () => {
    const schema = await fetchSchema(server);
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(mutations.filter((m) => !MATRIX[m]), 'mutations without a matrix entry').toEqual([]);
    expect(Object.keys(MATRIX).filter((m) => !mutations.includes(m)), 'matrix entries without a mutation').toEqual([]);
    // Every argument a mutation takes is non-null or optional on purpose; nothing to check there, but
    // make sure the schema really has mutations to protect.
    expect(mutations.length).toBeGreaterThanOrEqual(5);
    void isNonNullType;
  });

  for (const [mutation, entry] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const expected = entry.expect[role];
      it(`${mutation} as ${role}: ${expected}`, async () => {
        const call = await entry.call(ctx, role);
        const before = expected === 'ok' ? null : await snapshot(server);
        const res = await server.gql(call.query, call.variables, call.headers ?? headers[role]);
        const got = res.errors?.length ? String(res.errors[0].extensions?.code) : 'ok';
        (table[mutation] ??= {} as Record<Role, string>)[role] = got === expected ? got : `${got} (verwacht ${expected})`;
        expect(res.status).toBeLessThan(500);
        expect(got, JSON.stringify(res.errors)).toBe(expected);
        if (before) expect(await snapshot(server), 'a refused call changed rows').toEqual(before);
      });
    }
  }
});

describe('IDOR: a coordinator of another team changes nothing of theirs', () => {
  for (const [mutation, entry] of Object.entries(MATRIX)) {
    if (entry.expect.coordinatorOther !== 'FORBIDDEN') continue;
    it(`${mutation} on another team's record: FORBIDDEN, rows compared before and after`, async () => {
      const call = await entry.call(ctx, 'coordinatorOther');
      const before = await snapshot(server);
      const res = await server.gql(call.query, call.variables, headers.coordinatorOther);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot(server)).toEqual(before);
    });
  }
});
