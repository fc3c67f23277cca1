import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { cbsCode, type CbsCodeKind, invalidCbsCodeMessage, municipalityCodeOf, districtCodeOf, normaliseCbsCode } from '../cbs-code.js';

/** RD New (EPSG:28992), the Dutch national grid in which CBS also publishes its maps. */
// The EPSG:28992 definition with EPSG's 7-parameter Bessel→WGS84 shift (rotations in arc seconds,
// coordinate-frame signs as proj expects them). The older "+towgs84=…,1.9342,-1.6677,9.1019,…" put
// every position about 170 m off; the test checks against official reference points.
proj4.defs(
  'EPSG:28992',
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);
const fromRd = proj4('EPSG:28992', 'EPSG:4326');

export interface ParsedMunicipality {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}
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

/** RD New coordinates are metres (x 0–300 000, y 300 000–625 000), never degrees. */
const isRdPosition = (p?: Position) => !!p && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90);

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
  let area = 0,
    cx = 0,
    cy = 0;
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
  let area = 0,
    cx = 0,
    cy = 0;
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
  return (
    polygons.length > 0 &&
    polygons.every(
      (polygon) =>
        Array.isArray(polygon) &&
        polygon.length > 0 &&
        polygon.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every(Number.isFinite))),
    )
  );
}

export interface CbsParseOptions {
  /** Only these municipalities (GM codes); other municipalities' features are skipped before they are validated. */
  municipalityCodes?: string[];
  /** The name of a municipality that no gemeente file named (the shipped 2024 list). */
  nameOf?: (municipalityCode: string) => string | undefined;
}

export type ParsedFeature =
  | { kind: 'municipality'; value: ParsedMunicipality; reprojected: boolean }
  | { kind: 'district'; value: ParsedDistrict; reprojected: boolean }
  | { kind: 'neighbourhood'; value: ParsedNeighbourhood; reprojected: boolean }
  | { kind: 'skipped' }
  | { kind: 'problem'; municipalityCode: string | null; problem: string };

const PREFIX_KIND: Record<string, CbsCodeKind> = { BU: 'neighbourhood', WK: 'district', GM: 'municipality' };

/**
 * One feature of a CBS wijk- en buurtkaart file: the national PDOK/CBS files (`statcode`, `statnaam`,
 * `jrstatcode`, for buurt, wijk and gemeente layers) and our own names (`buurtcode`, `buurtnaam`,
 * `wijkcode`, `wijknaam`, `gemeentecode`, `gemeentenaam`), in WGS84 or RD New. The municipality filter
 * comes first: a feature of another municipality is skipped before anything else is checked.
 */
export function parseCbsFeature(feature: Feature, index: number, options: CbsParseOptions = {}): ParsedFeature {
  const p = (feature?.properties ?? {}) as Props;
  const yearCode = text(p, 'jrstatcode')?.replace(/^\d{4}/, '');
  const raw = text(p, 'statcode', 'buurtcode') ?? yearCode ?? text(p, 'wijkcode', 'gemeentecode') ?? (typeof feature?.id === 'string' ? feature.id : undefined);
  const code = raw ? normaliseCbsCode(raw) : undefined;
  const municipalityCode = (text(p, 'gemeentecode') && normaliseCbsCode(text(p, 'gemeentecode')!)) ?? (code ? municipalityCodeOf(code) : null);
  if (options.municipalityCodes && (!municipalityCode || !options.municipalityCodes.includes(municipalityCode))) return { kind: 'skipped' };
  const label = `feature ${index + 1}${code ? ` (${code})` : ''}`;
  const problem = (text: string): ParsedFeature => ({ kind: 'problem', municipalityCode, problem: `${label}: ${text}` });
  if (!code) return problem('geen buurtcode, wijkcode of gemeentecode (statcode)');
  const kind = PREFIX_KIND[code.slice(0, 2)];
  if (!kind || !cbsCode(kind, code)) return problem(invalidCbsCodeMessage(kind ?? 'neighbourhood', code));
  const name =
    kind === 'neighbourhood' ? text(p, 'statnaam', 'buurtnaam') : kind === 'district' ? text(p, 'statnaam', 'wijknaam') : text(p, 'statnaam', 'gemeentenaam');
  if (!name) return problem('naam ontbreekt (statnaam, buurtnaam, wijknaam of gemeentenaam)');
  if (!validGeometry(feature.geometry)) return problem('geometrie moet een geldig Polygon of MultiPolygon zijn');
  const rd = isRdPosition(firstPosition(feature.geometry));
  const geometry = rd ? reproject(feature.geometry) : feature.geometry;
  const first = firstPosition(geometry)!;
  if (first[0] < 3 || first[0] > 7.5 || first[1] < 50.5 || first[1] > 54) {
    return problem(`coördinaten liggen niet in Nederland (${first.join(', ')})`);
  }
  const ownMunicipality = kind === 'municipality' ? code : (municipalityCode ?? code);
  if (kind === 'municipality') return { kind, reprojected: rd, value: { code, name, geometry } };
  const municipalityName = options.nameOf?.(ownMunicipality) ?? text(p, 'gemeentenaam') ?? ownMunicipality;
  if (kind === 'district') {
    return { kind, reprojected: rd, value: { code, name: cleanDistrictName(name), municipalityCode: ownMunicipality, municipalityName, geometry } };
  }
  const districtCode = cbsCode('district', text(p, 'wijkcode')) ?? districtCodeOf(code);
  return {
    kind,
    reprojected: rd,
    value: {
      code,
      name,
      districtCode,
      districtName: text(p, 'wijknaam') ?? null,
      municipalityCode: ownMunicipality,
      municipalityName,
      geometry,
      centroid: areaCentroid(geometry),
    },
  };
}

