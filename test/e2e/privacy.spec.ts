import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../support/db-snapshot.js';
import { demoNetwork } from '../support/demo-accounts.js';
import { queryPerField } from '../support/query-builder.js';
import { fetchSchema } from '../support/schema.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const network = demoNetwork();
const SECRETS = network.persons.flatMap((p) => [p.phone, p.email]).filter((v): v is string => !!v);
const NAMES = network.persons.map((p) => p.name);

/** Every query the schema has, as anonymous, selecting every field three levels deep. */
async function anonymousBodies(server: TestServer, ids: Record<string, string>): Promise<{ field: string; body: string; codes: string[] }[]> {
  const schema = await fetchSchema(server);
  const argValue = (name: string) => (({ id: ids.person, code: 'BU03440832', name: 'som', municipalityCode: 'GM0344' }) as Record<string, unknown>)[name];
  const queries = queryPerField(schema, 3, argValue);
  expect(queries.length).toBeGreaterThan(10);
  const out = [];
  for (const { field, query } of queries) {
    // Also with the id of an organisation and a team, where those are asked for.
    for (const id of [ids.person, ids.organisation, ids.team]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: query.replaceAll(ids.person, id) }),
      });
      const body = await response.text();
      expect(response.status, `${field}: ${body.slice(0, 300)}`).toBeLessThan(500);
      out.push({ field, body, codes: (JSON.parse(body).errors ?? []).map((e: any) => e.extensions?.code) });
      if (!query.includes(ids.person)) break;
    }
  }
  return out;
}

async function someIds(server: TestServer): Promise<Record<string, string>> {
  const admin = await server.login('beheerder@example.org');
  const res = await server.gql(`{ persons(page: { limit: 1 }) { items { id } } organisations(page: { limit: 1 }) { items { id } } teams { id } }`, {}, admin);
  return { person: res.data.persons.items[0].id, organisation: res.data.organisations.items[0].id, team: res.data.teams[0].id };
}

