import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';

/** RD New (EPSG:28992), the Dutch national grid in which CBS also publishes its maps. */
proj4.defs('EPSG:28992', '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.4171,50.3319,465.5524,1.9342,-1.6677,9.1019,4.0725 +units=m +no_defs');
const fromRd = proj4('EPSG:28992', 'EPSG:4326');

export interface ParsedDistrict {
  code: string;
  name: string;
  municipalityCode: string;
  municipalityName: string;
  geometry: Polygon | MultiPolygon;
}
export interface ParsedNeighbourhood extends Omit<ParsedDistrict, 'name'> {
  name: string;
  districtCode: string;
  districtName: string | null;
  centroid: [number, number];
}

export class CbsFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Het bestand is niet geïmporteerd:\n- ${problems.slice(0, 20).join('\n- ')}${problems.length > 20 ? `\n… en nog ${problems.length - 20}` : ''}`);
  }
}

type Props = Record<string, unknown>;
const text = (p: Props, ...keys: string[]) => {
  for (const key of keys) if (typeof p[key] === 'string' && (p[key] as string).trim()) return (p[key] as string).trim();
  return undefined;
};

/** True when the file declares RD New, or its coordinates are clearly metres rather than degrees. */
function isRdNew(collection: FeatureCollection & { crs?: { properties?: { name?: string } } }, first?: Position): boolean {
  if (collection.crs?.properties?.name?.includes('28992')) return true;
  return !!first && (Math.abs(first[0]) > 180 || Math.abs(first[1]) > 90);
}

function firstPosition(geometry: Polygon | MultiPolygon): Position | undefined {
  return geometry.type === 'Polygon' ? geometry.coordinates[0]?.[0] : geometry.coordinates[0]?.[0]?.[0];
}

const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;

function reproject(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (positions: Position[]) => positions.map(([x, y]) => fromRd.forward([x, y]).map((n) => round(n)) as Position);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/** Signed area and area-weighted centre of a ring (planar; fine at neighbourhood scale). */
function ringMoments(ring: Position[]): { area: number; cx: number; cy: number } {
  let area = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: area / 2, cx, cy };
}

/** Area centroid [lon, lat] of a polygon or multipolygon, holes subtracted. */
export function areaCentroid(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0, cx = 0, cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ring);
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (i === 0 ? 1 : -1) * Math.sign(m.area || 1);
      area += sign * m.area;
      cx += sign * m.cx;
      cy += sign * m.cy;
    });
  }
  if (!area) {
    const first = polygons[0][0][0];
    return [first[0], first[1]];
  }
  return [round(cx / (6 * area), 5), round(cy / (6 * area), 5)];
}

function validGeometry(geometry: unknown): geometry is Polygon | MultiPolygon {
  const g = geometry as Polygon | MultiPolygon | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) return false;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.length > 0 && polygons.every((polygon) => Array.isArray(polygon) && polygon.length > 0 && polygon.every((ring) =>
    Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every(Number.isFinite))));
}

/**
 * Reads a CBS wijk- en buurtkaart GeoJSON (the PDOK property names `buurtcode`, `buurtnaam`, `wijkcode`,
 * `gemeentecode`, … or `statcode`/`statnaam`), in WGS84 or RD New. Validates the whole file first: a
 * bad file throws a CbsFileError naming every feature and problem, and nothing is returned.
 */
export function parseCbsGeoJson(content: string, options: { municipalityCode?: string } = {}): {
  districts: ParsedDistrict[];
  neighbourhoods: ParsedNeighbourhood[];
  reprojected: boolean;
} {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(content);
  } catch (e) {
    throw new CbsFileError([`het bestand is geen geldige JSON (${(e as Error).message})`]);
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new CbsFileError(['het bestand is geen GeoJSON FeatureCollection']);
  }
  const problems: string[] = [];
  const districts: ParsedDistrict[] = [];
  const neighbourhoods: ParsedNeighbourhood[] = [];
  const firstGeometry = collection.features.find((f) => validGeometry(f?.geometry))?.geometry as Polygon | MultiPolygon | undefined;
  const rd = isRdNew(collection, firstGeometry && firstPosition(firstGeometry));
  const seen = new Set<string>();

  collection.features.forEach((feature: Feature, index) => {
    const p = (feature?.properties ?? {}) as Props;
    const code = text(p, 'buurtcode', 'wijkcode', 'statcode') ?? (typeof feature?.id === 'string' ? feature.id : undefined);
    const label = `feature ${index + 1}${code ? ` (${code})` : ''}`;
    const ownCode = text(p, 'buurtcode') ?? (text(p, 'statcode')?.startsWith('BU') ? text(p, 'statcode') : undefined);
    const isNeighbourhood = !!ownCode || code?.startsWith('BU');
    const featureCode = isNeighbourhood ? (ownCode ?? code) : (text(p, 'wijkcode', 'statcode') ?? code);
    if (!featureCode) return problems.push(`${label}: geen buurtcode of wijkcode`);
    if (isNeighbourhood ? !/^BU\d{8}$/.test(featureCode) : !/^WK\d{6}$/.test(featureCode)) {
      return problems.push(`${label}: '${featureCode}' is geen geldige CBS-code`);
    }
    if (seen.has(featureCode)) return problems.push(`${label}: code ${featureCode} komt twee keer voor`);
    seen.add(featureCode);
    const municipalityCode = text(p, 'gemeentecode') ?? `GM${featureCode.slice(2, 6)}`;
    if (options.municipalityCode && municipalityCode !== options.municipalityCode) return;
    const name = isNeighbourhood ? text(p, 'buurtnaam', 'statnaam') : text(p, 'wijknaam', 'statnaam');
    if (!name) return problems.push(`${label}: naam ontbreekt (buurtnaam, wijknaam of statnaam)`);
    if (!validGeometry(feature.geometry)) return problems.push(`${label}: geometrie moet een geldig Polygon of MultiPolygon zijn`);
    const geometry = rd ? reproject(feature.geometry) : feature.geometry;
    const first = firstPosition(geometry)!;
    if (first[0] < 3 || first[0] > 7.5 || first[1] < 50.5 || first[1] > 54) {
      return problems.push(`${label}: coördinaten liggen niet in Nederland (${first.join(', ')})`);
    }
    const municipalityName = text(p, 'gemeentenaam') ?? municipalityCode;
    if (isNeighbourhood) {
      const districtCode = text(p, 'wijkcode') ?? `WK${featureCode.slice(2, 8)}`;
      neighbourhoods.push({
        code: featureCode, name, districtCode, districtName: text(p, 'wijknaam') ?? null,
        municipalityCode, municipalityName, geometry, centroid: areaCentroid(geometry),
      });
    } else {
      districts.push({ code: featureCode, name: cleanDistrictName(name), municipalityCode, municipalityName, geometry });
    }
  });
  if (problems.length) throw new CbsFileError(problems);
  if (!districts.length && !neighbourhoods.length) {
    throw new CbsFileError([options.municipalityCode ? `geen buurten of wijken van ${options.municipalityCode} in het bestand` : 'het bestand bevat geen buurten of wijken']);
  }
  return { districts, neighbourhoods, reprojected: rd };
}

/** CBS names wijken "Wijk 08 Zuidwest"; people say "Zuidwest". */
export function cleanDistrictName(name: string): string {
  return name.replace(/^Wijk \d+\s+/i, '').trim() || name;
}
