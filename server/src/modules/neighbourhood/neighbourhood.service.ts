import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { cbsCode, type CbsCodeKind, invalidCbsCodeMessage } from './cbs-code.js';
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

@Injectable()
export class NeighbourhoodService {
  constructor(
    @InjectRepository(Neighbourhood) private readonly neighbourhoods: Repository<Neighbourhood>,
    @InjectRepository(District) private readonly districts: Repository<District>,
  ) {}

  list(municipalityCode?: string): Promise<Neighbourhood[]> {
    const where = municipalityCode ? { municipalityCode: assertMunicipalityCode(municipalityCode, 'municipalityCode') } : {};
    return this.neighbourhoods.find({ where, order: { code: 'ASC' } });
  }

  listDistricts(municipalityCode?: string): Promise<District[]> {
    const where = municipalityCode ? { municipalityCode: assertMunicipalityCode(municipalityCode, 'municipalityCode') } : {};
    return this.districts.find({ where, order: { code: 'ASC' } });
  }

  /** One aggregate query, so it stays cheap with a national import (12,000 neighbourhoods). */
  async municipality(code: string): Promise<MunicipalitySummary> {
    const municipalityCode = assertMunicipalityCode(code, 'municipalityCode');
    const row: { count: string | number; name: string | null; south: number | null; west: number | null; north: number | null; east: number | null } | undefined =
      await this.neighbourhoods.createQueryBuilder('n')
        .select('COUNT(*)', 'count').addSelect('MIN(n.municipalityName)', 'name')
        .addSelect('MIN(n.centroidLat)', 'south').addSelect('MIN(n.centroidLon)', 'west')
        .addSelect('MAX(n.centroidLat)', 'north').addSelect('MAX(n.centroidLon)', 'east')
        .where('n.municipalityCode = :municipalityCode', { municipalityCode }).getRawOne();
    const count = Number(row?.count ?? 0);
    if (!row || count === 0 || row.south === null || row.west === null || row.north === null || row.east === null) {
      return { code: municipalityCode, name: null, neighbourhoodCount: 0, bounds: null };
    }
    return {
      code: municipalityCode, name: row.name, neighbourhoodCount: count,
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
    return normalised.map((code, i) => {
      const neighbourhood = byCode.get(code);
      if (!neighbourhood) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt '${codes[i]}' bestaat niet`, `${field}.${i}`);
      return neighbourhood;
    }).filter((n, i, all) => all.findIndex((m) => m.code === n.code) === i);
  }
}