for (const anonymousRead of [false, true]) {
  describe(`not signed in, ANONYMOUS_READ=${anonymousRead}`, () => {
    let server: TestServer;
    let ids: Record<string, string>;
    beforeAll(async () => {
      server = await startTestServer({ seed: true, config: { anonymousRead } });
      ids = await someIds(server);
    });
    afterAll(() => server?.close());

    it("no response to any query contains a seeded person's phone, e-mail or name", async () => {
      expect(SECRETS.length).toBeGreaterThan(200);
      const bodies = await anonymousBodies(server, ids);
      for (const { field, body } of bodies) {
        for (const secret of SECRETS) expect(body.includes(secret), `${field} leaks ${secret}`).toBe(false);
        for (const name of NAMES) expect(body.includes(`"${name}"`), `${field} leaks the name ${name}`).toBe(false);
      }
    });

    it(anonymousRead ? 'organisations, teams and the counts of persons are open; persons are not' : 'only reference data is open', async () => {
      const open = await server.gql(
        `{ languages { code } communities { code } neighbourhoods { code } districts { code } clientSettings { tileUrl } me { email } }`,
      );
      expect(open.errors).toBeUndefined();
      expect(open.data.me).toBeNull();
      const directory = await server.gql(
        `{ organisations { totalCount } teams { name } personCoverage(filter: { neighbourhoodCode: "BU03440832", language: "Somalisch" }) { keyPersons formalInterpreters informalInterpreters masked } }`,
      );
      if (anonymousRead) {
        expect(directory.errors).toBeUndefined();
        expect(directory.data.organisations.totalCount).toBeGreaterThan(30);
        // Two key persons: a count of 1–4 reaches an anonymous caller as "minder dan 5" (issue 16).
        expect(directory.data.personCoverage[0]).toMatchObject({ keyPersons: null, masked: true });
      } else {
        for (const query of [`{ organisations { totalCount } }`, `{ teams { name } }`, `{ personCoverage { keyPersons } }`]) {
          const res = await server.gql(query);
          expect(res.data, query).toBeNull();
          expect(res.errors![0].extensions!.code, query).toBe('UNAUTHENTICATED');
        }
      }
      for (const query of [
        `{ persons { totalCount } }`,
        `{ person(id: "${ids.person}") { name } }`,
        `{ auditLog { totalCount } }`,
        `{ users { email } }`,
        `{ exportPersonData(id: "${ids.person}") }`,
      ]) {
        const res = await server.gql(query);
        expect(res.errors![0].extensions!.code, query).toBe('UNAUTHENTICATED');
      }
    });

    it(
      anonymousRead ? 'nested fields: walk-in hours open, agreements and fixed contacts not' : 'nested fields of public types follow the same rules',
      async () => {
        // The neighbourhood is public; what hangs from it is decided per type, not by the root field.
        const page = await server.gql(`query($code: String!) { neighbourhood(code: $code) { name organisations { name } activities { name } } }`, {
          code: 'BU03440832',
        });
        if (anonymousRead) {
          expect(page.errors).toBeUndefined();
          expect(page.data.neighbourhood.activities.length).toBeGreaterThan(0);
        } else {
          expect(page.errors!.map((e) => e.extensions!.code)).toContain('UNAUTHENTICATED');
          expect(JSON.stringify(page.data ?? {})).not.toContain('Stichting');
        }
        for (const field of ['agreements { title }', 'fixedContacts { since }']) {
          const res = await server.gql(`query($code: String!) { neighbourhood(code: $code) { name ${field} } }`, { code: 'BU03440832' });
          expect(res.errors?.[0].extensions?.code, field).toBe('UNAUTHENTICATED');
        }
        for (const query of ['{ agreements { title } }', '{ reviewQueue { totalCount } }', '{ contactAssignments { since } }']) {
          const res = await server.gql(query);
          expect(res.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
        }
      },
    );

    it(`the HTTP downloads and the HSDS API ${anonymousRead ? 'give organisations' : 'refuse anonymous callers'}; templates are always open`, async () => {
      const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
      const expected = anonymousRead ? 200 : 401;
      expect(await status('/hsds/organizations'), '/hsds/organizations').toBe(expected);
      expect(await status('/hsds/services'), '/hsds/services').toBe(expected);
      expect(await status('/export/organisaties.csv'), '/export/organisaties.csv').toBe(expected);
      expect(await status('/export/personen.csv'), '/export/personen.csv').toBe(401);
      expect(await status('/sjablonen/organisaties.csv'), '/sjablonen/organisaties.csv').toBe(200);
      expect(await status('/hsds'), '/hsds').toBe(200);
    });
  });
}

describe('signed in', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    ids = await someIds(server);
  });
  afterAll(() => server?.close());

  it('a team member sees names and contact details, and every read of contact details is logged', async () => {
    const member = await server.login('medewerker@example.org');
    const res = await server.gql(
      `query($id: ID!) { person(id: $id) { name contactDetails { phone email } mapPoint { neighbourhoodCode } } }`,
      { id: ids.person },
      member,
    );
    const seeded = network.persons.find((p) => p.name === res.data.person.name)!;
    expect(res.data.person.contactDetails).toEqual({ phone: seeded.phone ?? null, email: seeded.email ?? null });
    expect(seeded.neighbourhoodCodes).toContain(res.data.person.mapPoint.neighbourhoodCode);
    const admin = await server.login('beheerder@example.org');
    const log = await server.gql(
      `query($id: ID!) { auditLog(filter: { entityType: "Person", entityId: $id, action: "readContactDetails" }) { totalCount items { userEmail action at } } }`,
      { id: ids.person },
      admin,
    );
    expect(log.data.auditLog.totalCount).toBe(1);
    expect(log.data.auditLog.items[0].userEmail).toBe('medewerker@example.org');
  });

  it('the audit log filters by record, user and period, newest first, for administrators only', async () => {
    const admin = await server.login('beheerder@example.org');
    const me = (await server.gql(`{ me { id } }`, {}, admin)).data.me;
    const today = new Date().toISOString().slice(0, 10);
    const byUser = await server.gql(
      `query($u: ID) { auditLog(filter: { userId: $u, from: "${today}", to: "${today}" }) { totalCount items { action userId at } } }`,
      { u: me.id },
      admin,
    );
    expect(byUser.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(byUser.data.auditLog.items.every((e: any) => e.userId === me.id && e.at.startsWith(today))).toBe(true);
    const ats = byUser.data.auditLog.items.map((e: any) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const past = await server.gql(`{ auditLog(filter: { to: "2001-01-01" }) { totalCount } }`, {}, admin);
    expect(past.data.auditLog.totalCount).toBe(0);
    const bad = await server.gql(`{ auditLog(filter: { from: "gisteren" }) { totalCount } }`, {}, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/from$/) });
    for (const who of ['medewerker@example.org', 'coordinator@example.org']) {
      const refused = await server.gql(`{ auditLog { totalCount } }`, {}, await server.login(who));
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('export and erasure (AVG)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  });
  afterAll(() => server?.close());

  it('an administrator exports everything about a person, then erases the personal data but keeps the record', async () => {
    const admin = await server.login('beheerder@example.org');
    const member = await server.login('medewerker@example.org');
    const somali = await server.gql(
      `{ persons(filter: { language: "som", role: KEY_PERSON, neighbourhoodCode: "BU03440832" }) { items { id name contactDetails { phone email } } } }`,
      {},
      member,
    );
    const person = somali.data.persons.items[0];
    const seeded = network.persons.find((p) => p.name === person.name)!;

    const exported = await server.gql(`query($id: ID!) { exportPersonData(id: $id) }`, { id: person.id }, admin);
    expect(exported.errors).toBeUndefined();
    const data = exported.data.exportPersonData;
    expect(data.person).toMatchObject({ id: person.id, name: seeded.name, phone: seeded.phone, email: seeded.email, consentGivenOn: seeded.consentGivenOn });
    expect(data.person.languages.map((l: any) => l.code)).toContain('som');
    expect(data.person.neighbourhoods.map((n: any) => n.code)).toEqual(expect.arrayContaining(seeded.neighbourhoodCodes));
    expect(data.auditEntries.map((e: any) => e.action)).toContain('readContactDetails');
    expect(data).toHaveProperty('related');

    for (const who of [member, await server.login('coordinator@example.org')]) {
      const refused = await server.gql(`query($id: ID!) { exportPersonData(id: $id) }`, { id: person.id }, who);
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
      const refusedErase = await server.gql(`mutation($id: ID!) { erasePerson(id: $id) { id } }`, { id: person.id }, who);
      expect(refusedErase.errors![0].extensions!.code).toBe('FORBIDDEN');
    }

    const erased = await server.gql(
      `mutation($id: ID!, $c: String) { erasePerson(id: $id, confirmation: $c) { id name erasedAt archivedAt languages { level } neighbourhoods { code } contactDetails { phone } } }`,
      { id: person.id, c: ` ${seeded.name.toUpperCase()} ` },
      admin,
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data.erasePerson).toMatchObject({ id: person.id, name: 'een sleutelpersoon', languages: [], neighbourhoods: [], contactDetails: null });
    expect(erased.data.erasePerson.erasedAt).toBeTruthy();

    // Nothing of the person is left in the database, the audit log included; the erasure is logged.
    const dataSource = server.app.get(DataSource);
    const tables: { name: string }[] =
      dataSource.options.type === 'better-sqlite3'
        ? await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        : await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
    for (const { name } of tables) {
      const rows = JSON.stringify(await dataSource.query(`SELECT * FROM "${name}"`));
      for (const value of [seeded.phone!, seeded.email!, seeded.name]) expect(rows.includes(value), `${name} still holds ${value}`).toBe(false);
    }
    const log = await server.gql(
      `query($id: ID!) { auditLog(filter: { entityId: $id, action: "erasePerson" }) { items { userEmail before after } } }`,
      { id: person.id },
      admin,
    );
    expect(log.data.auditLog.items[0].userEmail).toBe('beheerder@example.org');
    expect(log.data.auditLog.items[0].before.erasedFields).toContain('phone');
    const search = await server.gql(`{ persons(filter: { name: "${seeded.name}" }) { totalCount } }`, {}, member);
    expect(search.data.persons.totalCount).toBe(0);
  });

  it('an erasure without the typed confirmation, or with another name, is refused with a Dutch message; nothing is written', async () => {
    const admin = await server.login('beheerder@example.org');
    const [row] = await server.app.get(DataSource).query(`SELECT id, name FROM person WHERE "erasedAt" IS NULL AND "archivedAt" IS NULL ORDER BY id LIMIT 1`);
    const before = await snapshot(server);
    const audits = await server.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'erasePerson'`);
    const erase = 'mutation($id: ID!, $c: String) { erasePerson(id: $id, confirmation: $c) { id } }';
    for (const c of [undefined, null, '', '   ', `${row.name}x`, 'een sleutelpersoon']) {
      const res = await server.gql(erase, { id: row.id, c }, admin);
      expect(res.errors?.[0].extensions, String(c)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmation' });
      expect(res.errors![0].message).toMatch(/typ de naam van de persoon/);
    }
    expect(await snapshot(server)).toEqual(before);
    expect(await server.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'erasePerson'`)).toEqual(audits);
  });

  it('unknown ids are NOT_FOUND, not a 500', async () => {
    const admin = await server.login('beheerder@example.org');
    for (const query of [`{ exportPersonData(id: "bestaat-niet") }`, `mutation { erasePerson(id: "bestaat-niet") { id } }`]) {
      const res = await server.gql(query, {}, admin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });
});
