import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import simplify from 'simplify-js';
import { badInput, DomainError, ErrorCode } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig, servedMunicipalityCodes } from '../../config.js';
import { Municipality } from './municipality.entity.js';
import { municipalityNameFromList } from './municipality-names.js';
import { cbsCode, type CbsCodeKind, invalidCbsCodeMessage } from './cbs-code.js';
import { byKey } from '../../common/loaders.js';
import { District } from './district.entity.js';
import { Neighbourhood } from './neighbourhood.entity.js';

/** A CBS buurtcode (letters allowed where CBS uses them), normalised; INVALID_CBS_CODE naming the field otherwise. */
export function assertNeighbourhoodCode(code: string, field: string): string {
  return assertCbsCode('neighbourhood', code, field);
}

export function assertDistrictCode(code: string, field: string): string {
  return assertCbsCode('district', code, field);
}

export function assertMunicipalityCode(code: string, field: string): string {
  return assertCbsCode('municipality', code, field);
}

function assertCbsCode(kind: CbsCodeKind, code: string, field: string): string {
  const normalised = cbsCode(kind, code);
  if (!normalised) throw new DomainError(ErrorCode.INVALID_CBS_CODE, invalidCbsCodeMessage(kind, String(code)), field);
  return normalised;
}

/** What the neighbourhood table knows of a municipality: its name and the box around its neighbourhoods' centre points. */
export interface MunicipalitySummary {
  code: string;
  name: string | null;
  neighbourhoodCount: number;
  /** Null when the municipality has no neighbourhoods (yet). */
  bounds: { south: number; west: number; north: number; east: number } | null;
}

/** Most municipalities one neighbourhoods/districts request may name, and most rows one page may hold. */
export const MAX_MUNICIPALITIES_PER_REQUEST = 10;
export const MAX_NEIGHBOURHOOD_PAGE = 1000;

export interface NeighbourhoodListOptions {
  municipalityCode?: string | null;
  municipalityCodes?: string[] | null;
  /** Web-map zoom level (0–22): boundaries are simplified to about half a screen pixel at that zoom. */
  zoom?: number | null;
  limit?: number | null;
  offset?: number | null;
}

/** Tolerance in degrees of half a pixel of a 256-pixel web-map tile at this zoom. */
export const toleranceForZoom = (zoom: number) => 360 / (256 * 2 ** zoom) / 2;

function simplifyRing(ring: number[][], tolerance: number): number[][] {
  if (ring.length <= 5) return ring;
  const simplified = simplify(
    ring.map(([x, y]) => ({ x, y })),
    tolerance,
    true,
  ).map((p) => [p.x, p.y]);
  // A ring keeps at least a triangle, closed.
  return simplified.length >= 4 ? simplified : ring;
}

/** A Polygon or MultiPolygon with every ring simplified (Douglas–Peucker, simplify-js). */
export function simplifyGeometry(geometry: { type: string; coordinates: unknown }, tolerance: number): unknown {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: (geometry.coordinates as number[][][]).map((r) => simplifyRing(r, tolerance)) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: (geometry.coordinates as number[][][][]).map((p) => p.map((r) => simplifyRing(r, tolerance))) };
  }
  return geometry;
}

@Injectable()
export class NeighbourhoodService {
  constructor(
    @InjectRepository(Neighbourhood) private readonly neighbourhoods: Repository<Neighbourhood>,
    @InjectRepository(District) private readonly districts: Repository<District>,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'municipalityCode' | 'municipalityCodes'>,
    @InjectRepository(Municipality) private readonly municipalities?: Repository<Municipality>,
  ) {}

  /** The municipalities this installation serves, the primary one first. */
  served(): string[] {
    return servedMunicipalityCodes(this.config);
  }

  /** Neighbourhoods by code, in the order of `codes` (null where unknown): one statement for a whole level of a response. */
  async findByCodes(codes: readonly string[]): Promise<(Neighbourhood | null)[]> {
    return byKey(codes, await this.neighbourhoods.find({ where: { code: In([...codes]) } }), (n) => n.code);
  }

