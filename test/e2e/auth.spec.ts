import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUserCommand } from '../../server/src/modules/auth/cli/create-user.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { email role teams { name } } } }`;

async function rawLogin(server: TestServer, email: string, password: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  return { response, body: (await response.json()) as any };
}

describe('sign-in, sessions and sign-out', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  });
  afterAll(() => server?.close());

  it('the login answer already says what the user may do: the fields that depend on who asks see the user just signed in', async () => {
    const res = await server.gql('mutation ($input: LoginInput!) { login(input: $input) { user { mayRegister actableTeams { name } } } }', {
      input: { email: 'coordinator@example.org', password: 'demo' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.login.user).toEqual({ mayRegister: true, actableTeams: [{ name: 'Buurtteam Zuidwest' }] });
    const admin = await server.gql('mutation ($input: LoginInput!) { login(input: $input) { user { mayRegister } } }', {
      input: { email: 'beheerder@example.org', password: 'demo' },
    });
    expect(admin.data.login.user.mayRegister).toBe(true);
  });

  it('the three demo accounts sign in with "demo" and carry their role and team', async () => {
    const expected = {
      'beheerder@example.org': ['ADMINISTRATOR', []],
      'coordinator@example.org': ['COORDINATOR', ['Buurtteam Zuidwest']],
      'medewerker@example.org': ['MEMBER', ['Buurtteam Overvecht-Zuid']],
    } as const;
    for (const [email, [role, teams]] of Object.entries(expected)) {
      const res = await server.gql(LOGIN, { input: { email, password: 'demo' } });
      expect(res.errors).toBeUndefined();
      expect(res.data.login.user).toEqual({ email, role, teams: teams.map((name) => ({ name })) });
      expect(res.data.login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const hours = (Date.parse(res.data.login.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(7.9);
      expect(hours).toBeLessThanOrEqual(8);
    }
    const kanaleneiland = await server.gql(`{ me { teams { neighbourhoods { code } } } }`, {}, await server.login('coordinator@example.org'));
    expect(kanaleneiland.data.me.teams[0].neighbourhoods.map((n: any) => n.code)).toContain('BU03440832');
  });

  it('the token works as a bearer token and as the httpOnly SameSite=Strict cookie the browser gets', async () => {
    const { response, body } = await rawLogin(server, 'medewerker@example.org', 'demo');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sk_session=[A-Za-z0-9_-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const bearer = await server.gql(`{ me { email } }`, {}, { authorization: `Bearer ${body.data.login.token}` });
    expect(bearer.data.me.email).toBe('medewerker@example.org');
    const viaCookie = await server.gql(`{ me { email } persons(page: { limit: 1 }) { totalCount } }`, {}, { cookie: cookie.split(';')[0] });
    expect(viaCookie.data.me.email).toBe('medewerker@example.org');
    expect(viaCookie.data.persons.totalCount).toBeGreaterThan(100);
  });

  it('a wrong password and an unknown address get the same answer; the password is never logged', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...a) => lines.push(a.join(' '))));
    let wrong, unknown;
    try {
      wrong = await server.gql(LOGIN, { input: { email: 'beheerder@example.org', password: 'Geheim-Wachtwoord-123' } });
      unknown = await server.gql(LOGIN, { input: { email: 'niemand@example.org', password: 'Geheim-Wachtwoord-123' } });
    } finally {
      out.mockRestore();
      err.mockRestore();
      spies.forEach((s) => s.mockRestore());
    }
    expect(wrong!.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown!.errors![0]).toEqual({ ...wrong!.errors![0] });
    expect(lines.join('\n')).not.toContain('Geheim-Wachtwoord-123');
  });

  it('logout ends the session; the token no longer counts', async () => {
    const headers = await server.login('medewerker@example.org');
    expect((await server.gql(`mutation { logout }`, {}, headers)).data.logout).toBe(true);
    const after = await server.gql(`{ me { email } }`, {}, headers);
    expect(after.data.me).toBeNull();
    const persons = await server.gql(`{ persons { totalCount } }`, {}, headers);
    expect(persons.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(persons.errors![0].message).toContain('uitgelogd');
    expect((await server.gql(`mutation { logout }`)).data.logout).toBe(false);
  });

  it('an expired session is refused', async () => {
    const headers = await server.login('coordinator@example.org');
    const dataSource = server.app.get(DataSource);
    await dataSource.query(`UPDATE session SET "expiresAt" = '2000-01-01T00:00:00.000Z'`);
    const res = await server.gql(`{ persons { totalCount } }`, {}, headers);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toContain('verlopen');
  });

  it('the database holds only a hash of the token and a salted scrypt hash of the password', async () => {
    const headers = await server.login('beheerder@example.org');
    const token = headers.authorization.slice('Bearer '.length);
    const dataSource = server.app.get(DataSource);
    const sessions: { tokenHash: string }[] = await dataSource.query(`SELECT "tokenHash" FROM session`);
    expect(sessions.some((s) => s.tokenHash.includes(token))).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
    const users: { passwordHash: string }[] = await dataSource.query(`SELECT "passwordHash" FROM app_user`);
    expect(users.every((u) => u.passwordHash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(users.length);
  });

  it('garbage in the Authorization header is treated as not signed in, with a reason', async () => {
    for (const authorization of ['Bearer', 'Basic abc', 'Bearer ' + 'x'.repeat(500), "Bearer ' OR 1=1 --"]) {
      const res = await server.gql(`{ persons { totalCount } me { email } }`, {}, { authorization });
      expect(res.status).toBeLessThan(500);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('accounts managed by an administrator', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  });
  afterAll(() => server?.close());

  it('creates an account with a generated password shown once, changes and disables it', async () => {
    const admin = await server.login('beheerder@example.org');
    const teams = await server.gql(`{ teams { id name } }`, {}, admin);
    const lombok = teams.data.teams.find((t: any) => t.name.includes('Lombok'));
    const created = await server.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { generatedPassword user { id email role teams { name } } } }`,
      { input: { email: 'Nieuw@Example.org', role: 'COORDINATOR', teamIds: [lombok.id] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { user, generatedPassword } = created.data.createUser;
    expect(user).toMatchObject({ email: 'nieuw@example.org', role: 'COORDINATOR', teams: [{ name: lombok.name }] });
    expect(generatedPassword).toHaveLength(20);
    const own = await server.login('nieuw@example.org', generatedPassword);
    expect((await server.gql(`{ me { role } }`, {}, own)).data.me.role).toBe('COORDINATOR');

    const disabled = await server.gql(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { disabledAt } }`,
      { input: { id: user.id, disabled: true } },
      admin,
    );
    expect(disabled.data.updateUser.disabledAt).toBeTruthy();
    expect((await server.gql(`{ me { role } }`, {}, own)).data.me).toBeNull();
    const again = await server.gql(LOGIN, { input: { email: 'nieuw@example.org', password: generatedPassword } });
    expect(again.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const duplicate = await server.gql(`mutation { createUser(input: { email: "nieuw@example.org", role: MEMBER }) { user { id } } }`, {}, admin);
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    const short = await server.gql(`mutation { createUser(input: { email: "kort@example.org", role: MEMBER, password: "kort" }) { user { id } } }`, {}, admin);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const users = await server.gql(`{ users { email } }`, {}, admin);
    expect(users.data.users.map((u: any) => u.email)).toContain('nieuw@example.org');
  });

  it('the user:create command makes an account (generated or given password, team by name)', async () => {
    const dataSource = server.app.get(DataSource);
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line) };
    expect(await createUserCommand(dataSource, ['--email', 'cli@example.org', '--role', 'administrator'], io)).toBe(0);
    const password = /Wachtwoord \(wordt maar één keer getoond\): (\S+)/.exec(out.join('\n'))![1];
    await server.login('cli@example.org', password);
    expect(
      await createUserCommand(
        dataSource,
        ['--email', 'cli2@example.org', '--role', 'coordinator', '--team', 'buurtteam zuidwest', '--password', 'lang-genoeg-wachtwoord'],
        io,
      ),
    ).toBe(0);
    const me = await server.gql(`{ me { role teams { name } } }`, {}, await server.login('cli2@example.org', 'lang-genoeg-wachtwoord'));
    expect(me.data.me).toEqual({ role: 'COORDINATOR', teams: [{ name: 'Buurtteam Zuidwest' }] });
    expect(await createUserCommand(dataSource, ['--email', 'x@example.org', '--role', 'koning'], io)).toBe(2);
    expect(await createUserCommand(dataSource, ['--email', 'y@example.org', '--role', 'member', '--team', 'Bestaat Niet'], io)).toBe(1);
    expect(out.join('\n')).toContain('Team "Bestaat Niet" bestaat niet');
  });
});

describe('rate limits on sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true, config: { loginLimit: { perAddress: 6, perAccount: 3, windowMs: 60_000 } } });
  });
  afterAll(() => server?.close());

  it('per account: after 3 failures even the right password waits; per address: after 6 failures every account waits', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await server.gql(LOGIN, { input: { email: 'coordinator@example.org', password: `fout-${i}` } });
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const locked = await server.gql(LOGIN, { input: { email: 'coordinator@example.org', password: 'demo' } });
    expect(locked.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);

    // Another account from the same address still works, and a success does not count as a failure.
    expect((await server.gql(LOGIN, { input: { email: 'medewerker@example.org', password: 'demo' } })).data.login.token).toBeTruthy();
    for (let i = 0; i < 3; i++) await server.gql(LOGIN, { input: { email: `onbekend${i}@example.org`, password: 'fout' } });
    const address = await server.gql(LOGIN, { input: { email: 'beheerder@example.org', password: 'demo' } });
    expect(address.errors![0].extensions!.code).toBe('RATE_LIMITED');
  });

  it('aliases and batches cannot go around the limit', async () => {
    const aliased = await server.gql(
      `mutation { a: login(input: { email: "x@example.org", password: "1" }) { token } b: login(input: { email: "x@example.org", password: "2" }) { token } }`,
    );
    expect(aliased.errors!.every((e) => e.extensions!.code === 'RATE_LIMITED')).toBe(true);
  });
});

describe('demo accounts in production', () => {
  it('are refused unless ALLOW_DEMO_USERS=true', async () => {
    const refused = await startTestServer({ seed: true, config: { production: true } });
    try {
      const res = await refused.gql(LOGIN, { input: { email: 'beheerder@example.org', password: 'demo' } });
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(res.errors![0].message).toContain('ALLOW_DEMO_USERS');
    } finally {
      await refused.close();
    }
    const allowed = await startTestServer({ seed: true, config: { production: true, allowDemoUsers: true } });
    try {
      const res = await allowed.gql(LOGIN, { input: { email: 'beheerder@example.org', password: 'demo' } });
      expect(res.data.login.user.role).toBe('ADMINISTRATOR');
    } finally {
      await allowed.close();
    }
  });
});
