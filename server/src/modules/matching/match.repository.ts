import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';

export interface PersonRow {
  id: string;
  isKeyPerson: unknown;
  trainedKeyPerson: unknown;
  isInterpreter: unknown;
  interpreterFormal: unknown;
  registrationNumber: string | null;
  isContactPerson: unknown;
  availability: string;
  availabilityNote: string | null;
  lastVerifiedOn: string | null;
  topics: string | null;
  archivedAt: string | null;
  doNotList: unknown;
  createdAt: string;
  volunteerContract?: unknown;
  volunteerContractEndsOn?: string | null;
  registrationEndsOn?: string | null;
  interpreterLevel?: string | null;
  interpreterKind?: string | null;
  interpreterModes?: string | null;
}

export interface OrganisationRow {
  id: string;
  kind: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  city: string | null;
  lastVerifiedOn: string | null;
  archivedAt: string | null;
  doNotList: unknown;
  createdAt: string;
}

export interface NeighbourhoodRow {
  code: string;
  name: string;
  centroidLat: number;
  centroidLon: number;
}

/** Receives the partner rows page by page, persons and organisations first, then their join rows. */
export interface PartnerSink {
  persons(rows: PersonRow[]): void;
  organisations(rows: OrganisationRow[]): void;
  personLanguages(rows: { personId: string; languageCode: string; level: string }[]): void;
  personCommunities(rows: { personId: string; communityCode: string }[]): void;
  personNeighbourhoods(rows: { personId: string; neighbourhoodCode: string }[]): void;
  organisationLanguages(rows: { organisationId: string; languageCode: string }[]): void;
  organisationCommunities(rows: { organisationId: string; communityCode: string }[]): void;
  organisationNeighbourhoods(rows: { organisationId: string; neighbourhoodCode: string }[]): void;
}

/** SQLite has a limit on bound parameters; PostgreSQL has one too, just higher. */
const CHUNK = 500;
const PAGE = 2_000;

/**
 * The matcher's reads. The in-memory index is a read model over several features' tables, so it
 * reads them here, column by column and without the entity machinery (100,000 rows load in about a
 * second). Portable SQL only: TypeORM's query builder quotes identifiers and binds parameters for
 * each dialect.
 */
@Injectable()
export class MatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async neighbourhoods(): Promise<NeighbourhoodRow[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('n.code', 'code')
      .addSelect('n.name', 'name')
      .addSelect('n.centroidLat', 'centroidLat')
      .addSelect('n.centroidLon', 'centroidLon')
      .from('neighbourhood', 'n')
      .getRawMany<NeighbourhoodRow>();
    return rows.map((r) => ({ ...r, centroidLat: Number(r.centroidLat), centroidLon: Number(r.centroidLon) }));
  }

  communityNames(): Promise<{ code: string; nameNl: string; nameEn: string }[]> {
    return this.dataSource
      .createQueryBuilder()
      .select('c.code', 'code')
      .addSelect('c.nameNl', 'nameNl')
      .addSelect('c.nameEn', 'nameEn')
      .from('community', 'c')
      .getRawMany();
  }

  /**
   * Partners with everything the matcher needs, handed over page by page (all of them when `ids`
   * is absent), so a national load never holds 250,000 raw join rows at once. Archived partners are
   * included: the index drops them.
   */
  async scanPartners(ids: { persons: string[]; organisations: string[] } | undefined, sink: PartnerSink): Promise<void> {
    const persons = ids?.persons;
    const organisations = ids?.organisations;
    await this.scan<PersonRow>(
      'person',
      'id',
      persons,
      [
        'id',
        'isKeyPerson',
        'trainedKeyPerson',
        'isInterpreter',
        'interpreterFormal',
        'registrationNumber',
        'isContactPerson',
        'availability',
        'availabilityNote',
        'lastVerifiedOn',
        'topics',
        'archivedAt',
        'doNotList',
        'createdAt',
        'volunteerContract',
        'volunteerContractEndsOn',
        'registrationEndsOn',
        'interpreterLevel',
        'interpreterKind',
        'interpreterModes',
      ],
      sink.persons,
    );
    await this.scan<OrganisationRow>(
      'organisation',
      'id',
      organisations,
      ['id', 'kind', 'lat', 'lon', 'address', 'city', 'lastVerifiedOn', 'archivedAt', 'doNotList', 'createdAt'],
      sink.organisations,
    );
    await this.scan('person_language', 'personId', persons, ['personId', 'languageCode', 'level'], sink.personLanguages);
    await this.scan('person_community', 'personId', persons, ['personId', 'communityCode'], sink.personCommunities);
    await this.scan('person_neighbourhood', 'personId', persons, ['personId', 'neighbourhoodCode'], sink.personNeighbourhoods);
    await this.scan('organisation_language', 'organisationId', organisations, ['organisationId', 'languageCode'], sink.organisationLanguages);
    await this.scan('organisation_community', 'organisationId', organisations, ['organisationId', 'communityCode'], sink.organisationCommunities);
    await this.scan('organisation_neighbourhood', 'organisationId', organisations, ['organisationId', 'neighbourhoodCode'], sink.organisationNeighbourhoods);
  }

  private async scan<T>(table: string, key: string, ids: string[] | undefined, columns: string[], onPage: (rows: T[]) => void): Promise<void> {
    const query = (): SelectQueryBuilder<object> => {
      const qb = this.dataSource.createQueryBuilder().from(table, 't');
      columns.forEach((column, i) => (i === 0 ? qb.select(`t.${column}`, column) : qb.addSelect(`t.${column}`, column)));
      return qb;
    };
    if (ids) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        if (chunk.length) onPage(await query().where(`t.${key} IN (:...ids)`, { ids: chunk }).getRawMany<T>());
      }
      return;
    }
    // Keyset paging on the (indexed) key column.
    let after: string | null = null;
    for (;;) {
      const qb = query().orderBy(`t.${key}`, 'ASC').limit(PAGE);
      if (after !== null) qb.where(`t.${key} > :after`, { after });
      const page = await qb.getRawMany<Record<string, unknown>>();
      if (page.length < PAGE) {
        onPage(page as T[]);
        return;
      }
      // The page may end inside one key's rows: keep that key for the next page.
      const lastKey = page[page.length - 1][key];
      const complete = page.filter((row) => row[key] !== lastKey);
      if (!complete.length) throw new Error(`Meer dan ${PAGE} rijen in ${table} voor ${key} = ${String(lastKey)}`);
      onPage(complete as T[]);
      after = complete[complete.length - 1][key] as string;
    }
  }

  /**
   * The partners shown in the answer, as entities without their relations: the service attaches
   * languages, communities and neighbourhoods from the index, which was refreshed for this query.
   * Three queries for a page of results instead of one per relation.
   */
  async findPersons(ids: string[]): Promise<Map<string, Person>> {
    if (!ids.length) return new Map();
    return new Map((await this.dataSource.getRepository(Person).findBy({ id: In(ids) })).map((p) => [p.id, p]));
  }

  async findOrganisations(ids: string[]): Promise<Map<string, Organisation>> {
    if (!ids.length) return new Map();
    return new Map((await this.dataSource.getRepository(Organisation).findBy({ id: In(ids) })).map((o) => [o.id, o]));
  }

  /** With their district (an eager relation). */
  async findNeighbourhoods(codes: string[]): Promise<Map<string, Neighbourhood>> {
    if (!codes.length) return new Map();
    return new Map((await this.dataSource.getRepository(Neighbourhood).findBy({ code: In(codes) })).map((n) => [n.code, n]));
  }
}
