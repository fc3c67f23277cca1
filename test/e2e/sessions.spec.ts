import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Ending all sessions (issue 10, defect 11): by the user everywhere, and by an administrator for a user. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server?.close());

const PRIVATE = `{ persons { totalCount } }`;
const signedIn = async (headers: Record<string, string>) => (await server.gql(PRIVATE, {}, headers)).data?.persons?.totalCount !== undefined;

describe('ending all sessions', () => {
  it('a user ends all of their own sessions (a lost phone), and only their own', async () => {
    const phone = await server.login('medewerker@example.org');
    const laptop = await server.login('medewerker@example.org');
    const colleague = await server.login('coordinator@example.org');
    expect(await signedIn(phone)).toBe(true);
    const res = await server.gql(`mutation { logoutEverywhere }`, {}, laptop);
    expect(res.data.logoutEverywhere).toBe(2);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(false);
    expect((await server.gql(PRIVATE, {}, phone)).errors![0].message).toContain('uitgelogd');
    expect(await signedIn(colleague)).toBe(true);
    // Signing in again works as before.
    expect(await signedIn(await server.login('medewerker@example.org'))).toBe(true);
  });

  it('without a session there is nothing to end', async () => {
    const res = await server.gql(`mutation { logoutEverywhere }`);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('an administrator ends all sessions of a user; others may not; an unknown account is named', async () => {
    const admin = await server.login('beheerder@example.org');
    const users = (await server.gql(`{ users { id email } }`, {}, admin)).data.users as { id: string; email: string }[];
    const coordinator = users.find((u) => u.email === 'coordinator@example.org')!;
    const sessions = [await server.login('coordinator@example.org'), await server.login('coordinator@example.org')];
    const member = await server.login('medewerker@example.org');
    const END = `mutation($input: EndUserSessionsInput!) { endUserSessions(input: $input) }`;

    const refused = await server.gql(END, { input: { userId: coordinator.id } }, sessions[0]);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.gql(END, { input: { userId: coordinator.id } }, member)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await signedIn(sessions[1])).toBe(true);

    const ended = await server.gql(END, { input: { userId: coordinator.id } }, admin);
    expect(ended.data.endUserSessions).toBeGreaterThanOrEqual(2);
    for (const session of sessions) expect(await signedIn(session)).toBe(false);
    expect(await signedIn(admin)).toBe(true);
    expect(await signedIn(member)).toBe(true);

    const unknown = await server.gql(END, { input: { userId: '00000000-0000-4000-8000-00000000dead' } }, admin);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });

    const audit = await server.gql(`{ auditLog(filter: { action: "endUserSessions" }) { items { action entityId } } }`, {}, admin);
    expect(audit.errors).toBeUndefined();
    expect(audit.data.auditLog.items[0]).toMatchObject({ action: 'endUserSessions', entityId: coordinator.id });
  });
});
