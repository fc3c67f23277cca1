import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchIndex } from '../../server/src/modules/matching/match-index.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Three servers on one database (a SQLite file, or one PostgreSQL database under npm run test:postgres),
// each with its own data source, connections and matching index, as three processes behind a load
// balancer would be. A write on one must be reflected by matchPartners on the others at once.
const KANALENEILAND_NOORD = 'BU03440832';
let servers: TestServer[] = [];
let admins: Record<string, string>[] = [];
let ds: DataSource;
let teamId: string;

const MATCH =
  'query ($input: MatchInput!) { matchPartners(input: $input) { matches { partner { ... on Person { id name } ... on Organisation { id name } } } } }';
const CREATE_PERSON = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }';
const UPDATE_PERSON = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }';
const ARCHIVE_PERSON = 'mutation ($input: ArchiveInput!) { archivePerson(input: $input) { id } }';
const ERASE_PERSON = 'mutation ($id: ID!, $confirmation: String) { erasePerson(id: $id, confirmation: $confirmation) { id } }';
const ASSIGN = 'mutation ($input: AssignFixedContactPersonInput!) { assignFixedContactPerson(input: $input) { id } }';

beforeAll(async () => {
  const first = await startTestServer({ seed: true });
  servers = [first, await startTestServer({ seed: false, shareDatabaseWith: first }), await startTestServer({ seed: false, shareDatabaseWith: first })];
  admins = await Promise.all(servers.map((s) => loginAs(s, DEMO_USERS.administrator)));
  ds = first.app.get(DataSource);
  const [team] = await ds.query(`SELECT "teamId" AS id FROM person WHERE "teamId" IS NOT NULL GROUP BY "teamId" ORDER BY COUNT(*) DESC, "teamId" LIMIT 1`);
  teamId = team.id;
}, 180_000);
afterAll(async () => {
  for (const server of servers.slice(1)) await server.close();
  await servers[0]?.close();
});

async function idsFound(server: number, languages: string[]): Promise<string[]> {
  const res = await servers[server].gql(MATCH, { input: { neighbourhoodCode: KANALENEILAND_NOORD, languages, radiusKm: 1, limit: 100 } }, admins[server]);
  expect(res.errors).toBeUndefined();
  return res.data.matchPartners.matches.map((m: { partner: { id: string } }) => m.partner.id);
}

async function write(server: number, query: string, variables: Record<string, unknown>) {
  const res = await servers[server].gql(query, variables, admins[server]);
  expect(res.errors).toBeUndefined();
  return res.data;
}

describe('three servers on one database', () => {
  it('a create, a language change, an archiving and an erasure on one are reflected on the others at once, without a full reload', async () => {
    // Every index loaded once.
    for (const i of [0, 1, 2]) await idsFound(i, ['som']);
    const loads = servers.map((s) => s.app.get(MatchIndex).fullLoads);

    const created = await write(0, CREATE_PERSON, {
      input: {
        name: 'Drie Servers',
        roles: ['KEY_PERSON'],
        teamId,
        consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
        languages: [{ language: 'tir', level: 'NATIVE' }],
        neighbourhoodCodes: [KANALENEILAND_NOORD],
      },
    });
    const id = created.createPerson.id as string;
    expect(await idsFound(1, ['tir'])).toContain(id);
    expect(await idsFound(2, ['tir'])).toContain(id);

    await write(1, UPDATE_PERSON, { input: { id, languages: [{ language: 'amh', level: 'FLUENT' }] } });
    expect(await idsFound(0, ['tir'])).not.toContain(id);
    expect(await idsFound(2, ['tir'])).not.toContain(id);
    expect(await idsFound(0, ['amh'])).toContain(id);
    expect(await idsFound(2, ['amh'])).toContain(id);

    await write(2, ARCHIVE_PERSON, { input: { id, reason: 'test' } });
    expect(await idsFound(0, ['amh'])).not.toContain(id);
    expect(await idsFound(1, ['amh'])).not.toContain(id);

    const other = await write(1, CREATE_PERSON, {
      input: {
        name: 'Wordt Gewist',
        roles: ['KEY_PERSON'],
        teamId,
        consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
        languages: [{ language: 'tir', level: 'NATIVE' }],
        neighbourhoodCodes: [KANALENEILAND_NOORD],
      },
    });
    const erased = other.createPerson.id as string;
    expect(await idsFound(0, ['tir'])).toContain(erased);
    expect(await idsFound(2, ['tir'])).toContain(erased);
    await write(0, ERASE_PERSON, { id: erased, confirmation: 'Wordt Gewist' });
    expect(await idsFound(1, ['tir'])).not.toContain(erased);
    expect(await idsFound(2, ['tir'])).not.toContain(erased);

    expect(servers.map((s) => s.app.get(MatchIndex).fullLoads)).toEqual(loads);
  });

  // PostgreSQL draws feed numbers before commit: a transaction with a lower number that commits after a
  // higher one was read must still be seen. (SQLite has one writer at a time: there the numbers commit in order.)
  it.runIf(!!process.env.TEST_POSTGRES_URL)('a write that commits after a later-numbered one was already read is still seen', async () => {
    const [first, second] = await idsFound(0, ['som']);
    const slow = servers[1].app.get(DataSource).createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query(`UPDATE person SET "archivedAt" = '2026-11-24T00:00:00.000Z' WHERE id = $1`, [first]);
      await servers[2].app.get(DataSource).query(`UPDATE person SET "archivedAt" = '2026-11-24T00:00:00.000Z' WHERE id = $1`, [second]);
      const between = await idsFound(0, ['som']);
      expect(between).not.toContain(second);
      expect(between).toContain(first);
      await slow.commitTransaction();
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
    }
    expect(await idsFound(0, ['som'])).not.toContain(first);
  });

  it('concurrent fixed-contact assignments on different servers keep exactly one current contact', async () => {
    const members: { id: string }[] = [];
    for (const i of [0, 1, 2]) {
      const created = await write(i, CREATE_PERSON, {
        input: {
          name: `Contact ${i}`,
          roles: ['CONTACT_PERSON'],
          teamId,
          consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
          languages: [{ language: 'nld', level: 'NATIVE' }],
          neighbourhoodCodes: [KANALENEILAND_NOORD],
        },
      });
      members.push(created.createPerson);
    }
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        [0, 1, 2].map((i) => servers[i].gql(ASSIGN, { input: { teamId, personId: members[(i + round) % members.length].id } }, admins[i])),
      );
      for (const res of results) {
        // Each either became the contact (ending the one before) or was refused with a clear conflict.
        if (res.errors) expect(res.errors[0].extensions?.code).toBe('CONFLICT');
      }
      expect(results.some((res) => !res.errors)).toBe(true);
      const current: { n: string | number }[] = await ds.query(`SELECT COUNT(*) AS n FROM contact_assignment WHERE "teamId" = '${teamId}' AND "until" IS NULL`);
      expect(Number(current[0].n)).toBe(1);
    }
  });
});
