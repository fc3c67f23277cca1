import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReachIndex } from '../../server/src/modules/reach/reach-index.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Two servers on one database (a SQLite file, or one PostgreSQL database under npm run test:postgres), each
// with its own reach read model, as two processes behind a load balancer. A write on one (the analysis, a
// partner, an agreement, a walk-in hour) must show in the other's matrix at once, without a full reload.
const BUURT = 'BU03440832';
const LANGUAGE = 'Yoruba';
const GROUP = 'language:yor';
let servers: TestServer[] = [];
let admins: Record<string, string>[] = [];
let ds: DataSource;
let teamId: string;

const CELL = `query ($code: String!, $group: String!) { reachCell(neighbourhoodCode: $code, groupKey: $group) {
  cell { status keyPersons { value } activeAgreements { value } walkInHours { value } } } }`;
const RECORD = 'mutation ($input: RecordCommunityPresenceInput!) { recordCommunityPresence(input: $input) { id } }';
const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }';
const ARCHIVE_PERSON = 'mutation ($input: ArchiveInput!) { archivePerson(input: $input) { id } }';

beforeAll(async () => {
  const first = await startTestServer({ seed: true });
  servers = [first, await startTestServer({ seed: false, shareDatabaseWith: first })];
  admins = await Promise.all(servers.map((s) => loginAs(s, DEMO_USERS.administrator)));
  ds = first.app.get(DataSource);
  const [team] = await ds.query(`SELECT "teamId" AS id FROM person WHERE "teamId" IS NOT NULL GROUP BY "teamId" ORDER BY COUNT(*) DESC, "teamId" LIMIT 1`);
  teamId = team.id;
}, 180_000);
afterAll(async () => {
  await servers[1]?.close();
  await servers[0]?.close();
});

async function cell(server: number) {
  const res = await servers[server].gql(CELL, { code: BUURT, group: GROUP }, admins[server]);
  // A group not recorded as present in the buurt has no cell.
  if (res.errors?.[0].message.includes('niet vastgelegd als aanwezig')) return null;
  expect(res.errors).toBeUndefined();
  return res.data.reachCell.cell as { status: string; keyPersons: { value: number }; activeAgreements: { value: number } } | null;
}

async function write(server: number, query: string, variables: Record<string, unknown>) {
  const res = await servers[server].gql(query, variables, admins[server]);
  expect(res.errors).toBeUndefined();
  return res.data;
}

describe('two servers on one database: the reach matrix', () => {
  it('the analysis, a partner and its archiving written on one show in the other matrix at once, without a full reload', async () => {
    // Both read models loaded; nobody speaks Yoruba near the buurt in the demo data, and the group is not recorded there.
    expect(await cell(0)).toBeNull();
    expect(await cell(1)).toBeNull();
    const loads = servers.map((s) => s.app.get(ReachIndex).fullLoads);

    await write(1, RECORD, { input: { neighbourhoodCode: BUURT, language: LANGUAGE, band: 'GROUP', source: 'TEAM_ANALYSIS', observedOn: '2026-11-01' } });
    expect((await cell(0))?.status).toBe('RED');

    const created = await write(0, CREATE_PERSON, {
      input: {
        name: 'Twee Servers',
        roles: ['KEY_PERSON'],
        teamId,
        consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
        languages: [{ language: 'yor', level: 'NATIVE' }],
        neighbourhoodCodes: [BUURT],
        lastVerifiedOn: new Date().toISOString().slice(0, 10),
      },
    });
    const after = await cell(1);
    expect(after?.status).toBe('AMBER');
    expect(after?.keyPersons.value).toBe(1);

    await write(1, ARCHIVE_PERSON, { input: { id: created.createPerson.id, reason: 'test' } });
    expect((await cell(0))?.status).toBe('RED');
    expect(servers.map((s) => s.app.get(ReachIndex).fullLoads)).toEqual(loads);
  });

  it("an organisation's language and an agreement written by another writer (a console, an importer) count at once", async () => {
    const [org] = await ds.query(`SELECT "organisationId" AS id FROM organisation_neighbourhood WHERE "neighbourhoodCode" = '${BUURT}' LIMIT 1`);
    await ds.createQueryBuilder().insert().into('organisation_language').values({ organisationId: org.id, languageCode: 'yor' }).execute();
    // The organisation's own agreements there now count for the group too.
    const before = (await cell(1))!.activeAgreements.value;
    // A copy of a demo agreement, for this organisation and buurt, starting today.
    const [template] = await ds.createQueryBuilder().select('*').from('agreement', 'a').limit(1).getRawMany();
    const id = '00000000-0000-4000-8000-00000000a9e1';
    const today = new Date().toISOString().slice(0, 10);
    await ds
      .createQueryBuilder()
      .insert()
      .into('agreement')
      .values({ ...template, id, organisationId: org.id, personId: null, status: 'ACTIVE', startsOn: today, endsOn: null, archivedAt: null })
      .execute();
    await ds.createQueryBuilder().insert().into('agreement_neighbourhood').values({ agreementId: id, neighbourhoodCode: BUURT }).execute();
    const both = [await cell(0), await cell(1)];
    for (const c of both) {
      expect(c?.activeAgreements.value).toBe(before + 1);
      expect(c?.status).toBe('GREEN');
    }
    await ds.query(`UPDATE agreement SET "endsOn" = '2020-01-01' WHERE id = '${id}'`);
    expect((await cell(1))?.activeAgreements.value).toBe(before);
    expect((await cell(0))?.activeAgreements.value).toBe(before);
  });
});
