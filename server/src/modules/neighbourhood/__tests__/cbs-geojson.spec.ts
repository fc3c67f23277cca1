import { describe, expect, it } from 'vitest';
import { areaCentroid, CbsFileError, parseCbsGeoJson } from '../import/cbs-geojson.js';

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const buurt = (code: string, name: string | undefined, geometry: unknown) => ({
  type: 'Feature', id: code,
  properties: { buurtcode: code, buurtnaam: name, wijkcode: `WK${code.slice(2, 8)}`, wijknaam: 'Wijk 08 Zuidwest', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht' },
  geometry,
});
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function problemsOf(content: string): string[] {
  try {
    parseCbsGeoJson(content);
  } catch (e) {
    expect(e).toBeInstanceOf(CbsFileError);
    return (e as CbsFileError).problems;
  }
  throw new Error('expected the file to be refused');
}

describe('parseCbsGeoJson', () => {
  it('reads neighbourhoods with an area centroid', () => {
    const parsed = parseCbsGeoJson(file(buurt('BU03440832', 'Kanaleneiland-Noord', square(5.09, 52.07))));
    expect(parsed.neighbourhoods[0]).toMatchObject({ code: 'BU03440832', districtCode: 'WK034408', municipalityCode: 'GM0344', centroid: [5.095, 52.075] });
  });

  it('names every bad feature and its problem', () => {
    const problems = problemsOf(file(
      buurt('BU03440832', 'Goed', square(5.09, 52.07)),
      buurt('BU03440802', 'Punt', { type: 'Point', coordinates: [5.1, 52.1] }),
      buurt('BU03440803', undefined, square(5.1, 52.07)),
      buurt('BU03440832', 'Dubbel', square(5.09, 52.07)),
      buurt('BUXX', 'Fout', square(5.09, 52.07)),
      buurt('BU03440804', 'Buitenland', square(12, 45)),
    ));
    expect(problems).toEqual([
      'feature 2 (BU03440802): geometrie moet een geldig Polygon of MultiPolygon zijn',
      'feature 3 (BU03440803): naam ontbreekt (buurtnaam, wijknaam of statnaam)',
      'feature 4 (BU03440832): code BU03440832 komt twee keer voor',
      "feature 5 (BUXX): 'BUXX' is geen geldige CBS-code",
      'feature 6 (BU03440804): coördinaten liggen niet in Nederland (12, 45)',
    ]);
  });

  it('refuses what is not GeoJSON', () => {
    expect(problemsOf('{ niet json')[0]).toMatch(/geen geldige JSON/);
    expect(problemsOf(JSON.stringify({ type: 'Feature' }))).toEqual(['het bestand is geen GeoJSON FeatureCollection']);
    expect(problemsOf(file())).toEqual(['het bestand bevat geen buurten of wijken']);
  });

  it('keeps only the municipality asked for', () => {
    const other = { ...buurt('BU05180101', 'Den Haag', square(4.3, 52.07)), properties: { buurtcode: 'BU05180101', buurtnaam: 'X', gemeentecode: 'GM0518' } };
    const parsed = parseCbsGeoJson(file(buurt('BU03440832', 'A', square(5.09, 52.07)), other), { municipalityCode: 'GM0344' });
    expect(parsed.neighbourhoods.map((n) => n.code)).toEqual(['BU03440832']);
  });

  it('subtracts holes from the centroid', () => {
    const withHole = { type: 'Polygon' as const, coordinates: [
      [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
      [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]],
    ] };
    const [x, y] = areaCentroid(withHole);
    expect(x).toBeCloseTo(2.33333, 4);
    expect(y).toBeCloseTo(2.33333, 4);
  });
});
