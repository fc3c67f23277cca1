import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 15: the supporter of a key person is a user account of one of the person's teams (or the writer's), the same
 * rule on GraphQL, CSV (by e-mail address) and HSDS; the old free-text note stays readable until replaced; anonymous
 * readers never see the account.
 */
let server: TestServer;
let admin: Record<string, string>;
let member: Record<string, string>;
let coordinator: Record<string, string>;
let memberId: string;
let coordinatorId: string;
let teamName: string;
let personId: string;

const PERSON = `query($id: ID!) { person(id: $id) { id supportedBy supporter { id email } } }`;
const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id supportedBy supporter { email } } }`;
const IMPORT_CSV = 'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { applied problems { row column message code rule } } }';
const IMPORT_HSDS = 'mutation ($input: ImportHsdsInput!) { importHsds(input: $input) { applied problems { row column message code rule } } }';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  admin = await server.login('beheerder@example.org');
  member = await server.login('medewerker@example.org');
  coordinator = await server.login('coordinator@example.org');
  // The coordinator's team (Zuidwest) owns the person; the member belongs to another team.
  const me = (await server.gql(`{ me { id teams { id name } } }`, {}, coordinator)).data.me;
  coordinatorId = me.id;
  teamName = me.teams[0].name;
  memberId = (await server.gql(`{ me { id } }`, {}, member)).data.me.id;
  const created = await server.gql(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    {
      input: {
        name: 'Begeleide Sleutelpersoon',
        roles: ['KEY_PERSON'],
        teamId: me.teams[0].id,
        neighbourhoodCodes: ['BU03440832'],
        supportedBy: 'Ravi (oude notitie)',
        consent: { givenOn: '2026-03-01', method: 'WRITTEN', recordedBy: 'Ravi' },
      },
    },
    coordinator,
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  personId = created.data.createPerson.id;
});
afterAll(() => server?.close());

describe('the supporter of a key person', () => {
  it('offers the active members of the teams as candidates, not another team', async () => {
    const res = await server.gql(`query($id: ID) { supporterCandidates(personId: $id) { id email } }`, { id: personId }, coordinator);
    expect(res.errors).toBeUndefined();
    const emails = res.data.supporterCandidates.map((u: { email: string }) => u.email);
    expect(emails).toContain('coordinator@example.org');
    expect(emails).not.toContain('medewerker@example.org');
    expect((await server.gql(`{ supporterCandidates { id } }`, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown account and one of another team at the field, writing nothing', async () => {
    const unknown = await server.gql(UPDATE, { input: { id: personId, supportedByUserId: 'bestaat-niet' } }, coordinator);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'supportedByUserId', rule: 'person.supporter.unknown' });
    expect(unknown.errors?.[0].message).toContain('geen gebruiker');
    const foreign = await server.gql(UPDATE, { input: { id: personId, supportedByUserId: memberId } }, coordinator);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supportedByUserId', rule: 'person.supporter.otherTeam' });
    expect(foreign.errors?.[0].message).toContain('medewerker@example.org is geen lid van een team van deze persoon');
    const after = await server.gql(PERSON, { id: personId }, coordinator);
    expect(after.data.person).toMatchObject({ supportedBy: 'Ravi (oude notitie)', supporter: null });
  });

  it('takes a member of the team, replacing the old note; anonymous readers never see the account', async () => {
    const ok = await server.gql(UPDATE, { input: { id: personId, supportedByUserId: coordinatorId } }, coordinator);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.updatePerson).toMatchObject({ supportedBy: null, supporter: { email: 'coordinator@example.org' } });
    // A signed-in member of another team reads who supports the person.
    expect((await server.gql(PERSON, { id: personId }, member)).data.person.supporter).toEqual({ id: coordinatorId, email: 'coordinator@example.org' });
    const anonymous = await server.gql(PERSON, { id: personId });
    expect(anonymous.data?.person?.supporter ?? null).toBeNull();
    const policy = await server.login('beleid@example.org');
    expect((await server.gql(PERSON, { id: personId }, policy)).data?.person?.supporter ?? null).toBeNull();
  });

  it('holds on the CSV import, by e-mail address', async () => {
    const header = 'extern_id;naam;rollen;buurten;team;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door;begeleider_email';
    const csv = (email: string) => `${header}\r\nSUP-1;CSV Sleutelpersoon;sleutelpersoon;BU03440832;${teamName};2026-03-01;schriftelijk;Ravi;${email}\r\n`;
    const foreign = await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', content: csv('medewerker@example.org') } }, admin);
    expect(foreign.data.importCsv.applied).toBe(false);
    expect(foreign.data.importCsv.problems).toEqual([expect.objectContaining({ row: 2, column: 'begeleider_email', rule: 'person.supporter.otherTeam' })]);
    const unknown = await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', content: csv('niemand@example.org') } }, admin);
    expect(unknown.data.importCsv.problems).toEqual([expect.objectContaining({ column: 'begeleider_email', rule: 'person.supporter.unknown' })]);
    const ok = await server.gql(IMPORT_CSV, { input: { kind: 'PERSONS', content: csv('Coordinator@Example.org') } }, admin);
    expect(ok.data.importCsv.problems).toEqual([]);
    expect(ok.data.importCsv.applied).toBe(true);
    const found = await server.gql(`{ persons(filter: { name: "CSV Sleutelpersoon" }) { items { supporter { email } } } }`, {}, member);
    expect(found.errors, JSON.stringify(found.errors)).toBeUndefined();
    expect(found.data.persons.items[0].supporter).toEqual({ email: 'coordinator@example.org' });

    // The export names the account by its address, and importing the export again changes nothing.
    const exported: string = (await server.gql('query { exportCsv(kind: PERSONS) }', {}, admin)).data.exportCsv;
    const lines = exported.replace(/^\uFEFF/, '').split(/\r?\n/);
    const columns = lines[0].split(';');
    const row = lines.find((l) => l.includes('CSV Sleutelpersoon'))!.split(';');
    expect(row[columns.indexOf('begeleider_email')]).toBe('coordinator@example.org');
    const counts = await server.gql(
      'mutation ($input: ImportCsvInput!) { importCsv(input: $input) { changed new problems { message } } }',
      { input: { kind: 'PERSONS', content: exported, dryRun: true } },
      admin,
    );
    expect(counts.errors, JSON.stringify(counts.errors)).toBeUndefined();
    expect(counts.data.importCsv).toMatchObject({ changed: 0, new: 0, problems: [] });
  });

  it('holds on the HSDS import', async () => {
    const attr = (label: string, value: string) => ({ label, value });
    const body = (email: string) =>
      JSON.stringify({
        id: 'sup-org',
        name: 'Begeleiding Gastorganisatie',
        description: '',
        attributes: [attr('soort', 'MIGRANT_ORGANISATION')],
        services: [
          {
            id: 'sup-svc',
            name: 'Dienst',
            status: 'active',
            service_areas: [{ uri: 'urn:cbs:buurt:BU03440832' }],
            contacts: [
              {
                id: 'sup-person',
                name: 'HSDS Sleutelpersoon',
                attributes: [
                  attr('rol', 'KEY_PERSON'),
                  attr('toestemming_datum', '2026-03-01'),
                  attr('toestemming_wijze', 'WRITTEN'),
                  attr('toestemming_vastgelegd_door', 'Ravi'),
                  attr('buurt', 'BU03440832'),
                  attr('begeleider_email', email),
                ],
              },
            ],
          },
        ],
      });
    const unknown = await server.gql(IMPORT_HSDS, { input: { content: body('niemand@example.org') } }, admin);
    expect(unknown.data.importHsds.applied).toBe(false);
    expect(unknown.data.importHsds.problems).toEqual([expect.objectContaining({ rule: 'person.supporter.unknown' })]);
    // Kanaleneiland-Noord is Zuidwest's buurt: its coordinator may support the person; the member of Overvecht-Zuid may not.
    const foreign = await server.gql(IMPORT_HSDS, { input: { content: body('medewerker@example.org') } }, admin);
    expect(foreign.data.importHsds.problems).toEqual([expect.objectContaining({ rule: 'person.supporter.otherTeam' })]);
    const ok = await server.gql(IMPORT_HSDS, { input: { content: body('coordinator@example.org') } }, admin);
    expect(ok.data.importHsds.problems).toEqual([]);
    const found = await server.gql(`{ persons(filter: { name: "HSDS Sleutelpersoon" }) { items { supporter { email } } } }`, {}, coordinator);
    expect(found.data.persons.items[0].supporter).toEqual({ email: 'coordinator@example.org' });
  });
});
