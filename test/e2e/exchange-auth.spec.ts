import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation } from '../../server/src/modules/organisation/organisation.entity.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Imports and the HSDS export over real HTTP with real sign-in (the login contract of the auth issue).
 * Until the login mutation is on main, every test here is skipped and says why.
 */
const HEADER =
  'extern_id;naam;soort;omschrijving;website;telefoon;e-mail;adres;postcode;plaats;breedtegraad;lengtegraad;talen;gemeenschappen;buurten;laatst_gecontroleerd';
const CSV = `${HEADER}\nHTTP-1;Stichting HTTP-test;migrantenorganisatie;;;;;;;;;;som;;BU03440832;\n`;
const IMPORT =
  'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { dryRun applied records new changed unchanged problems { row column message } } }';

let server: TestServer;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  headers.administrator = await loginAs(server, DEMO_USERS.administrator);
  headers.coordinator = await loginAs(server, DEMO_USERS.coordinator);
  headers.member = await loginAs(server, DEMO_USERS.member);
});
afterAll(() => server?.close());

const organisations = () => server.app.get(DataSource).getRepository(Organisation).count();

describe('CSV import over HTTP, signed in', () => {
  it('anonymous: UNAUTHENTICATED, nothing changed', async () => {
    const before = await organisations();
    const res = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: CSV, dryRun: true } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await organisations()).toBe(before);
  });

  it('member: FORBIDDEN for dry run and import, nothing changed', async () => {
    const before = await organisations();
    for (const dryRun of [true, false]) {
      const res = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: CSV, dryRun } }, headers.member);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await organisations()).toBe(before);
  });

  for (const role of ['coordinator', 'administrator'])
    it(`${role}: dry run writes nothing, import writes, re-import changes nothing`, async () => {
      const csv = CSV.replaceAll('HTTP-1', `HTTP-${role}`).replace('HTTP-test', `HTTP-test ${role}`);
      const before = await organisations();
      const dry = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: csv, dryRun: true } }, headers[role]);
      expect(dry.data.importCsv).toMatchObject({ dryRun: true, applied: false, new: 1, problems: [] });
      expect(await organisations()).toBe(before);
      const real = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: csv } }, headers[role]);
      expect(real.data.importCsv).toMatchObject({ applied: true, new: 1 });
      expect(await organisations()).toBe(before + 1);
      const again = await server.gql(IMPORT, { input: { kind: 'ORGANISATIONS', content: csv } }, headers[role]);
      expect(again.data.importCsv).toMatchObject({ new: 0, changed: 0, unchanged: 1 });
    });
});

describe('HSDS export and sign-in', () => {
  const organisationsFrom =
    (base: TestServer) =>
    async (h: Record<string, string> = {}) => {
      const response = await fetch(`${base.url}/hsds/organizations?per_page=200`, { headers: h });
      return { status: response.status, body: (await response.json()) as any };
    };

  it('is refused without signing in when anonymous reading is off (the default)', async () => {
    const anonymous = await organisationsFrom(server)();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.contents).toBeUndefined();
  });

  it('person contacts (fixed contact persons, agreement contacts) only when signed in', async () => {
    const open = await startTestServer({ seed: true, config: { anonymousRead: true } });
    try {
      const get = organisationsFrom(open);
      const anonymous = (await get()).body;
      expect(anonymous.contents.length).toBeGreaterThan(0);
      expect(anonymous.contents.flatMap((o: any) => [...o.contacts, ...o.services.flatMap((s: any) => s.contacts)])).toEqual([]);
      const signedIn = (await get(await loginAs(open, 'medewerker@example.org'))).body;
      expect(signedIn.contents.flatMap((o: any) => o.contacts).length).toBe(62);
      expect(signedIn.contents.flatMap((o: any) => o.services.flatMap((s: any) => s.contacts)).length).toBeGreaterThan(100);
    } finally {
      await open.close();
    }
  });
});
