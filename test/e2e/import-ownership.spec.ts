import iconv from 'iconv-lite';
import { DataSource, IsNull, Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation } from '../../server/src/modules/organisation/organisation.entity.js';
import { OwnershipService } from '../../server/src/modules/ownership/ownership.service.js';
import { Person } from '../../server/src/modules/person/person.entity.js';
import { Team } from '../../server/src/modules/team/team.entity.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshot } from '../support/db-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Ownership through every import route (issue 10, defects 2 and 3; issue 14's cross-team registration):
 * the coordinator of Buurtteam Zuidwest may not change, move or detach another team's records through
 * CSV (either kind) or HSDS, a member may import nothing, and an administrator may; rows are compared
 * before and after. Round trips of our own exports onto the filled database change nothing.
 */
const IMPORT_CSV = 'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { applied new changed unchanged problems { row column message code } } }';
const IMPORT_HSDS = 'mutation ($input: ImportHsdsInput!) { importHsds(input: $input) { applied new changed unchanged problems { row column message code } } }';
const EXPORT_CSV = 'query ($kind: CsvKind!) { exportCsv(kind: $kind) }';

let server: TestServer;
let dataSource: DataSource;
let ownership: OwnershipService;
const h: Record<'member' | 'coordinator' | 'administrator', Record<string, string>> = {} as never;
let zuidwest: string;
let zuid: string;
/** An organisation and a person (of an organisation) that belong to other teams, not to Buurtteam Zuidwest. */
let otherOrganisation: { id: string; name: string };
let otherPerson: { id: string; name: string; organisationId: string };

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  dataSource = server.app.get(DataSource);
  ownership = server.app.get(OwnershipService);
  h.member = await loginAs(server, DEMO_USERS.member);
  h.coordinator = await loginAs(server, DEMO_USERS.coordinator);
  h.administrator = await loginAs(server, DEMO_USERS.administrator);
  // Portable lookups (the e2e suite also runs on PostgreSQL).
  zuidwest = (await dataSource.getRepository(Team).findOneByOrFail({ name: 'Buurtteam Zuidwest' })).id;
  zuid = (await dataSource.getRepository(Team).findOneByOrFail({ name: 'Buurtteam Zuid' })).id;
  for (const o of await dataSource.getRepository(Organisation).find({ where: { archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } })) {
    const teams = await ownership.teamsOfOrganisation(o.id);
    if (teams.length && !teams.includes(zuidwest)) {
      otherOrganisation = { id: o.id, name: o.name };
      break;
    }
  }
  for (const p of await dataSource
    .getRepository(Person)
    .find({ where: { archivedAt: IsNull(), organisationId: Not(IsNull()) }, order: { name: 'ASC', id: 'ASC' } })) {
    const teams = await ownership.teamsOfPerson(p.id);
    if (teams.length && !teams.includes(zuidwest)) {
      otherPerson = { id: p.id, name: p.name, organisationId: p.organisationId! };
      break;
    }
  }
  expect(otherOrganisation).toBeDefined();
  expect(otherPerson).toBeDefined();
}, 60_000);
afterAll(() => server?.close());

/** Splits our own export (';', quoted cells) into rows of cells, and writes them back. */
function cells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';')).join('\r\n') + '\r\n';

async function exported(kind: 'ORGANISATIONS' | 'PERSONS'): Promise<string[][]> {
  const res = await server.gql(EXPORT_CSV, { kind }, h.administrator);
  expect(res.errors).toBeUndefined();
  return cells(res.data.exportCsv);
}

/** The header and the one row of our export for the record with this id, with some cells changed. */
async function rowOf(kind: 'ORGANISATIONS' | 'PERSONS', id: string, changes: Record<string, string>): Promise<string> {
  const [header, ...rows] = await exported(kind);
  const row = rows.find((r) => r[header.indexOf('extern_id')] === id);
  expect(row, `export has a row for ${id}`).toBeDefined();
  const copy = [...row!];
  for (const [column, value] of Object.entries(changes)) copy[header.indexOf(column)] = value;
  return toCsv([header, copy]);
}

/** The same file as text and as Windows-1252 bytes (a Dutch Excel file), both ways the import accepts it. */
const asTextAndBytes = (file: string) => [{ content: file }, { contentBase64: iconv.encode(file, 'windows-1252').toString('base64') }];

