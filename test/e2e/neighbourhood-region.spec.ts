import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCbsGeoJson } from '../../server/src/modules/neighbourhood/import/cbs-geojson.js';
import { importCbsFiles, importNeighbourhoods } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { NATIONAL_NEIGHBOURHOOD_COUNT, writeNationalCbsFile } from '../support/cbs-national.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 12, defect 4: an anonymous `neighbourhoods` without a municipality answered the whole country
// (14,685 items, 5 MB); five at once grew the server to 1.77 GB.
describe('neighbourhood answers are bounded at national size', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nb-national-'));
    const file = join(dir, 'buurt_2024.geojson');
    await writeNationalCbsFile(file);
    server = await startTestServer({ seed: false });
    await importCbsFiles(server.app.get(DataSource), [file]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("without a municipality: only the installation's, small and quick, also five at once", async () => {
    const query = `{ neighbourhoods { code municipalityCode geometry } }`;
    const started = performance.now();
    const res = await server.gql(query);
    const ms = performance.now() - started;
    expect(res.errors).toBeUndefined();
    expect(res.data.neighbourhoods.length).toBeGreaterThan(40);
    expect(res.data.neighbourhoods.length).toBeLessThan(50);
    expect(res.data.neighbourhoods.every((n: { municipalityCode: string }) => n.municipalityCode === 'GM0344')).toBe(true);
    expect(JSON.stringify(res).length).toBeLessThan(100_000);
    expect(ms).toBeLessThan(2_000);

    const rssBefore = process.memoryUsage().rss;
    const five = await Promise.all(Array.from({ length: 5 }, () => server.gql(query)));
    expect(five.every((r) => r.data.neighbourhoods.length === res.data.neighbourhoods.length)).toBe(true);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('nothing lets one caller pull the country: at most 10 municipalities and 1000 rows a request', async () => {
    const all = `{ neighbourhoods(municipalityCodes: [${Array.from({ length: 11 }, (_, i) => `"GM0${String(300 + i).padStart(3, '0')}"`).join(',')}]) { code } }`;
    expect((await server.gql(all)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCodes' });
    expect((await server.gql(`{ neighbourhoods(limit: 5000) { code } }`)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect((await server.gql(`{ neighbourhoods(zoom: 40) { code } }`)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'zoom' });
    expect((await server.gql(`{ neighbourhoods(municipalityCode: "GM03") { code } }`)).errors![0].extensions).toMatchObject({
      code: 'INVALID_CBS_CODE',
      field: 'municipalityCode',
    });
    expect((await server.gql(`{ districts { code } }`)).data.districts.every((d: { code: string }) => d.code.startsWith('WK0344'))).toBe(true);
    const total = await server.gql(`{ clientSettings { municipalityNeighbourhoodCount } }`);
    expect(total.data.clientSettings.municipalityNeighbourhoodCount).toBeLessThan(NATIONAL_NEIGHBOURHOOD_COUNT / 100);
  });

  it('pages in code order, and simplifies boundaries to the zoom asked', async () => {
    const first = (await server.gql(`{ neighbourhoods(municipalityCode: "GM0363", limit: 10) { code } }`)).data.neighbourhoods;
    const second = (await server.gql(`{ neighbourhoods(municipalityCode: "GM0363", limit: 10, offset: 10) { code } }`)).data.neighbourhoods;
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    expect(first.map((n: { code: string }) => n.code).sort()).toEqual(first.map((n: { code: string }) => n.code));
    expect(second[0].code > first[9].code).toBe(true);
    const vertices = async (zoom?: number) => {
      const res = await server.gql(`{ neighbourhoods(municipalityCode: "GM0363", limit: 5${zoom === undefined ? '' : `, zoom: ${zoom}`}) { geometry } }`);
      return res.data.neighbourhoods.reduce((sum: number, n: { geometry: { coordinates: number[][][] } }) => sum + n.geometry.coordinates[0].length, 0);
    };
    const full = await vertices();
    const city = await vertices(16);
    const country = await vertices(7);
    expect(full).toBe(5 * 17);
    expect(city).toBe(full);
    expect(country).toBeLessThan(full / 2);
  });
});

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

describe('a region: one installation for Utrecht and Nieuwegein (MUNICIPALITY_CODE=GM0344,GM0356)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true, config: { municipalityCode: 'GM0344', municipalityCodes: ['GM0344', 'GM0356'] } });
    // Two Nieuwegein buurten just south of Utrecht's Kanaleneiland (national file format, no names of municipalities).
    const nieuwegein = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { statcode: 'BU03560101', statnaam: 'Batau-Noord' }, geometry: square(5.085, 52.035) },
        { type: 'Feature', properties: { statcode: 'BU03560102', statnaam: 'Batau-Zuid' }, geometry: square(5.085, 52.025) },
      ],
    });
    await importNeighbourhoods(server.app.get(DataSource), parseCbsGeoJson(nieuwegein), 'test');
  });
  afterAll(() => server?.close());

  it('clientSettings names both, with bounds around both; the map data holds both', async () => {
    const res = await server.gql(
      `{ clientSettings { municipalityCode municipalityName municipalityCodes municipalityNeighbourhoodCount municipalityBounds { south north } municipalities { code name neighbourhoodCount bounds { south north } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const settings = res.data.clientSettings;
    expect(settings).toMatchObject({
      municipalityCode: 'GM0344',
      municipalityName: 'Utrecht en Nieuwegein',
      municipalityCodes: ['GM0344', 'GM0356'],
      municipalityNeighbourhoodCount: 113,
    });
    expect(settings.municipalities.map((m: { code: string; name: string; neighbourhoodCount: number }) => [m.code, m.name, m.neighbourhoodCount])).toEqual([
      ['GM0344', 'Utrecht', 111],
      ['GM0356', 'Nieuwegein', 2],
    ]);
    expect(settings.municipalityBounds.south).toBeLessThan(52.035);
    expect(settings.municipalityBounds.north).toBeGreaterThan(52.1);
    const map = await server.gql(`{ neighbourhoods { code municipalityName } }`);
    expect(map.data.neighbourhoods).toHaveLength(113);
    expect(map.data.neighbourhoods.find((n: { code: string }) => n.code === 'BU03560101').municipalityName).toBe('Nieuwegein');
  });

  it('the search crosses the border: from a Nieuwegein buurt it finds Utrecht partners', async () => {
    const member = await loginAs(server, DEMO_USERS.member);
    const res = await server.gql(
      `query ($input: MatchInput!) { matchPartners(input: $input) { place { neighbourhoodCode } matches { distanceKm mapPoint { neighbourhoodCode } } } }`,
      { input: { neighbourhoodCode: 'BU03560101', languages: ['Somalisch'], radiusKm: 10 } },
      member,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.matchPartners.place.neighbourhoodCode).toBe('BU03560101');
    const codes = res.data.matchPartners.matches.map((m: { mapPoint: { neighbourhoodCode: string } | null }) => m.mapPoint?.neighbourhoodCode).filter(Boolean);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c: string) => c.startsWith('BU0344'))).toBe(true);
  });

  it("a coordinator sees and edits only their municipality's teams; every team shows its municipality by name", async () => {
    const admin = await loginAs(server, DEMO_USERS.administrator);
    const made = await server.gql(
      `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id municipalityCode municipalityName } }`,
      { input: { name: 'Buurtteam Batau', kind: 'NEIGHBOURHOOD_TEAM', municipalityCode: 'GM0356', neighbourhoodCodes: ['BU03560101'] } },
      admin,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data.createTeam).toMatchObject({ municipalityCode: 'GM0356', municipalityName: 'Nieuwegein' });
    const id = made.data.createTeam.id;
    const TEAMS = `{ teams { id municipalityCode municipalityName } }`;
    const asAdmin = (await server.gql(TEAMS, undefined, admin)).data.teams;
    expect(asAdmin.map((t: { id: string }) => t.id)).toContain(id);
    const coordinator = await loginAs(server, DEMO_USERS.coordinator);
    const asCoordinator = (await server.gql(TEAMS, undefined, coordinator)).data.teams;
    expect(asCoordinator.length).toBeGreaterThan(0);
    expect(
      asCoordinator.every((t: { municipalityCode: string; municipalityName: string }) => t.municipalityCode === 'GM0344' && t.municipalityName === 'Utrecht'),
    ).toBe(true);
    const edit = await server.gql(
      `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { id } }`,
      { input: { id, name: 'Overgenomen' } },
      coordinator,
    );
    expect(edit.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
