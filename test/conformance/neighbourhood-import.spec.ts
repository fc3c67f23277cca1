import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCbsGeoJson } from '../../server/src/modules/neighbourhood/import/cbs-geojson.js';
import { importNeighbourhoods } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { Neighbourhood } from '../../server/src/modules/neighbourhood/neighbourhood.entity.js';
import { District } from '../../server/src/modules/neighbourhood/district.entity.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { sharedPath } from '../support/shared.js';
import { DataSource } from 'typeorm';

const buurten = readFileSync(sharedPath('data', 'utrecht-buurten.geojson'), 'utf8');
const wijken = readFileSync(sharedPath('data', 'utrecht-wijken.geojson'), 'utf8');

describe('the demo ships the real CBS boundaries; importing the real file changes nothing', () => {
  let server: TestServer;
  let dataSource: DataSource;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    dataSource = server.app.get(DataSource);
  });
  afterAll(() => server?.close());

  it('seeds all 111 real boundaries (not approximations), and the CBS file finds nothing to change', async () => {
    const before = await dataSource.getRepository(Neighbourhood).find();
    expect(before).toHaveLength(111);
    expect(before.every((n) => !n.boundaryApproximate && n.boundarySource.startsWith('Bron: CBS / Kadaster, Wijk- en Buurtkaart 2024'))).toBe(true);
    const real = (JSON.parse(buurten) as FeatureCollection).features.find((f) => f.id === 'BU03440832')!;
    expect(JSON.parse(before.find((n) => n.code === 'BU03440832')!.geometryJson)).toEqual(real.geometry);

    const parsed = parseCbsGeoJson(buurten);
    expect(parsed.neighbourhoods).toHaveLength(111);
    expect(parsed.reprojected).toBe(false);
    const progress: number[] = [];
    const report = await importNeighbourhoods(dataSource, parsed, 'utrecht-buurten.geojson', (done) => progress.push(done));
    expect(report.neighbourhoods).toEqual({ new: 0, changed: 0, unchanged: 111 });
    expect(progress.at(-1)).toBe(111);

    // The GraphQL API serves the CBS boundary.
    const res = await server.gql(`{ neighbourhood(code: "BU03440832") { boundaryApproximate geometry } }`);
    expect(res.data.neighbourhood.boundaryApproximate).toBe(false);
    expect(res.data.neighbourhood.geometry).toEqual(real.geometry);
  });

  it('imports the 10 wijken with their boundaries and clean names', async () => {
    const report = await importNeighbourhoods(dataSource, parseCbsGeoJson(wijken), 'utrecht-wijken.geojson');
    expect(report.districts.new + report.districts.changed + report.districts.unchanged).toBe(10);
    const districts = await dataSource.getRepository(District).find({ order: { code: 'ASC' } });
    expect(districts).toHaveLength(10);
    expect(districts.find((d) => d.code === 'WK034408')!.name).toBe('Zuidwest');
    expect(districts.every((d) => d.geometryJson)).toBe(true);
  });
});

describe('RD New input', () => {
  it('reprojects from EPSG:28992 and matches the WGS84 original to within a metre', async () => {
    // Positions against official reference points are tested in cbs-geojson.spec.ts; this checks the whole-file path.
    proj4.defs(
      'EPSG:28992',
      '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
    );
    const toRd = proj4('EPSG:4326', 'EPSG:28992');
    const original = JSON.parse(buurten) as FeatureCollection<Polygon>;
    const rd = {
      ...original,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: original.features.map((f) => ({
        ...f,
        geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => toRd.forward(p as [number, number]))) },
      })),
    };
    const parsed = parseCbsGeoJson(JSON.stringify(rd));
    expect(parsed.reprojected).toBe(true);
    expect(parsed.neighbourhoods).toHaveLength(111);
    let worst = 0;
    parsed.neighbourhoods.forEach((n) => {
      const source = original.features.find((f) => f.properties!.buurtcode === n.code)!.geometry.coordinates[0];
      (n.geometry as Polygon).coordinates[0].forEach((p: Position, i: number) => {
        const dLat = (p[1] - source[i][1]) * 111_320;
        const dLon = (p[0] - source[i][0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180);
        worst = Math.max(worst, Math.hypot(dLat, dLon));
      });
    });
    expect(worst).toBeLessThan(1);

    const server = await startTestServer({ seed: false });
    try {
      const report = await importNeighbourhoods(server.app.get(DataSource), parsed, 'rd.geojson');
      expect(report.neighbourhoods.new).toBe(111);
      const res = await server.gql(`{ neighbourhoods(municipalityCode: "GM0344") { code } }`);
      expect(res.data.neighbourhoods).toHaveLength(111);
    } finally {
      await server.close();
    }
  });
});
