import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { areaCentroid, CbsFileError, parseCbsGeoJson } from '../import/cbs-geojson.js';

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
const buurt = (code: string, name: string | undefined, geometry: unknown) => ({
  type: 'Feature',
  id: code,
  properties: {
    buurtcode: code,
    buurtnaam: name,
    wijkcode: `WK${code.slice(2, 8)}`,
    wijknaam: 'Wijk 08 Zuidwest',
    gemeentecode: 'GM0344',
    gemeentenaam: 'Utrecht',
  },
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
    const problems = problemsOf(
      file(
        buurt('BU03440832', 'Goed', square(5.09, 52.07)),
        buurt('BU03440802', 'Punt', { type: 'Point', coordinates: [5.1, 52.1] }),
        buurt('BU03440803', undefined, square(5.1, 52.07)),
        buurt('BU03440832', 'Dubbel', square(5.09, 52.07)),
        buurt('BUXX', 'Fout', square(5.09, 52.07)),
        buurt('BU03440804', 'Buitenland', square(12, 45)),
      ),
    );
    expect(problems).toEqual([
      'feature 2 (BU03440802): geometrie moet een geldig Polygon of MultiPolygon zijn',
      'feature 3 (BU03440803): naam ontbreekt (statnaam, buurtnaam, wijknaam of gemeentenaam)',
      'feature 4 (BU03440832): code BU03440832 komt twee keer voor',
      "feature 5 (BUXX): 'BUXX' is geen geldige CBS-buurtcode: verwacht BU gevolgd door de 4 cijfers van de gemeente en 4 cijfers of hoofdletters, bijvoorbeeld BU03440832 of BU0363AD03",
      'feature 6 (BU03440804): coördinaten liggen niet in Nederland (12, 45)',
    ]);
  });

  it('refuses what is not GeoJSON', () => {
    expect(problemsOf('{ niet json')[0]).toMatch(/geen geldige JSON/);
    expect(problemsOf(JSON.stringify({ type: 'Feature' }))).toEqual(['het bestand is geen GeoJSON FeatureCollection']);
    expect(problemsOf(file())).toEqual(['het bestand bevat geen buurten, wijken of gemeenten']);
  });

  it('keeps only the municipality asked for', () => {
    const other = { ...buurt('BU05180101', 'Den Haag', square(4.3, 52.07)), properties: { buurtcode: 'BU05180101', buurtnaam: 'X', gemeentecode: 'GM0518' } };
    const parsed = parseCbsGeoJson(file(buurt('BU03440832', 'A', square(5.09, 52.07)), other), { municipalityCode: 'GM0344' });
    expect(parsed.neighbourhoods.map((n) => n.code)).toEqual(['BU03440832']);
  });

  it('subtracts holes from the centroid', () => {
    const withHole = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 2],
          [2, 2],
          [2, 0],
          [0, 0],
        ],
      ],
    };
    const [x, y] = areaCentroid(withHole);
    expect(x).toBeCloseTo(2.33333, 4);
    expect(y).toBeCloseTo(2.33333, 4);
  });

  it('accepts CBS codes with letters, as Amsterdam has had since 2022', () => {
    const national = (statcode: string, statnaam: string, geometry: unknown) => ({
      type: 'Feature',
      id: 1,
      properties: { statcode, jrstatcode: `2024${statcode}`, statnaam, rubriek: 'buurt' },
      geometry,
    });
    const parsed = parseCbsGeoJson(
      file(
        national('BU0363AD03', 'Staatsliedenbuurt-Noord', square(4.87, 52.38)),
        national('WK0363AA', 'Burgwallen-Oude Zijde', square(4.89, 52.37)),
        national('GM0363', 'Amsterdam', square(4.8, 52.3, 0.2)),
      ),
    );
    expect(parsed.neighbourhoods[0]).toMatchObject({
      code: 'BU0363AD03',
      districtCode: 'WK0363AD',
      municipalityCode: 'GM0363',
      name: 'Staatsliedenbuurt-Noord',
    });
    expect(parsed.districts[0]).toMatchObject({ code: 'WK0363AA', municipalityCode: 'GM0363', name: 'Burgwallen-Oude Zijde' });
    expect(parsed.municipalities[0]).toMatchObject({ code: 'GM0363', name: 'Amsterdam' });
    // jrstatcode alone is enough, and a malformed code is still refused by name.
    const yearOnly = { type: 'Feature', properties: { jrstatcode: '2024BU0363AD04', statnaam: 'X' }, geometry: square(4.87, 52.39) };
    expect(parseCbsGeoJson(file(yearOnly)).neighbourhoods[0].code).toBe('BU0363AD04');
    expect(problemsOf(file(national('BU0363AD0', 'Te kort', square(4.87, 52.38))))[0]).toMatch(/'BU0363AD0' is geen geldige CBS-buurtcode/);
    expect(problemsOf(file(national('BU03A3AD03', 'Letters in de gemeente', square(4.87, 52.38))))[0]).toMatch(/geen geldige CBS-buurtcode/);
  });

  it('never lets a bad feature of another municipality refuse the one asked for', () => {
    const amsterdamBad = { type: 'Feature', properties: { statcode: 'BU0363AD0!', statnaam: '' }, geometry: { type: 'Point', coordinates: [4.9, 52.37] } };
    const unreadable = { type: 'Feature', properties: { statnaam: 'zonder code' }, geometry: null };
    const parsed = parseCbsGeoJson(file(buurt('BU03440832', 'A', square(5.09, 52.07)), amsterdamBad, unreadable), { municipalityCodes: ['GM0344'] });
    expect(parsed.neighbourhoods.map((n) => n.code)).toEqual(['BU03440832']);
    expect(parsed.skipped).toBe(2);
    // Without the filter the same file is refused, naming the bad feature.
    expect(problemsOf(file(buurt('BU03440832', 'A', square(5.09, 52.07)), amsterdamBad))[0]).toMatch(/^feature 2 \(BU0363AD0!\)/);
  });
});

describe('RD New (EPSG:28992) against official reference points', () => {
  // Reference positions (RDNAPTRANS): RD x, y → WGS84 lon, lat. Not a round trip through our own definition.
  const points: Array<[string, number, number, number, number]> = [
    ['Amersfoort, RD origin', 155000, 463000, 5.387206, 52.155174],
    ['Westertoren, Amsterdam', 120700.723, 487525.501, 4.88352559, 52.37453253],
    ['Martinitoren, Groningen', 233883.131, 582065.167, 6.56820053, 53.21938317],
  ];
  it.each(points)('%s lands within a metre of its official position', (_name, x, y, lon, lat) => {
    const d = 0.002;
    const rdSquare = {
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
    };
    const parsed = parseCbsGeoJson(file({ type: 'Feature', properties: { statcode: 'BU03070101', statnaam: 'Punt' }, geometry: rdSquare }));
    expect(parsed.reprojected).toBe(true);
    const [pLon, pLat] = (parsed.neighbourhoods[0].geometry as { coordinates: number[][][] }).coordinates[0][0];
    const metres = Math.hypot((pLat - lat) * 111_320, (pLon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180));
    expect(metres).toBeLessThan(1);
  });
  it('proj4 itself is not the one under test: the old definition was ~170 m off at the origin', () => {
    const old = proj4(
      '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.4171,50.3319,465.5524,1.9342,-1.6677,9.1019,4.0725 +units=m +no_defs',
      'EPSG:4326',
    );
    const [lon, lat] = old.forward([155000, 463000]);
    expect(Math.hypot((lat - 52.155174) * 111_320, (lon - 5.387206) * 68_000)).toBeGreaterThan(100);
  });
});