/** Collects features, their problems (grouped so the message names every one) and duplicate codes. */
export class CbsFeatureCollector {
  readonly problems: string[] = [];
  readonly municipalities: ParsedMunicipality[] = [];
  readonly districts: ParsedDistrict[] = [];
  readonly neighbourhoods: ParsedNeighbourhood[] = [];
  reprojected = false;
  skipped = 0;
  private readonly seen = new Set<string>();

  /** Adds one feature; returns the parsed feature (or null when skipped or refused). */
  add(feature: Feature, index: number, options: CbsParseOptions, keep = true): ParsedFeature | null {
    const parsed = parseCbsFeature(feature, index, options);
    if (parsed.kind === 'skipped') {
      this.skipped++;
      return null;
    }
    if (parsed.kind === 'problem') {
      this.problems.push(parsed.problem);
      return null;
    }
    if (this.seen.has(parsed.value.code)) {
      this.problems.push(`feature ${index + 1} (${parsed.value.code}): code ${parsed.value.code} komt twee keer voor`);
      return null;
    }
    this.seen.add(parsed.value.code);
    this.reprojected ||= parsed.reprojected;
    if (keep) {
      if (parsed.kind === 'municipality') this.municipalities.push(parsed.value);
      else if (parsed.kind === 'district') this.districts.push(parsed.value);
      else this.neighbourhoods.push(parsed.value);
    }
    return parsed;
  }
}

export function emptySelectionProblem(options: CbsParseOptions): string {
  return options.municipalityCodes
    ? `geen buurten, wijken of gemeenten van ${options.municipalityCodes.join(', ')} in het bestand`
    : 'het bestand bevat geen buurten, wijken of gemeenten';
}

/**
 * Reads a whole CBS GeoJSON file held in memory (tests, small files; the CLI streams). Validates the
 * selected features first: a bad file throws a CbsFileError naming every feature and problem, and
 * nothing is returned.
 */
export function parseCbsGeoJson(
  content: string,
  options: CbsParseOptions & { municipalityCode?: string } = {},
): {
  municipalities: ParsedMunicipality[];
  districts: ParsedDistrict[];
  neighbourhoods: ParsedNeighbourhood[];
  reprojected: boolean;
  skipped: number;
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
  const opts: CbsParseOptions = {
    ...options,
    municipalityCodes: options.municipalityCodes ?? (options.municipalityCode ? [options.municipalityCode] : undefined),
  };
  const collector = new CbsFeatureCollector();
  collection.features.forEach((feature, index) => collector.add(feature, index, opts));
  if (collector.problems.length) throw new CbsFileError(collector.problems);
  const { municipalities, districts, neighbourhoods, reprojected, skipped } = collector;
  if (!districts.length && !neighbourhoods.length && !municipalities.length) throw new CbsFileError([emptySelectionProblem(opts)]);
  return { municipalities, districts, neighbourhoods, reprojected, skipped };
}

/** CBS names wijken "Wijk 08 Zuidwest"; people say "Zuidwest". */
export function cleanDistrictName(name: string): string {
  return name.replace(/^Wijk \d+\s+/i, '').trim() || name;
}