async function hsdsOrganization(id: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${server.url}/hsds/organizations/${id}`, { headers });
  expect(res.status).toBe(200);
  return res.text();
}

describe('CSV import: ownership of the existing record and of the new one', () => {
  it("a coordinator cannot change another team's organisation (defect 2); nothing written", async () => {
    const file = await rowOf('ORGANISATIONS', otherOrganisation.id, { omschrijving: 'Overgenomen door Zuidwest' });
    const before = await snapshot(server);
    for (const input of asTextAndBytes(file)) {
      const res = await server.gql(IMPORT_CSV, { input: { kind: 'ORGANISATIONS', ...input } }, h.coordinator);
      expect(res.data.importCsv.applied).toBe(false);
      expect(res.data.importCsv.problems).toEqual([expect.objectContaining({ row: 2, code: 'FORBIDDEN' })]);
    }
    expect(await snapshot(server)).toEqual(before);
  });

  it("a coordinator cannot move another team's person into their own team (defect 2); nothing written", async () => {
    const file = await rowOf('PERSONS', otherPerson.id, { team: 'Buurtteam Zuidwest', telefoon: '06-11112222', 'e-mail': 'kaping@example.org' });
    const before = await snapshot(server);
    for (const input of asTextAndBytes(file)) {
      const res = await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', ...input } }, h.coordinator);
      expect(res.data.importCsv.applied).toBe(false);
      expect(res.data.importCsv.problems.map((p: { code: string }) => p.code)).toContain('FORBIDDEN');
    }
    expect(await snapshot(server)).toEqual(before);
  });

  it('a coordinator cannot register a person into another team (issue 14), by CSV or GraphQL; nothing written', async () => {
    const header = 'extern_id;naam;rollen;talen;buurten;team;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
    const file = `${header}\r\nX-14;Nieuwe Collega;contactpersoon;nld:vloeiend;BU03440832;Buurtteam Zuid;2026-03-01;schriftelijk;Ravi\r\n`;
    const before = await snapshot(server);
    const csv = await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', content: file } }, h.coordinator);
    expect(csv.data.importCsv.problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN', column: 'team' })]);
    const gql = await server.gql(
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      {
        input: {
          name: 'Nieuwe Collega',
          roles: ['CONTACT_PERSON'],
          teamId: zuid,
          neighbourhoodCodes: ['BU03440832'],
          consent: { givenOn: '2026-03-01', method: 'WRITTEN', recordedBy: 'Ravi' },
        },
      },
      h.coordinator,
    );
    expect(gql.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'teamId' });
    expect(await snapshot(server)).toEqual(before);
  });

  it('a member may import nothing (FORBIDDEN) in either format; nothing written', async () => {
    const before = await snapshot(server);
    for (const kind of ['ORGANISATIONS', 'PERSONS'] as const) {
      const file = toCsv(await exported(kind));
      for (const dryRun of [true, false]) {
        const res = await server.gql(IMPORT_CSV, { input: { kind, content: file, dryRun } }, h.member);
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    }
    const hsds = await server.gql(IMPORT_HSDS, { input: { content: await hsdsOrganization(otherOrganisation.id, h.administrator) } }, h.member);
    expect(hsds.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(server)).toEqual(before);
  });

  it("an administrator may change another team's organisation", async () => {
    const file = await rowOf('ORGANISATIONS', otherOrganisation.id, { omschrijving: 'Bijgewerkt door de beheerder' });
    const res = await server.gql(IMPORT_CSV, { input: { kind: 'ORGANISATIONS', content: file } }, h.administrator);
    expect(res.data.importCsv).toMatchObject({ applied: true, changed: 1, problems: [] });
  });
});

describe('HSDS import: ownership and no detaching (defect 3)', () => {
  it("re-importing a team's own unchanged /hsds/organizations/{id} answer changes nothing, for an administrator and for a coordinator of another team", async () => {
    for (const role of ['administrator', 'coordinator'] as const) {
      const answer = await hsdsOrganization(otherPerson.organisationId, h[role]);
      const before = await snapshot(server);
      const res = await server.gql(IMPORT_HSDS, { input: { content: answer } }, h[role]);
      expect(res.errors).toBeUndefined();
      expect(res.data.importHsds).toMatchObject({ new: 0, changed: 0 });
      expect(await snapshot(server)).toEqual(before);
      const person = await dataSource.getRepository(Person).findOneByOrFail({ id: otherPerson.id });
      expect(person.organisationId).toBe(otherPerson.organisationId);
    }
  });

  it("a coordinator cannot change another team's organisation through HSDS; nothing written", async () => {
    const answer = JSON.parse(await hsdsOrganization(otherOrganisation.id, h.coordinator));
    answer.description = 'Overgenomen door Zuidwest';
    const before = await snapshot(server);
    const res = await server.gql(IMPORT_HSDS, { input: { content: JSON.stringify(answer) } }, h.coordinator);
    expect(res.data.importHsds.applied).toBe(false);
    expect(res.data.importHsds.problems.map((p: { code: string }) => p.code)).toContain('FORBIDDEN');
    expect(await snapshot(server)).toEqual(before);
  });
});

describe('round trips onto the filled database', () => {
  it('CSV export → import unchanged changes nothing, for both kinds', async () => {
    for (const kind of ['ORGANISATIONS', 'PERSONS'] as const) {
      const file = toCsv(await exported(kind));
      const before = await snapshot(server);
      const res = await server.gql(IMPORT_CSV, { input: { kind, content: file } }, h.administrator);
      expect(res.data.importCsv.problems).toEqual([]);
      expect(res.data.importCsv).toMatchObject({ new: 0, changed: 0 });
      expect(await snapshot(server)).toEqual(before);
    }
  });

  it('HSDS export (first page of organizations) → import unchanged changes nothing', async () => {
    const res = await fetch(`${server.url}/hsds/organizations?per_page=50`, { headers: h.administrator });
    const page = await res.text();
    const before = await snapshot(server);
    const imported = await server.gql(IMPORT_HSDS, { input: { content: page } }, h.administrator);
    expect(imported.data.importHsds.problems).toEqual([]);
    expect(imported.data.importHsds).toMatchObject({ new: 0, changed: 0 });
    expect(await snapshot(server)).toEqual(before);
  });
});
