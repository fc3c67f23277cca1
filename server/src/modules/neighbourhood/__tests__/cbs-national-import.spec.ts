import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_NEIGHBOURHOOD_COUNT, writeNationalCbsFile } from '../../../../../test/support/cbs-national.js';
import { projectRoot } from '../../../config.js';
import { openDataSource } from '../../../database/data-source.js';
import { District } from '../district.entity.js';
import { CbsFileError } from '../import/cbs-geojson.js';
import { importCbsFiles } from '../import/neighbourhood-importer.js';
import { Municipality } from '../municipality.entity.js';
import { Neighbourhood } from '../neighbourhood.entity.js';

let dir: string;
const fresh = async (name: string): Promise<DataSource> => openDataSource(`sqlite:${join(dir, `${name}.sqlite`)}`);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cbs-national-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const square = (x: number, y: number, d = 0.005) => ({
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
const feature = (statcode: string, statnaam: string, geometry: unknown = square(5.1, 52.08)) => ({
  type: 'Feature',
  properties: { statcode, statnaam, jrstatcode: `2024${statcode}` },
  geometry,
});
const writeFile = (name: string, features: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
};

describe('the national CBS files', () => {
  it(`imports the whole country (${NATIONAL_NEIGHBOURHOOD_COUNT} buurten, letters in Amsterdam's codes) in at most 15 s, with names not codes`, async () => {
    const path = join(dir, 'buurt_2024.geojson');
    expect((await writeNationalCbsFile(path)).features).toBe(NATIONAL_NEIGHBOURHOOD_COUNT);
    const ds = await fresh('national');
    try {
      const started = performance.now();
      const report = await importCbsFiles(ds, [path]);
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThanOrEqual(15);
      expect(report.neighbourhoods.new).toBe(NATIONAL_NEIGHBOURHOOD_COUNT);
      expect(report.byMunicipality).toHaveLength(342);
      expect(await ds.getRepository(Neighbourhood).count()).toBe(NATIONAL_NEIGHBOURHOOD_COUNT);
      const amsterdam = await ds.getRepository(Neighbourhood).findOneByOrFail({ code: 'BU0363AA00' });
      expect(amsterdam).toMatchObject({ districtCode: 'WK0363AA', municipalityName: 'Amsterdam' });
      expect(report.byMunicipality.find((m) => m.code === 'GM0307')).toMatchObject({ name: 'Amersfoort' });
      expect(await ds.getRepository(Neighbourhood).countBy({ municipalityName: 'GM0307' })).toBe(0);

      // The national wijk and gemeente files name the wijken and municipalities (the file's name wins).
      const wijk = join(dir, 'wijk_2024.geojson');
      const gemeente = join(dir, 'gemeente_2024.geojson');
      await writeNationalCbsFile(wijk, { layer: 'wijk' });
      await writeNationalCbsFile(gemeente, { layer: 'gemeente' });
      const named = await importCbsFiles(ds, [gemeente, wijk], { municipalityCodes: ['GM0363', 'GM0307'] });
      expect(named.municipalities.new).toBe(2);
      expect(named.skipped).toBeGreaterThan(1000);
      expect((await ds.getRepository(District).findOneByOrFail({ code: 'WK0363AA' })).name).toBe('GM0363-AA');
      expect((await ds.getRepository(District).findOneByOrFail({ code: 'WK030700' })).name).toBe('GM0307-00');
      expect((await ds.getRepository(Municipality).findOneByOrFail({ code: 'GM0307' })).geometryJson).toBeTruthy();
    } finally {
      await ds.destroy();
    }
  }, 120_000);

  it('with --municipality naming one of two, a bad feature of the other refuses nothing; without it nothing is written', async () => {
    const path = writeFile('twee.geojson', [
      feature('BU03440832', 'Kanaleneiland-Noord'),
      feature('BU03560101', 'Nieuwegein-Centrum', square(5.09, 52.03)),
      feature('BU0356010', 'Kapotte code'),
      { type: 'Feature', properties: { statcode: 'BU03560102', statnaam: 'Zonder vorm' }, geometry: null },
    ]);
    const ds = await fresh('two');
    try {
      const report = await importCbsFiles(ds, [path], { municipalityCodes: ['GM0344'] });
      expect(report.byMunicipality.map((m) => [m.code, m.name, m.neighbourhoods.new])).toEqual([['GM0344', 'Utrecht', 1]]);
      expect(report.skipped).toBe(3);

      const refused = await importCbsFiles(ds, [path]).catch((e) => e);
      expect(refused).toBeInstanceOf(CbsFileError);
      expect((refused as CbsFileError).problems).toEqual([
        "feature 3 (BU0356010): 'BU0356010' is geen geldige CBS-buurtcode: verwacht BU gevolgd door de 4 cijfers van de gemeente en 4 cijfers of hoofdletters, bijvoorbeeld BU03440832 of BU0363AD03",
        'feature 4 (BU03560102): geometrie moet een geldig Polygon of MultiPolygon zijn',
      ]);
      expect(await ds.getRepository(Neighbourhood).count()).toBe(1);
      const nothing = await importCbsFiles(ds, [path], { municipalityCodes: ['GM0599'] }).catch((e) => e);
      expect((nothing as CbsFileError).problems).toEqual(['geen buurten, wijken of gemeenten van GM0599 in het bestand']);
    } finally {
      await ds.destroy();
    }
  });

  it('the real Utrecht files: 111 buurten and 10 named wijken, and again finds nothing to change', async () => {
    const ds = await fresh('utrecht');
    try {
      const files = ['utrecht-buurten.geojson', 'utrecht-wijken.geojson'].map((f) => join(projectRoot(), 'seeds', 'neighbourhoods', f));
      const report = await importCbsFiles(ds, files, { municipalityCodes: ['GM0344'] });
      expect(report.neighbourhoods.new).toBe(111);
      expect(report.byMunicipality).toEqual([expect.objectContaining({ code: 'GM0344', name: 'Utrecht' })]);
      expect((await ds.getRepository(District).findOneByOrFail({ code: 'WK034408' })).name).toBe('Zuidwest');
      const again = await importCbsFiles(ds, files);
      expect(again.neighbourhoods).toEqual({ new: 0, changed: 0, unchanged: 111 });
    } finally {
      await ds.destroy();
    }
  });

  it('refuses a file that is not a FeatureCollection or stops halfway, naming the file', async () => {
    const ds = await fresh('broken');
    try {
      const half = join(dir, 'half.geojson');
      writeFileSync(half, JSON.stringify({ type: 'FeatureCollection', features: [feature('BU03440832', 'A')] }).slice(0, -5));
      expect(((await importCbsFiles(ds, [half]).catch((e) => e)) as CbsFileError).problems[0]).toMatch(/^half\.geojson: het bestand is geen geldige JSON/);
      const notGeo = join(dir, 'x.geojson');
      writeFileSync(notGeo, '{"type":"Feature"}');
      expect(((await importCbsFiles(ds, [notGeo]).catch((e) => e)) as CbsFileError).problems).toEqual([
        'x.geojson: het bestand is geen GeoJSON FeatureCollection',
      ]);
    } finally {
      await ds.destroy();
    }
  });
});
