import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { District } from '../../server/src/modules/neighbourhood/district.entity.js';
import { Neighbourhood } from '../../server/src/modules/neighbourhood/neighbourhood.entity.js';
import { buildServer } from '../support/built-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const SETTINGS = `{ clientSettings { municipalityCode municipalityName municipalityNeighbourhoodCount municipalityBounds { south west north east } tileUrl } }`;

describe('the municipality of the installation (MUNICIPALITY_CODE)', () => {
  let utrecht: TestServer;
  let amsterdam: TestServer;
  beforeAll(async () => {
    // The demo data holds Utrecht's neighbourhoods only; Amsterdam (GM0363) has none here.
    utrecht = await startTestServer({ seed: true });
    amsterdam = await startTestServer({ seed: true, config: { municipalityCode: 'GM0363' } });
  });
  afterAll(async () => {
    await utrecht?.close();
    await amsterdam?.close();
  });

  it('clientSettings reports the default code, with the name and bounds from the neighbourhood table, to anyone', async () => {
    const res = await utrecht.gql(SETTINGS);
    expect(res.errors).toBeUndefined();
    const settings = res.data.clientSettings;
    expect(settings).toMatchObject({ municipalityCode: 'GM0344', municipalityName: 'Utrecht', municipalityNeighbourhoodCount: 111 });
    const { south, west, north, east } = settings.municipalityBounds;
    // Utrecht lies around 52.09 N, 5.12 E; the box is around its neighbourhoods' centre points.
    expect(south).toBeLessThan(52.09);
    expect(north).toBeGreaterThan(52.09);
    expect(west).toBeLessThan(5.12);
    expect(east).toBeGreaterThan(5.12);
    expect(north - south).toBeLessThan(0.2);
    expect(east - west).toBeLessThan(0.3);
    const { data } = await utrecht.gql(`{ neighbourhoods(municipalityCode: "GM0344") { code } }`);
    expect(data.neighbourhoods).toHaveLength(settings.municipalityNeighbourhoodCount);
  });

  it('a municipality without neighbourhoods still serves: its code, no name, no bounds, an empty map', async () => {
    const res = await amsterdam.gql(SETTINGS);
    expect(res.errors).toBeUndefined();
    expect(res.data.clientSettings).toMatchObject({
      municipalityCode: 'GM0363',
      municipalityName: null,
      municipalityNeighbourhoodCount: 0,
      municipalityBounds: null,
    });
    const map = await amsterdam.gql(`{ neighbourhoods(municipalityCode: "GM0363") { code geometry } districts(municipalityCode: "GM0363") { code } }`);
    expect(map.errors).toBeUndefined();
    expect(map.data).toEqual({ neighbourhoods: [], districts: [] });
    // Everything else keeps working: languages, signing in, the registry, the review queue.
    const admin = await amsterdam.login('beheerder@example.org');
    const rest = await amsterdam.gql(`{ languages { code } me { email } teams { id } reviewQueue { totalCount } }`, {}, admin);
    expect(rest.errors).toBeUndefined();
    expect(rest.data.languages.length).toBeGreaterThan(180);
    expect(rest.data.me.email).toBe('beheerder@example.org');
  });

  it('neighbourhoods imported later are picked up without a restart; other municipalities in the table stay off the map', async () => {
    // As `npm run import:neighbourhoods` would leave them (it writes to the database from another process).
    const db = amsterdam.app.get(DataSource);
    const square = (lat: number, lon: number) =>
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + 0.01, lat],
            [lon + 0.01, lat + 0.01],
            [lon, lat + 0.01],
            [lon, lat],
          ],
        ],
      });
    await db
      .getRepository(District)
      .save({ code: 'WK036300', name: 'Burgwallen-Oude Zijde', municipalityCode: 'GM0363', municipalityName: 'Amsterdam', geometryJson: null });
    await db.getRepository(Neighbourhood).save(
      [
        { code: 'BU03630000', name: 'Kop Zeedijk', lat: 52.376, lon: 4.9 },
        { code: 'BU03630001', name: 'Oosterdokseiland', lat: 52.375, lon: 4.91 },
      ].map((n) => ({
        code: n.code,
        name: n.name,
        districtCode: 'WK036300',
        municipalityCode: 'GM0363',
        municipalityName: 'Amsterdam',
        geometryJson: square(n.lat, n.lon),
        centroidLat: n.lat,
        centroidLon: n.lon,
        boundaryApproximate: false,
        boundarySource: 'test',
      })),
    );
    const res = await amsterdam.gql(SETTINGS);
    expect(res.data.clientSettings).toMatchObject({
      municipalityCode: 'GM0363',
      municipalityName: 'Amsterdam',
      municipalityNeighbourhoodCount: 2,
      municipalityBounds: { south: 52.375, west: 4.9, north: 52.376, east: 4.91 },
    });
    const map = await amsterdam.gql(`{ neighbourhoods(municipalityCode: "GM0363") { code } }`);
    expect(map.data.neighbourhoods.map((n: { code: string }) => n.code)).toEqual(['BU03630000', 'BU03630001']);
    // Utrecht's 111 are still in the table, and stay out of Amsterdam's settings and map (a request without a
    // municipality answers the installation's, never the whole table); Utrecht's installation is not affected.
    expect((await amsterdam.gql(`{ neighbourhoods { code } }`)).data.neighbourhoods).toHaveLength(2);
    expect((await utrecht.gql(SETTINGS)).data.clientSettings.municipalityNeighbourhoodCount).toBe(111);
  });

  it('a new team belongs to the configured municipality unless the input names one; an explicit null is refused', async () => {
    const admin = await amsterdam.login('beheerder@example.org');
    const CREATE = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id municipalityCode } }`;
    const made = await amsterdam.gql(CREATE, { input: { name: 'Buurtteam Centrum-Oost', kind: 'NEIGHBOURHOOD_TEAM' } }, admin);
    expect(made.errors).toBeUndefined();
    expect(made.data.createTeam.municipalityCode).toBe('GM0363');
    const named = await amsterdam.gql(CREATE, { input: { name: 'Buurtteam Diemen', kind: 'NEIGHBOURHOOD_TEAM', municipalityCode: 'GM0384' } }, admin);
    expect(named.data.createTeam.municipalityCode).toBe('GM0384');
    const bad = await amsterdam.gql(CREATE, { input: { name: 'Buurtteam Fout', kind: 'NEIGHBOURHOOD_TEAM', municipalityCode: 'GM12' } }, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCode' });
    const cleared = await amsterdam.gql(
      `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { municipalityCode } }`,
      { input: { id: made.data.createTeam.id, municipalityCode: null } },
      admin,
    );
    expect(cleared.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCode' });
    const after = await amsterdam.gql(`query($id: ID!) { team(id: $id) { municipalityCode } }`, { id: made.data.createTeam.id }, admin);
    expect(after.data.team.municipalityCode).toBe('GM0363');
  });
});

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('starting with a bad MUNICIPALITY_CODE', () => {
  const root = projectRoot();
  let build: ReturnType<typeof buildServer>;
  beforeAll(() => {
    build = buildServer('municipality');
  }, 120_000);
  afterAll(() => build?.remove());

  it('stops before opening the database, with one line naming the variable and no stack trace', () => {
    const result = spawnSync(process.execPath, [build.main], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, MUNICIPALITY_CODE: 'GM12', PORT: '0', DATABASE_URL: 'sqlite:/nonexistent/folder/never-opened.sqlite' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Configuratiefout (MUNICIPALITY_CODE): MUNICIPALITY_CODE moet een CBS-gemeentecode zijn: GM gevolgd door 4 cijfers, bijvoorbeeld GM0344 (Utrecht), of een lijst gescheiden door komma\'s voor een regio (GM0344,GM0356), niet "GM12"',
    );
    expect(result.stdout).not.toContain('draait op');
  });
});
