import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Structured logs (issue 10): one JSON line per request, with a request id, the user id, the operation, duration and outcome; never a name, phone or e-mail. */
const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, logStream: stream, config: { logLevel: 'info' } });
});
afterAll(() => server?.close());

const records = () => lines.map((l) => JSON.parse(l) as Record<string, any>);
/** The request line of a request id; pino-http writes it when the response has finished, so wait a little. */
async function lineOf(reqId: string): Promise<Record<string, any>> {
  for (let i = 0; i < 50; i++) {
    const found = records().find((r) => r.reqId === reqId && r.durationMs !== undefined);
    if (found) return found;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error(`no log line for ${reqId}`);
}
const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id')!, body: (await res.json()) as any };
};

describe('request logs', () => {
  it('one JSON line per request: request id (also in the answer), user id, operation, duration, status and error codes; no personal data', async () => {
    const login = await post({
      query: 'mutation Inloggen($input: LoginInput!) { login(input: $input) { token user { id } } }',
      variables: { input: { email: 'medewerker@example.org', password: 'demo' } },
    });
    const userId = login.body.data.login.user.id;
    const auth = { authorization: `Bearer ${login.body.data.login.token}` };
    const wrong = await post({ query: 'mutation { login(input: { email: "coordinator@example.org", password: "fout-wachtwoord" }) { token } }' });
    const persons = await post({ query: 'query Personen { persons(page: { limit: 50 }) { items { name contactDetails { email phone } } } }' }, auth);
    expect(persons.status).toBe(200);
    const deep = await post({ query: `query Diep { neighbourhoods { code ${'persons { id neighbourhoods { code '.repeat(6)}${'} } '.repeat(6)} } }` }, auth);
    const tooLarge = await post(JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(600 * 1024) } }));
    const given = await post({ query: '{ __typename }' }, { 'x-request-id': 'lb-0123456789abcdef' });

    expect(login.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.requestId).toBe('lb-0123456789abcdef');
    const signIn = await lineOf(login.requestId);
    expect(signIn).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200, operations: ['mutation Inloggen'] });
    expect(signIn.durationMs).toBeGreaterThanOrEqual(0);
    expect(signIn.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await lineOf(wrong.requestId)).toMatchObject({ status: 200, userId: null, operations: ['mutation login'], errorCodes: ['UNAUTHENTICATED'] });
    expect(await lineOf(persons.requestId)).toMatchObject({ status: 200, userId, operations: ['query Personen'] });
    expect((await lineOf(deep.requestId)).errorCodes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await lineOf(tooLarge.requestId)).toMatchObject({ status: 413, errorCodes: ['PAYLOAD_TOO_LARGE'], level: 40 });
    expect(await lineOf(given.requestId)).toMatchObject({ status: 200, operations: ['query __typename'] });
    // A refused limit has a line of its own, with the request id and the reason.
    expect(records().some((r) => r.reqId === deep.requestId && r.msg === 'Verzoek geweigerd door een limiet' && /diep|depth/i.test(r.reason))).toBe(true);
    expect(records().some((r) => r.reqId === tooLarge.requestId && r.msg === 'Verzoek geweigerd')).toBe(true);
    // The failed sign-in is logged by the auth service under the same request id, without the address typed.
    expect(records().some((r) => r.reqId === wrong.requestId && /Mislukte inlogpoging/.test(r.msg))).toBe(true);

    const log = lines.join('\n');
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(log).not.toMatch(/(\+31|\b0)[\s-]?[1-9](?:[\s-]?\d){7,8}\b/);
    const items = persons.body.data.persons.items as { name: string; contactDetails: { email: string | null; phone: string | null } | null }[];
    expect(items.length).toBeGreaterThan(10);
    for (const person of items) {
      expect(log).not.toContain(person.name);
      if (person.contactDetails?.phone) expect(log).not.toContain(person.contactDetails.phone);
    }
    expect(log).not.toContain(login.body.data.login.token);
    expect(log).not.toContain('fout-wachtwoord');
  });

  it('health checks answer without a session and are not logged', async () => {
    const before = lines.length;
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', pid: process.pid });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    await new Promise((ok) => setTimeout(ok, 100));
    expect(lines.slice(before).filter((l) => l.includes('"path":"/healthz"') || l.includes('"path":"/readyz"'))).toEqual([]);
  });
});