  /** Districts by code, in the order of `codes`. */
  async districtsByCodes(codes: readonly string[]): Promise<(District | null)[]> {
    return byKey(codes, await this.districts.find({ where: { code: In([...codes]) } }), (d) => d.code);
  }

  /**
   * The municipalities a list request asks for: those named (at most MAX_MUNICIPALITIES_PER_REQUEST),
   * else the installation's. Never "all": one anonymous caller must not be able to pull the country.
   */
  private requested(options: NeighbourhoodListOptions): string[] {
    const named = options.municipalityCodes ?? (options.municipalityCode ? [options.municipalityCode] : null);
    if (!named) return this.served();
    const field = options.municipalityCodes ? 'municipalityCodes' : 'municipalityCode';
    if (!named.length || named.length > MAX_MUNICIPALITIES_PER_REQUEST) {
      throw badInput(field, `Vraag de buurten van 1 tot ${MAX_MUNICIPALITIES_PER_REQUEST} gemeenten tegelijk op`);
    }
    return [...new Set(named.map((code, i) => assertMunicipalityCode(code, options.municipalityCodes ? `${field}.${i}` : field)))];
  }

  private page(options: NeighbourhoodListOptions): { take: number; skip: number } {
    const take = options.limit ?? MAX_NEIGHBOURHOOD_PAGE;
    const skip = options.offset ?? 0;
    if (!Number.isInteger(take) || take < 1 || take > MAX_NEIGHBOURHOOD_PAGE)
      throw badInput('limit', `limit moet tussen 1 en ${MAX_NEIGHBOURHOOD_PAGE} liggen`);
    if (!Number.isInteger(skip) || skip < 0) throw badInput('offset', 'offset moet 0 of groter zijn');
    return { take, skip };
  }

  private tolerance(zoom: number | null | undefined): number | null {
    if (zoom === null || zoom === undefined) return null;
    if (!Number.isInteger(zoom) || zoom < 0 || zoom > 22) throw badInput('zoom', 'zoom moet een geheel getal van 0 tot en met 22 zijn');
    return toleranceForZoom(zoom);
  }

  /** Neighbourhoods by municipality (default: the installation's), paged, boundaries simplified to the zoom asked. */
  async list(options: NeighbourhoodListOptions | string = {}): Promise<Neighbourhood[]> {
    const opts = typeof options === 'string' ? { municipalityCode: options } : options;
    const codes = this.requested(opts);
    const tolerance = this.tolerance(opts.zoom);
    const rows = await this.neighbourhoods.find({ where: { municipalityCode: In(codes) }, order: { code: 'ASC' }, ...this.page(opts) });
    if (tolerance !== null) for (const row of rows) row.simplifiedGeometry = simplifyGeometry(JSON.parse(row.geometryJson), tolerance);
    return rows;
  }

  async listDistricts(options: NeighbourhoodListOptions | string = {}): Promise<District[]> {
    const opts = typeof options === 'string' ? { municipalityCode: options } : options;
    const codes = this.requested(opts);
    const tolerance = this.tolerance(opts.zoom);
    const rows = await this.districts.find({ where: { municipalityCode: In(codes) }, order: { code: 'ASC' }, ...this.page(opts) });
    if (tolerance !== null) for (const row of rows) if (row.geometryJson) row.simplifiedGeometry = simplifyGeometry(JSON.parse(row.geometryJson), tolerance);
    return rows;
  }

  /** The name of a municipality: a gemeente file's, else its neighbourhoods', else the CBS list of 2024. */
  async municipalityName(code: string): Promise<string | null> {
    const own = await this.municipalities?.findOne({ where: { code }, select: { code: true, name: true } });
    return own?.name ?? municipalityNameFromList(code) ?? null;
  }

