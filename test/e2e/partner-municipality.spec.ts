import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCbsGeoJson } from '../../server/src/modules/neighbourhood/import/cbs-geojson.js';
import { importNeighbourhoods } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { snapshot } from '../support/db-snapshot.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 12, a region: organisations and agreements belong to a municipality; a coordinator writes only
// their municipality's, on every route; screens show the municipality by name.
const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.008],
      [lon, lat + 0.008],
      [lon, lat],
    ],
  ],
});
const CREATE_ORG = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id municipalityCode municipalityName } }';
const UPDATE_ORG = 'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id municipalityCode municipalityName } }';
const ARCHIVE_ORG = 'mutation ($input: ArchiveInput!) { archiveOrganisation(input: $input) { id } }';
const CREATE_AGREEMENT = 'mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id municipalityCode municipalityName } }';
const UPDATE_AGREEMENT = 'mutation ($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }';
const KANALENEILAND_NOORD = 'BU03440832';

describe('a region of Utrecht and Nieuwegein: the municipality of organisations and agreements', () => {
  let server: TestServer;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ seed: true, config: { municipalityCode: 'GM0344', municipalityCodes: ['GM0344', 'GM0356'] } });
    const nieuwegein = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { statcode: 'BU03560101', statnaam: 'Batau-Noord' }, geometry: square(5.085, 52.035) },
        { type: 'Feature', properties: { statcode: 'BU03560102', statnaam: 'Batau-Zuid' }, geometry: square(5.085, 52.025) },
      ],
    });
    await importNeighbourhoods(server.app.get(DataSource), parseCbsGeoJson(nieuwegein), 'test');
    admin = await loginAs(server, DEMO_USERS.administrator);
    coordinator = await loginAs(server, DEMO_USERS.coordinator);
  }, 120_000);
  afterAll(() => server?.close());

  it('existing organisations and agreements belong to the municipality of their buurten and team, shown by name', async () => {
    const res = await server.gql(
      `{ organisations(page: { limit: 100 }) { items { municipalityCode municipalityName } } agreements { municipalityCode municipalityName } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organisations.items.length).toBeGreaterThan(10);
    expect(res.data.agreements.length).toBeGreaterThan(0);
    for (const row of [...res.data.organisations.items, ...res.data.agreements])
      expect(row).toEqual({ municipalityCode: 'GM0344', municipalityName: 'Utrecht' });
  });

  it('a coordinator in Utrecht cannot create, change or archive a Nieuwegein organisation, nor move an Utrecht one there; nothing is written', async () => {
    const made = await server.gql(CREATE_ORG, { input: { name: 'Stichting Batau', kind: 'MIGRANT_ORGANISATION', neighbourhoodCodes: ['BU03560101'] } }, admin);
    expect(made.errors).toBeUndefined();
    expect(made.data.createOrganisation).toMatchObject({ municipalityCode: 'GM0356', municipalityName: 'Nieuwegein' });
    const id = made.data.createOrganisation.id;

    const before = await snapshot(server);
    const create = await server.gql(
      CREATE_ORG,
      { input: { name: 'Over De Grens', kind: 'MIGRANT_ORGANISATION', neighbourhoodCodes: ['BU03560102'] } },
      coordinator,
    );
    expect(create.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'neighbourhoodCodes' });
    expect(create.errors![0].message).toContain('Nieuwegein');
    const update = await server.gql(UPDATE_ORG, { input: { id, name: 'Overgenomen' } }, coordinator);
    expect(update.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const archive = await server.gql(ARCHIVE_ORG, { input: { id, reason: 'test' } }, coordinator);
    expect(archive.errors![0].extensions!.code).toBe('FORBIDDEN');

    // An Utrecht organisation of the coordinator's own buurt: theirs, but not to be moved to Nieuwegein.
    const own = await server.gql(
      CREATE_ORG,
      { input: { name: 'Eigen Kanaleneiland', kind: 'MIGRANT_ORGANISATION', neighbourhoodCodes: [KANALENEILAND_NOORD] } },
      coordinator,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.createOrganisation).toMatchObject({ municipalityCode: 'GM0344', municipalityName: 'Utrecht' });
    const afterOwn = await snapshot(server);
    const move = await server.gql(UPDATE_ORG, { input: { id: own.data.createOrganisation.id, neighbourhoodCodes: ['BU03560101'] } }, coordinator);
    expect(move.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(server)).toEqual(afterOwn);
    expect(
      Object.keys(before)
        .filter((t) => before[t] !== afterOwn[t])
        .sort(),
    ).toEqual(['directory_change', 'organisation', 'organisation_neighbourhood'].filter((t) => t in before));

    // The administrator moves it: it follows its buurten.
    const moved = await server.gql(UPDATE_ORG, { input: { id: own.data.createOrganisation.id, neighbourhoodCodes: ['BU03560101', 'BU03560102'] } }, admin);
    expect(moved.data.updateOrganisation).toMatchObject({ municipalityCode: 'GM0356', municipalityName: 'Nieuwegein' });
  });

  it('the CSV import holds the same rule: a row in Nieuwegein is refused by row and column, nothing written', async () => {
    const csv = 'naam;soort;buurten\nCsv Over De Grens;migrantenorganisatie;BU03560102\n';
    const before = await snapshot(server);
    const res = await server.gql(
      `mutation ($input: ImportCsvInput!) { importCsv(input: $input) { applied problems { row column code message } } }`,
      { input: { kind: 'ORGANISATIONS', content: csv, dryRun: false } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importCsv.applied).toBe(false);
    expect(res.data.importCsv.problems).toEqual([expect.objectContaining({ row: 2, code: 'FORBIDDEN' })]);
    expect(res.data.importCsv.problems[0].message).toContain('Nieuwegein');
    expect(await snapshot(server)).toEqual(before);
  });

  it("an agreement belongs to its team's municipality; a coordinator elsewhere cannot change it", async () => {
    const team = await server.gql(
      `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      { input: { name: 'Buurtteam Batau', kind: 'NEIGHBOURHOOD_TEAM', municipalityCode: 'GM0356', neighbourhoodCodes: ['BU03560101'] } },
      admin,
    );
    const orgs = await server.gql(`{ organisations(page: { limit: 1 }) { items { id } } }`, {}, admin);
    const made = await server.gql(
      CREATE_AGREEMENT,
      {
        input: {
          title: 'Spreekuur Batau',
          type: 'WALK_IN_HOUR',
          teamId: team.data.createTeam.id,
          organisationId: orgs.data.organisations.items[0].id,
          neighbourhoodCodes: ['BU03560101'],
          startsOn: '2026-11-01',
        },
      },
      admin,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data.createAgreement).toMatchObject({ municipalityCode: 'GM0356', municipalityName: 'Nieuwegein' });
    const edit = await server.gql(UPDATE_AGREEMENT, { input: { id: made.data.createAgreement.id, title: 'Overgenomen' } }, coordinator);
    expect(edit.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
