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
export interface DatedAgreementRow extends AgreementRow {
  startsOn: string;
  endsOn: string | null;
}
export interface ActivityRow {
  id: string;
  neighbourhoodCode: string;
  languages: string[];
}
export interface DatedActivityRow extends ActivityRow {
  validFrom: string;
  validUntil: string | null;
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

  // ---- Loads of the in-memory read model (ReachIndex): the whole directory, or the rows of some ids. ----

  async allNeighbourhoods(): Promise<AreaRow[]> {
    return this.areas({});
  }

  async allDistrictNames(): Promise<Map<string, string>> {
    const rows = await this.em
      .createQueryBuilder()
      .from('district', 'd')
      .select(['d.code AS "code"', 'd.name AS "name"'])
      .getRawMany<{ code: string; name: string }>();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** Key persons and interpreters (not archived) with where they work, their languages and communities; all, or these ids. */
  async loadPersons(ids?: string[]): Promise<PartnerPersonRow[]> {
    const byId = new Map<string, PartnerPersonRow>();
    const read = async (chunk: string[] | null) => {
      const where = (qb: ReturnType<EntityManager['createQueryBuilder']>, column: string) => (chunk ? qb.where(`${column} IN (:...ids)`, { ids: chunk }) : qb);
      const persons = await where(
        this.em
          .createQueryBuilder()
          .from('person', 'p')
          .select(['p.id AS "id"', 'p."isKeyPerson" AS "k"', 'p."isInterpreter" AS "i"', 'p."interpreterFormal" AS "f"', 'p."lastVerifiedOn" AS "v"']),
        'p.id',
      )
        .andWhere('p."archivedAt" IS NULL')
        .getRawMany<{ id: string; k: unknown; i: unknown; f: unknown; v: string | null }>();
      for (const r of persons) {
        if (!bool(r.k) && !bool(r.i)) continue;
        byId.set(r.id, {
          id: r.id,
          isKeyPerson: bool(r.k),
          isInterpreter: bool(r.i),
          formal: bool(r.f),
          lastVerifiedOn: r.v,
          codes: [],
          languages: [],
          communities: [],
        });
      }
      for (const [table, column, field] of [
        ['person_neighbourhood', 'neighbourhoodCode', 'codes'],
        ['person_language', 'languageCode', 'languages'],
        ['person_community', 'communityCode', 'communities'],
      ] as const) {
        const rows = await where(
          this.em
            .createQueryBuilder()
            .from(table, 't')
            .select(['t."personId" AS "id"', `t."${column}" AS "code"`]),
          't."personId"',
        )
          .orderBy(`t."${column}"`)
          .getRawMany<{ id: string; code: string }>();
        for (const r of rows) {
          const list = byId.get(r.id)?.[field];
          if (list && !list.includes(r.code)) list.push(r.code);
        }
      }
    };
    if (ids) await this.inChunks(ids, read);
    else await read(null);
    return [...byId.values()];
  }

  /** Organisations (not archived) with their buurten, venue, languages, communities and whether a fixed contact is current; all, or these ids. */
  async loadOrganisations(ids?: string[]): Promise<PartnerOrganisationRow[]> {
    const byId = new Map<string, PartnerOrganisationRow>();
    const read = async (chunk: string[] | null) => {
      const where = (qb: ReturnType<EntityManager['createQueryBuilder']>, column: string) => (chunk ? qb.where(`${column} IN (:...ids)`, { ids: chunk }) : qb);
      const organisations = await where(
        this.em.createQueryBuilder().from('organisation', 'o').select(['o.id AS "id"', 'o."lastVerifiedOn" AS "v"', 'o.lat AS "lat"', 'o.lon AS "lon"']),
        'o.id',
      )
        .andWhere('o."archivedAt" IS NULL')
        .getRawMany<{ id: string; v: string | null; lat: unknown; lon: unknown }>();
      for (const r of organisations)
        byId.set(r.id, { id: r.id, lastVerifiedOn: r.v, lat: num(r.lat), lon: num(r.lon), codes: [], languages: [], communities: [], hasFixedContact: false });
      for (const [table, column, field] of [
        ['organisation_neighbourhood', 'neighbourhoodCode', 'codes'],
        ['organisation_language', 'languageCode', 'languages'],
        ['organisation_community', 'communityCode', 'communities'],
      ] as const) {
        const rows = await where(
          this.em
            .createQueryBuilder()
            .from(table, 't')
            .select(['t."organisationId" AS "id"', `t."${column}" AS "code"`]),
          't."organisationId"',
        )
          .orderBy(`t."${column}"`)
          .getRawMany<{ id: string; code: string }>();
        for (const r of rows) {
          const list = byId.get(r.id)?.[field];
          if (list && !list.includes(r.code)) list.push(r.code);
        }
      }
      const contacts = await where(this.em.createQueryBuilder().from('contact_assignment', 'ca').select(['ca."organisationId" AS "id"']), 'ca."organisationId"')
        .andWhere('ca."until" IS NULL')
        .getRawMany<{ id: string }>();
      for (const r of contacts) {
        const o = r.id ? byId.get(r.id) : undefined;
        if (o) o.hasFixedContact = true;
      }
    };
    if (ids) await this.inChunks(ids, read);
    else await read(null);
    return [...byId.values()];
  }

  /** Organisations with a current fixed contact person. */
  async fixedContactOrganisations(): Promise<Set<string>> {
    const rows = await this.em
      .createQueryBuilder()
      .from('contact_assignment', 'ca')
      .select(['ca."organisationId" AS "id"'])
      .where('ca."until" IS NULL AND ca."organisationId" IS NOT NULL')
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /** Agreements that are or will be active (status active, not archived), with their period and buurten; the day is checked per matrix. */
  async loadAgreements(): Promise<DatedAgreementRow[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('agreement', 'a')
      .innerJoin('agreement_neighbourhood', 'an', 'an."agreementId" = a.id')
      .select([
        'a.id AS "id"',
        'a."organisationId" AS "organisationId"',
        'a."personId" AS "personId"',
        'a."startsOn" AS "startsOn"',
        'a."endsOn" AS "endsOn"',
        'an."neighbourhoodCode" AS "code"',
      ])
      .where('a."archivedAt" IS NULL')
      .andWhere('a.status = :active', { active: 'ACTIVE' })
      .orderBy('a.id')
      .addOrderBy('an."neighbourhoodCode"')
      .getRawMany<{ id: string; organisationId: string | null; personId: string | null; startsOn: string; endsOn: string | null; code: string }>();
    const byId = new Map<string, DatedAgreementRow>();
    for (const r of rows)
      (
        byId.get(r.id) ??
        byId
          .set(r.id, { id: r.id, organisationId: r.organisationId, personId: r.personId, startsOn: r.startsOn, endsOn: r.endsOn ?? null, codes: [] })
          .get(r.id)!
      ).codes.push(r.code);
    return [...byId.values()];
  }

  /** Walk-in hours (not archived) with their period and languages; the day is checked per matrix. */
  async loadActivities(): Promise<DatedActivityRow[]> {
    const rows = await this.em
      .createQueryBuilder()
      .from('activity', 'a')
      .innerJoin('activity_language', 'al', 'al."activityId" = a.id')
      .select([
        'a.id AS "id"',
        'a."neighbourhoodCode" AS "code"',
        'a."validFrom" AS "validFrom"',
        'a."validUntil" AS "validUntil"',
        'al."languageCode" AS "language"',
      ])
      .where('a."archivedAt" IS NULL')
      .andWhere('a."neighbourhoodCode" IS NOT NULL')
      .orderBy('a.id')
      .addOrderBy('al."languageCode"')
      .getRawMany<{ id: string; code: string; validFrom: string; validUntil: string | null; language: string }>();
    const byId = new Map<string, DatedActivityRow>();
    for (const r of rows)
      (
        byId.get(r.id) ??
        byId.set(r.id, { id: r.id, neighbourhoodCode: r.code, validFrom: r.validFrom, validUntil: r.validUntil ?? null, languages: [] }).get(r.id)!
      ).languages.push(r.language);
    return [...byId.values()];
  }

  private async inChunks(ids: string[], run: (chunk: string[]) => Promise<void>, size = 500): Promise<void> {
    for (let i = 0; i < ids.length; i += size) await run(ids.slice(i, i + size));
  }
}