  /** The boundary of a municipality from an imported gemeente file, or null. */
  async municipalityBoundary(code: string, zoom?: number | null): Promise<unknown> {
    const own = await this.municipalities?.findOne({ where: { code } });
    if (!own?.geometryJson) return null;
    const tolerance = this.tolerance(zoom);
    const geometry = JSON.parse(own.geometryJson);
    return tolerance === null ? geometry : simplifyGeometry(geometry, tolerance);
  }

  /** One aggregate query, so it stays cheap with a national import (14,574 neighbourhoods). */
  async municipality(code: string): Promise<MunicipalitySummary> {
    const municipalityCode = assertMunicipalityCode(code, 'municipalityCode');
    const row:
      { count: string | number; name: string | null; south: number | null; west: number | null; north: number | null; east: number | null } | undefined =
      await this.neighbourhoods
        .createQueryBuilder('n')
        .select('COUNT(*)', 'count')
        .addSelect('MIN(n.municipalityName)', 'name')
        .addSelect('MIN(n.centroidLat)', 'south')
        .addSelect('MIN(n.centroidLon)', 'west')
        .addSelect('MAX(n.centroidLat)', 'north')
        .addSelect('MAX(n.centroidLon)', 'east')
        .where('n.municipalityCode = :municipalityCode', { municipalityCode })
        .getRawOne();
    const count = Number(row?.count ?? 0);
    if (!row || count === 0 || row.south === null || row.west === null || row.north === null || row.east === null) {
      return { code: municipalityCode, name: null, neighbourhoodCount: 0, bounds: null };
    }
    return {
      code: municipalityCode,
      name: (await this.municipalityName(municipalityCode)) ?? row.name,
      neighbourhoodCount: count,
      bounds: { south: Number(row.south), west: Number(row.west), north: Number(row.north), east: Number(row.east) },
    };
  }

  /** A neighbourhood by CBS code; null when the code is well-formed but unknown. */
  findByCode(code: string, field = 'code'): Promise<Neighbourhood | null> {
    return this.neighbourhoods.findOne({ where: { code: assertNeighbourhoodCode(code, field) } });
  }

  /** The neighbourhood, or UNKNOWN_NEIGHBOURHOOD naming the field. */
  async get(code: string, field: string): Promise<Neighbourhood> {
    const found = await this.findByCode(code, field);
    if (!found) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt '${code}' bestaat niet`, field);
    return found;
  }

  /** All neighbourhoods named, in the given order; the first unknown one is an error naming its index. */
  async getMany(codes: string[], field: string): Promise<Neighbourhood[]> {
    const normalised = codes.map((c, i) => assertNeighbourhoodCode(c, `${field}.${i}`));
    const found = await this.neighbourhoods.findBy({ code: In([...new Set(normalised)]) });
    const byCode = new Map(found.map((n) => [n.code, n]));
    return normalised
      .map((code, i) => {
        const neighbourhood = byCode.get(code);
        if (!neighbourhood) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt '${codes[i]}' bestaat niet`, `${field}.${i}`);
        return neighbourhood;
      })
      .filter((n, i, all) => all.findIndex((m) => m.code === n.code) === i);
  }

  /** Codes and centres of the neighbourhoods whose centre lies in a lon/lat box (the prefilter of "near"; only three columns). */
  centroidsWithin(box: { minLat: number; maxLat: number; minLon: number; maxLon: number }): Promise<{ code: string; lat: number; lon: number }[]> {
    return this.neighbourhoods
      .createQueryBuilder('n')
      .select(['n.code AS code', 'n.centroidLat AS lat', 'n.centroidLon AS lon'])
      .where('n.centroidLat BETWEEN :minLat AND :maxLat AND n.centroidLon BETWEEN :minLon AND :maxLon', box)
      .getRawMany<{ code: string; lat: number | string; lon: number | string }>()
      .then((rows) => rows.map((r) => ({ code: r.code, lat: Number(r.lat), lon: Number(r.lon) })));
  }
}
