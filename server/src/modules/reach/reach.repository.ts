import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AreaRow {
  code: string;
  name: string;
  districtCode: string;
  municipalityCode: string;
  lat: number;
  lon: number;
}
export interface PresenceRow {
  id: string;
  neighbourhoodCode: string;
  communityCode: string | null;
  languageCode: string | null;
  estimate: number | null;
  band: string | null;
  source: string;
  observedOn: string;
}
export interface PartnerPersonRow {
  id: string;
  isKeyPerson: boolean;
  isInterpreter: boolean;
  formal: boolean;
  lastVerifiedOn: string | null;
  codes: string[];
  languages: string[];
  communities: string[];
}
export interface PartnerOrganisationRow {
  id: string;
  lastVerifiedOn: string | null;
  lat: number | null;
  lon: number | null;
  codes: string[];
  languages: string[];
  communities: string[];
  hasFixedContact: boolean;
}
export interface AgreementRow {
  id: string;
  organisationId: string | null;
  personId: string | null;
  codes: string[];
}
export interface ActivityRow {
  id: string;
  neighbourhoodCode: string;
  languages: string[];
}
export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The reads reach needs, set-based and bounded by a box around the area (no per-buurt queries).
 * Reads the directory's tables directly, like the matching read model does: reach is a read model
 * over the whole directory, and going through five services would cost one query per relation.
 */
