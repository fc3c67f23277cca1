import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Sign-in throttling across two server processes on one database (issue 11: 10 of 12 wrong passwords
 * got through across two processes), that cannot be used to lock out the owner (issue 10, defect 8).
 * Client addresses are told by X-Forwarded-For behind a trusted (loopback) proxy.
 */
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const limits = { perAddress: 20, perAccount: 5, windowMs: 15 * 60_000 };
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  a = await startTestServer({ seed: true, config: { trustProxy: 'loopback', loginLimit: limits } });
  b = await startTestServer({ seed: false, databaseUrl: a.databaseUrl, config: { trustProxy: 'loopback', loginLimit: limits } });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const attempt = (server: TestServer, email: string, password: string, address: string) =>
  server.gql(LOGIN, { input: { email, password } }, { 'x-forwarded-for': address });
const outcome = (res: Awaited<ReturnType<typeof attempt>>) => (res.data?.login?.token ? 'OK' : String(res.errors?.[0]?.extensions?.code));

describe('sign-in throttling on two processes', { timeout: 120_000 }, () => {
  it('12 wrong passwords from one address, alternating between the processes: only the first 5 are tried', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(outcome(await attempt(i % 2 ? b : a, 'coordinator@example.org', `fout-${i}`, '203.0.113.5')));
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(outcomes.slice(5)).toEqual(Array(7).fill('RATE_LIMITED'));
    // The right password from that address waits too; it is told how long, in seconds.
    const waiting = await attempt(b, 'coordinator@example.org', 'demo', '203.0.113.5');
    expect(outcome(waiting)).toBe('RATE_LIMITED');
    expect(waiting.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(waiting.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(15);
    expect(waiting.errors![0].message).toMatch(/Probeer het over \d+ seconden opnieuw/);
  });

  it('the owner, from their own address, signs in at once on either process (no lock-out for everyone)', async () => {
    expect(outcome(await attempt(a, 'coordinator@example.org', 'demo', '198.51.100.7'))).toBe('OK');
    expect(outcome(await attempt(b, 'coordinator@example.org', 'demo', '198.51.100.7'))).toBe('OK');
  });

  it('guessing from many addresses slows the account down by at most a minute, and never an address the owner used', async () => {
    const account = 'medewerker@example.org';
    // The owner signs in from home first: a known address for this account.
    expect(outcome(await attempt(a, account, 'demo', '198.51.100.20'))).toBe('OK');
    const outcomes: string[] = [];
    for (let i = 0; i < 24; i++) outcomes.push(outcome(await attempt(i % 2 ? a : b, account, `fout-${i}`, `192.0.2.${i + 1}`)));
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    expect(outcomes.slice(20)).toEqual(Array(4).fill('RATE_LIMITED'));
    const stranger = await attempt(b, account, 'demo', '192.0.2.200');
    expect(outcome(stranger)).toBe('RATE_LIMITED');
    expect(stranger.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // From the known address the owner is not slowed down at all.
    expect(outcome(await attempt(b, account, 'demo', '198.51.100.20'))).toBe('OK');
  });

  it('one address guessing many accounts is slowed down after 20 failures, on both processes', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 22; i++) outcomes.push(outcome(await attempt(i % 2 ? b : a, `onbekend${i}@example.org`, 'fout', '203.0.113.99')));
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    expect(outcomes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(outcome(await attempt(a, 'beheerder@example.org', 'demo', '203.0.113.99'))).toBe('RATE_LIMITED');
    expect(outcome(await attempt(a, 'beheerder@example.org', 'demo', '203.0.113.100'))).toBe('OK');
  });

  it('concurrent wrong passwords on both processes at once: still no more than 5 tried', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i % 2 ? b : a, 'beheerder@example.org', `fout-${i}`, '203.0.113.77')));
    const tried = results.map(outcome).filter((o) => o === 'UNAUTHENTICATED').length;
    expect(tried).toBeLessThanOrEqual(5);
    expect(outcome(await attempt(a, 'beheerder@example.org', 'demo', '203.0.113.77'))).toBe('RATE_LIMITED');
  });

  it('the attempts table holds no e-mail address', async () => {
    const rows = await a.app.get((await import('typeorm')).DataSource).query('SELECT * FROM login_attempt');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@example\.org/);
  });
});
