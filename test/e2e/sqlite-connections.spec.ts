import { request } from 'node:http';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// SQLite with one writer and a read-only reader connection (server/src/database/sqlite-connections.ts),
// under concurrent readers and writers over real HTTP. PostgreSQL has a pool and real transactions.
let server: TestServer;
let ds: DataSource;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  ds = server.app.get(DataSource);
  admin = await loginAs(server, DEMO_USERS.administrator);
}, 120_000);
afterAll(() => server?.close());

/** A transaction in the server process that stays open until `finish` is called, then commits or rolls back. */
function openTransaction(work: (em: DataSource['manager']) => Promise<void>) {
  let finish!: (outcome: 'commit' | 'rollback') => void;
  const outcome = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
  let started!: () => void;
  const begun = new Promise<void>((resolve) => (started = resolve));
  const done = ds
    .transaction(async (em) => {
      await work(em);
      started();
      if ((await outcome) === 'rollback') throw new Error('teruggedraaid');
    })
    .catch((error: Error) => error.message);
  return { begun, done, finish };
}

const PERSONS = '{ persons(page: { limit: 20 }) { items { id name languages { level language { code } } neighbourhoods { code } } } }';
const COMMUNITIES = '{ communities { code } }';
const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id name } }';
const personInput = (name: string) => ({
  name,
  roles: ['KEY_PERSON'],
  consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
  languages: [{ language: 'som', level: 'NATIVE' }],
  neighbourhoodCodes: ['BU03440832'],
});

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('SQLite: readers beside one writer', () => {
  it('a read is answered while another transaction is open, and never sees its rows, which are then rolled back', async () => {
    const tx = openTransaction(async (em) => {
      await em.query('INSERT INTO community (code, nameNl, nameEn) VALUES (?, ?, ?)', ['teruggedraaid', 'Teruggedraaid', 'Rolled back']);
    });
    await tx.begun;
    const started = Date.now();
    const during = await server.gql<{ communities: { code: string }[] }>(COMMUNITIES);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(during.data!.communities.map((c) => c.code)).not.toContain('teruggedraaid');
    tx.finish('rollback');
    expect(await tx.done).toBe('teruggedraaid');
    const after = await server.gql<{ communities: { code: string }[] }>(COMMUNITIES);
    expect(after.data!.communities.map((c) => c.code)).not.toContain('teruggedraaid');
  });

  it('a write waits for the open transaction and is not undone when that one rolls back (no interleaved transactions)', async () => {
    const tx = openTransaction(async (em) => {
      await em.query('INSERT INTO community (code, nameNl, nameEn) VALUES (?, ?, ?)', ['ook-teruggedraaid', 'Ook', 'Also']);
    });
    await tx.begun;
    const write = server.gql(CREATE_PERSON, { input: personInput('Schrijver tijdens transactie') }, admin);
    // A read that writes (contact details are read with an audit row) also waits for the writer.
    const readThatWrites = server.gql('{ persons(page: { limit: 3 }) { items { id contactDetails { phone } } } }', {}, admin);
    await new Promise((resolve) => setTimeout(resolve, 100));
    tx.finish('rollback');
    expect(await tx.done).toBe('teruggedraaid');
    const created = await write;
    expect(created.errors).toBeUndefined();
    expect((await readThatWrites).errors).toBeUndefined();
    const [row] = await ds.query('SELECT COUNT(*) AS n FROM person WHERE id = ?', [created.data.createPerson.id]);
    expect(Number(row.n)).toBe(1);
    const [languages] = await ds.query('SELECT COUNT(*) AS n FROM person_language WHERE personId = ?', [created.data.createPerson.id]);
    expect(Number(languages.n)).toBe(1);
    const [audit] = await ds.query('SELECT COUNT(*) AS n FROM audit_entry WHERE entityId = ?', [created.data.createPerson.id]);
    expect(Number(audit.n)).toBeGreaterThan(0);
  });

  it('concurrent writers over HTTP: every successful write is whole, every refused one left nothing', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Gelijktijdig ${i}`);
    const results = await Promise.all(
      names.map((name, i) =>
        // Every third one is refused inside its transaction: an unknown neighbourhood.
        server.gql(CREATE_PERSON, { input: { ...personInput(name), neighbourhoodCodes: i % 3 === 2 ? ['BU99999999'] : ['BU03440832'] } }, admin),
      ),
    );
    for (const [i, res] of results.entries()) {
      if (i % 3 === 2) expect(res.errors?.[0]?.extensions?.code).toBeDefined();
      else expect(res.errors).toBeUndefined();
    }
    const rows: { name: string; languages: number }[] = await ds.query(
      `SELECT p.name AS name, (SELECT COUNT(*) FROM person_language l WHERE l.personId = p.id) AS languages FROM person p WHERE p.name LIKE 'Gelijktijdig %' ORDER BY p.name`,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(names.filter((_, i) => i % 3 !== 2).sort());
    expect(rows.every((r) => Number(r.languages) === 1)).toBe(true);
  });

  it('a slow read does not delay fast ones', async () => {
    // A read whose request arrives slowly (a client on a bad connection sends half its body, then waits) …
    const body = JSON.stringify({ query: PERSONS });
    const { port } = new URL(server.url);
    const slow = request({
      host: '127.0.0.1',
      port: Number(port),
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...admin },
    });
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(res.statusCode === 200 && JSON.parse(text).data ? 200 : 0));
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // … while quick reads, and a quick write, are answered meanwhile. Before, every request waited in one queue.
    const started = Date.now();
    const quick = await Promise.all([
      ...Array.from({ length: 3 }, () => server.gql(COMMUNITIES)),
      server.gql(CREATE_PERSON, { input: personInput('Snelle schrijver') }, admin),
    ]);
    expect(quick.every((res) => !res.errors)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    slow.end(body.slice(20));
    expect(await slowAnswer).toBe(200);
  });
});