@Injectable()
export class ReachRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async areas(filter: { municipalityCode?: string; districtCode?: string; codes?: string[] }): Promise<AreaRow[]> {
    const qb = this.em
      .createQueryBuilder()
      .from('neighbourhood', 'n')
      .select([
        'n.code AS "code"',
        'n.name AS "name"',
        'n."districtCode" AS "districtCode"',
        'n."municipalityCode" AS "municipalityCode"',
        'n."centroidLat" AS "lat"',
        'n."centroidLon" AS "lon"',
      ])
      .orderBy('n.code', 'ASC');
    if (filter.municipalityCode) qb.andWhere('n."municipalityCode" = :m', { m: filter.municipalityCode });
    if (filter.districtCode) qb.andWhere('n."districtCode" = :d', { d: filter.districtCode });
    if (filter.codes) qb.andWhere('n.code IN (:...codes)', { codes: filter.codes.length ? filter.codes : [''] });
    const rows = await qb.getRawMany<AreaRow>();
    return rows.map((r) => ({ ...r, lat: Number(r.lat), lon: Number(r.lon) }));
  }

  async districtNames(codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await this.em
      .createQueryBuilder()
      .from('district', 'd')
      .select(['d.code AS "code"', 'd.name AS "name"'])
      .where('d.code IN (:...codes)', { codes })
      .getRawMany<{ code: string; name: string }>();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** Buurten whose centre lies in the box: where partners that count for the area can work. */
  async neighbourhoodsIn(box: Box): Promise<{ code: string; lat: number; lon: number }[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('neighbourhood', 'n')
      .select(['n.code AS "code"', 'n."centroidLat" AS "lat"', 'n."centroidLon" AS "lon"'])
      .where('n."centroidLat" BETWEEN :minLat AND :maxLat AND n."centroidLon" BETWEEN :minLon AND :maxLon', box)
      .getRawMany<{ code: string; lat: number; lon: number }>();
    return rows.map((r) => ({ code: r.code, lat: Number(r.lat), lon: Number(r.lon) }));
  }

  /** The neighbourhood analysis of the buurten in the area (all of them when no filter is given). */
  async presences(filter: { municipalityCode?: string; districtCode?: string; codes?: string[] }): Promise<PresenceRow[]> {
    const qb = this.em
      .createQueryBuilder()
      .from('community_presence', 'p')
      .innerJoin('neighbourhood', 'n', 'n.code = p."neighbourhoodCode"')
      .select([
        'p.id AS "id"',
        'p."neighbourhoodCode" AS "neighbourhoodCode"',
        'p."communityCode" AS "communityCode"',
        'p."languageCode" AS "languageCode"',
        'p.estimate AS "estimate"',
        'p.band AS "band"',
        'p.source AS "source"',
        'p."observedOn" AS "observedOn"',
      ])
      .orderBy('p."observedOn"', 'ASC')
      .addOrderBy('p."updatedAt"', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (filter.municipalityCode) qb.andWhere('n."municipalityCode" = :m', { m: filter.municipalityCode });
    if (filter.districtCode) qb.andWhere('n."districtCode" = :d', { d: filter.districtCode });
    if (filter.codes) qb.andWhere('n.code IN (:...codes)', { codes: filter.codes.length ? filter.codes : [''] });
    const rows = await qb.getRawMany<PresenceRow>();
    return rows.map((r) => ({ ...r, estimate: num(r.estimate) }));
  }

  async communityLanguages(): Promise<Map<string, string[]>> {
    const rows = await this.em
      .createQueryBuilder()
      .from('community_language', 'cl')
      .select(['cl."communityCode" AS "c"', 'cl."languageCode" AS "l"'])
      .orderBy('cl."communityCode"')
      .addOrderBy('cl."languageCode"')
      .getRawMany<{ c: string; l: string }>();
    const out = new Map<string, string[]>();
    for (const r of rows) (out.get(r.c) ?? out.set(r.c, []).get(r.c)!).push(r.l);
    return out;
  }

  async communities(): Promise<{ code: string; nameNl: string; nameEn: string }[]> {
    return this.em.createQueryBuilder().from('community', 'c').select(['c.code AS "code"', 'c."nameNl" AS "nameNl"', 'c."nameEn" AS "nameEn"']).getRawMany();
  }

  async languageNames(): Promise<Map<string, { nameNl: string; nameEn: string }>> {
    const rows = await this.em
      .createQueryBuilder()
      .from('language', 'l')
      .select(['l.code AS "code"', 'l."nameNl" AS "nameNl"', 'l."nameEn" AS "nameEn"'])
      .getRawMany<{ code: string; nameNl: string; nameEn: string }>();
    return new Map(rows.map((r) => [r.code, r]));
  }

  /**
   * Key persons and interpreters (not archived) active in a buurt whose centre lies in the box, with their
   * languages and communities. Driven from the buurten (few) through the join tables' indexes; the role
   * filter is applied here, not in SQL, because with it SQLite chose to scan every person (a second per
   * municipality at national size).
   */
  async persons(box: Box): Promise<PartnerPersonRow[]> {
    const inBox = 'n."centroidLat" BETWEEN :minLat AND :maxLat AND n."centroidLon" BETWEEN :minLon AND :maxLon';
    const base = () =>
      this.em
        .createQueryBuilder()
        .from('neighbourhood', 'n')
        .innerJoin('person_neighbourhood', 'pn', 'pn."neighbourhoodCode" = n.code')
        .innerJoin('person', 'p', 'p.id = pn."personId"')
        .where(inBox, box)
        .andWhere('p."archivedAt" IS NULL');
    const located = await base()
      .select([
        'p.id AS "id"',
        'p."isKeyPerson" AS "k"',
        'p."isInterpreter" AS "i"',
        'p."interpreterFormal" AS "f"',
        'p."lastVerifiedOn" AS "v"',
        'pn."neighbourhoodCode" AS "code"',
      ])
      .getRawMany<{ id: string; k: unknown; i: unknown; f: unknown; v: string | null; code: string }>();
    const byId = new Map<string, PartnerPersonRow>();
    for (const r of located) {
      if (!bool(r.k) && !bool(r.i)) continue;
      let p = byId.get(r.id);
      if (!p)
        byId.set(
          r.id,
          (p = {
            id: r.id,
            isKeyPerson: bool(r.k),
            isInterpreter: bool(r.i),
            formal: bool(r.f),
            lastVerifiedOn: r.v,
            codes: [],
            languages: [],
            communities: [],
          }),
        );
      p.codes.push(r.code);
    }
    const seen = new Set<string>();
    const languages = await base()
      .innerJoin('person_language', 'pl', 'pl."personId" = p.id')
      .select(['p.id AS "id"', 'pl."languageCode" AS "code"'])
      .getRawMany<{ id: string; code: string }>();
    for (const r of languages) if (!seen.has(`${r.id}|${r.code}`) && seen.add(`${r.id}|${r.code}`)) byId.get(r.id)?.languages.push(r.code);
    seen.clear();
    const communities = await base()
      .innerJoin('person_community', 'pc', 'pc."personId" = p.id')
      .select(['p.id AS "id"', 'pc."communityCode" AS "code"'])
      .getRawMany<{ id: string; code: string }>();
    for (const r of communities) if (!seen.has(`${r.id}|${r.code}`) && seen.add(`${r.id}|${r.code}`)) byId.get(r.id)?.communities.push(r.code);
    return [...byId.values()];
  }

  /** Organisations (not archived) serving a buurt in the box or with a venue in it. */
  async organisations(box: Box): Promise<PartnerOrganisationRow[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('organisation', 'o')
      .leftJoin('organisation_neighbourhood', 'onb', 'onb."organisationId" = o.id')
      .leftJoin('neighbourhood', 'n', 'n.code = onb."neighbourhoodCode"')
      .select(['o.id AS "id"', 'o."lastVerifiedOn" AS "v"', 'o.lat AS "lat"', 'o.lon AS "lon"', 'onb."neighbourhoodCode" AS "code"'])
      .where('o."archivedAt" IS NULL')
      .andWhere(
        '((n."centroidLat" BETWEEN :minLat AND :maxLat AND n."centroidLon" BETWEEN :minLon AND :maxLon) OR (o.lat BETWEEN :minLat AND :maxLat AND o.lon BETWEEN :minLon AND :maxLon))',
        box,
      )
      .getRawMany<{ id: string; v: string | null; lat: unknown; lon: unknown; code: string | null }>();
    const byId = new Map<string, PartnerOrganisationRow>();
    for (const r of rows) {
      let o = byId.get(r.id);
      if (!o)
        byId.set(
          r.id,
          (o = { id: r.id, lastVerifiedOn: r.v, lat: num(r.lat), lon: num(r.lon), codes: [], languages: [], communities: [], hasFixedContact: false }),
        );
      if (r.code && !o.codes.includes(r.code)) o.codes.push(r.code);
    }
    const ids = [...byId.keys()];
    await this.inChunks(ids, async (chunk) => {
      const langs = await this.em
        .createQueryBuilder()
        .from('organisation_language', 'ol')
        .select(['ol."organisationId" AS "id"', 'ol."languageCode" AS "code"'])
        .where('ol."organisationId" IN (:...ids)', { ids: chunk })
        .getRawMany<{ id: string; code: string }>();
      for (const r of langs) byId.get(r.id)!.languages.push(r.code);
      const comms = await this.em
        .createQueryBuilder()
        .from('organisation_community', 'oc')
        .select(['oc."organisationId" AS "id"', 'oc."communityCode" AS "code"'])
        .where('oc."organisationId" IN (:...ids)', { ids: chunk })
        .getRawMany<{ id: string; code: string }>();
      for (const r of comms) byId.get(r.id)!.communities.push(r.code);
      const contacts = await this.em
        .createQueryBuilder()
        .from('contact_assignment', 'ca')
        .select(['ca."organisationId" AS "id"'])
        .where('ca."organisationId" IN (:...ids)', { ids: chunk })
        .andWhere('ca."until" IS NULL')
        .getRawMany<{ id: string }>();
      for (const r of contacts) byId.get(r.id)!.hasFixedContact = true;
    });
    return [...byId.values()];
  }

  /** Agreements active on `today` (status active, started, not ended) for a buurt in the box. */
  async activeAgreements(box: Box, today: string): Promise<AgreementRow[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('agreement', 'a')
      .innerJoin('agreement_neighbourhood', 'an', 'an."agreementId" = a.id')
      .innerJoin('neighbourhood', 'n', 'n.code = an."neighbourhoodCode"')
      .select(['a.id AS "id"', 'a."organisationId" AS "organisationId"', 'a."personId" AS "personId"', 'an."neighbourhoodCode" AS "code"'])
      .where('a."archivedAt" IS NULL')
      .andWhere('a.status = :active', { active: 'ACTIVE' })
      .andWhere('a."startsOn" <= :today AND (a."endsOn" IS NULL OR a."endsOn" >= :today)', { today })
      .andWhere('n."centroidLat" BETWEEN :minLat AND :maxLat AND n."centroidLon" BETWEEN :minLon AND :maxLon', box)
      .getRawMany<{ id: string; organisationId: string | null; personId: string | null; code: string }>();
    const byId = new Map<string, AgreementRow>();
    for (const r of rows)
      (byId.get(r.id) ?? byId.set(r.id, { id: r.id, organisationId: r.organisationId, personId: r.personId, codes: [] }).get(r.id)!).codes.push(r.code);
    return [...byId.values()];
  }

  /** Walk-in hours running on `today` in a buurt in the box, with their languages. */
  async activeActivities(box: Box, today: string): Promise<ActivityRow[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('activity', 'a')
      .innerJoin('neighbourhood', 'n', 'n.code = a."neighbourhoodCode"')
      .innerJoin('activity_language', 'al', 'al."activityId" = a.id')
      .select(['a.id AS "id"', 'a."neighbourhoodCode" AS "code"', 'al."languageCode" AS "language"'])
      .where('a."archivedAt" IS NULL')
      .andWhere('a."validFrom" <= :today AND (a."validUntil" IS NULL OR a."validUntil" >= :today)', { today })
      .andWhere('n."centroidLat" BETWEEN :minLat AND :maxLat AND n."centroidLon" BETWEEN :minLon AND :maxLon', box)
      .getRawMany<{ id: string; code: string; language: string }>();
    const byId = new Map<string, ActivityRow>();
    for (const r of rows) (byId.get(r.id) ?? byId.set(r.id, { id: r.id, neighbourhoodCode: r.code, languages: [] }).get(r.id)!).languages.push(r.language);
    return [...byId.values()];
  }

  private async inChunks(ids: string[], run: (chunk: string[]) => Promise<void>, size = 500): Promise<void> {
    for (let i = 0; i < ids.length; i += size) await run(ids.slice(i, i + size));
  }
}
