import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import proj4 from 'proj4';
import { projectRoot } from '../../server/src/config.js';

/**
 * Writes a national CBS buurt file in the real PDOK format (`statcode`, `statnaam`, `jrstatcode`,
 * `rubriek`, `water`, numeric `id`; one FeatureCollection) for tests and the benchmark, instead of
 * committing megabytes: 14,574 buurten over the 342 municipalities of 2024, Amsterdam's with letters
 * (WK0363AA, BU0363AD03…) as CBS has used since 2022. Geometry: a 16-vertex polygon per buurt on a grid
 * over the Netherlands, in WGS84 or RD New.
 */
export const NATIONAL_NEIGHBOURHOOD_COUNT = 14_574;

export interface NationalFileOptions {
  layer?: 'buurt' | 'wijk' | 'gemeente';
  rdNew?: boolean;
  count?: number;
  /** Extra features appended as is (e.g. a malformed one). */
  extra?: object[];
}

const RD =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const toRd = proj4('EPSG:4326', RD);

const gemeenten = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'municipalities', 'gemeenten-2024.json'), 'utf8')) as { data: Record<string, string> };
export const municipalityCodes = Object.keys(gemeenten.data).sort();

/** Codes of the i-th buurt of a municipality; Amsterdam uses letters, the others digits. */
function codesOf(gm: string, i: number): { wijk: string; buurt: string } {
  const digits = gm.slice(2);
  const letters = gm === 'GM0363';
  const w = Math.floor(i / 10),
    b = i % 10;
  const wijkPart = letters ? `A${String.fromCharCode(65 + (w % 26))}` : String(w).padStart(2, '0');
  const buurtPart = letters ? `${String(b).padStart(2, '0')}` : String(b).padStart(2, '0');
  return { wijk: `WK${digits}${wijkPart}`, buurt: `BU${digits}${wijkPart}${buurtPart}` };
}

function ring(lon: number, lat: number, size: number, rdNew: boolean): number[][] {
  const points: number[][] = [];
  for (let k = 0; k < 16; k++) {
    const a = (k / 16) * 2 * Math.PI;
    const p = [lon + size * Math.cos(a) * 1.6, lat + size * Math.sin(a)];
    points.push(rdNew ? toRd.forward(p).map((n) => Math.round(n * 1000) / 1000) : p.map((n) => Math.round(n * 1e6) / 1e6));
  }
  points.push(points[0]);
  return points;
}

export async function writeNationalCbsFile(path: string, options: NationalFileOptions = {}): Promise<{ features: number }> {
  const layer = options.layer ?? 'buurt';
  const total = options.count ?? NATIONAL_NEIGHBOURHOOD_COUNT;
  const base = Math.floor(total / municipalityCodes.length),
    extra = total % municipalityCodes.length;
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    `{"type":"FeatureCollection","name":"${layer}_gegeneraliseerd",` +
      (options.rdNew ? '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},' : '') +
      '"features":[\n',
  );
  let n = 0;
  const emit = async (code: string, name: string, lon: number, lat: number, size: number) => {
    const feature = {
      type: 'Feature',
      id: n + 1,
      properties: { id: n + 1, statcode: code, jrstatcode: `2024${code}`, statnaam: name, rubriek: layer, water: 'NEE' },
      geometry: { type: 'Polygon', coordinates: [ring(lon, lat, size, !!options.rdNew)] },
    };
    await write(`${n ? ',\n' : ''}${JSON.stringify(feature)}`);
    n++;
  };
  // 342 municipalities on an 18 x 19 grid between lon 3.6–7.0 and lat 51.0–53.3.
  for (let m = 0; m < municipalityCodes.length; m++) {
    const gm = municipalityCodes[m];
    const lon0 = 3.6 + (m % 18) * 0.19,
      lat0 = 51.0 + Math.floor(m / 18) * 0.12;
    if (layer === 'gemeente') {
      await emit(gm, gemeenten.data[gm], lon0 + 0.09, lat0 + 0.05, 0.05);
      continue;
    }
    const count = base + (m < extra ? 1 : 0);
    const seenWijk = new Set<string>();
    for (let i = 0; i < count; i++) {
      const { wijk, buurt } = codesOf(gm, i);
      const lon = lon0 + (i % 7) * 0.025,
        lat = lat0 + Math.floor(i / 7) * 0.015;
      if (layer === 'wijk') {
        if (seenWijk.has(wijk)) continue;
        seenWijk.add(wijk);
        await emit(wijk, `${/\d\d$/.test(wijk) ? `Wijk ${wijk.slice(6)} ` : ''}${gm}-${wijk.slice(6)}`, lon, lat, 0.006);
      } else await emit(buurt, `Buurt ${buurt}`, lon, lat, 0.006);
    }
  }
  for (const extra of options.extra ?? []) {
    await write(`${n ? ',\n' : ''}${JSON.stringify(extra)}`);
    n++;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return { features: n };
}
