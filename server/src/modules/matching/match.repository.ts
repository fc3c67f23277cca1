import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
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
}

export interface NeighbourhoodRow {
  code: string;
  name: string;
  centroidLat: number;
  centroidLon: number;
}

export interface PartnerRows {
  persons: PersonRow[];
  organisations: OrganisationRow[];
  personLanguages: { personId: string; languageCode: string; level: string }[];
  personCommunities: { personId: string; communityCode: string }[];
  personNeighbourhoods: { personId: string; neighbourhoodCode: string }[];
  organisationLanguages: { organisationId: string; languageCode: string }[];
  organisationCommunities: { organisationId: string; communityCode: string }[];
  organisationNeighbourhoods: { organisationId: string; neighbourhoodCode: string }[];
}

/** SQLite has a limit on bound parameters; PostgreSQL has one too, just higher. */
const CHUNK = 500;

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
    const rows = await this.dataSource.createQueryBuilder()
      .select('n.code', 'code').addSelect('n.name', 'name').addSelect('n.centroidLat', 'centroidLat').addSelect('n.centroidLon', 'centroidLon')
      .from('neighbourhood', 'n').getRawMany<NeighbourhoodRow>();
    return rows.map((r) => ({ ...r, centroidLat: Number(r.centroidLat), centroidLon: Number(r.centroidLon) }));
  }

  communityNames(): Promise<{ code: string; nameNl: string }[]> {
    return this.dataSource.createQueryBuilder().select('c.code', 'code').addSelect('c.nameNl', 'nameNl').from('community', 'c').getRawMany();
  }

  /** Partners with everything the matcher needs; all of them when `ids` is absent. Archived ones included (the index drops them). */
  async partners(ids?: { persons: string[]; organisations: string[] }): Promise<PartnerRows> {
    const personIds = ids?.persons;
    const organisationIds = ids?.organisations;
    return {
      persons: await this.rows<PersonRow>('person', 'id', personIds, [
        'id', 'isKeyPerson', 'trainedKeyPerson', 'isInterpreter', 'interpreterFormal', 'registrationNumber', 'isContactPerson',
        'availability', 'availabilityNote', 'lastVerifiedOn', 'topics', 'archivedAt',
      ]),
      organisations: await this.rows<OrganisationRow>('organisation', 'id', organisationIds, [
        'id', 'kind', 'lat', 'lon', 'address', 'city', 'lastVerifiedOn', 'archivedAt',
      ]),
      personLanguages: await this.rows('person_language', 'personId', personIds, ['personId', 'languageCode', 'level']),
      personCommunities: await this.rows('person_community', 'personId', personIds, ['personId', 'communityCode']),
      personNeighbourhoods: await this.rows('person_neighbourhood', 'personId', personIds, ['personId', 'neighbourhoodCode']),
      organisationLanguages: await this.rows('organisation_language', 'organisationId', organisationIds, ['organisationId', 'languageCode']),
      organisationCommunities: await this.rows('organisation_community', 'organisationId', organisationIds, ['organisationId', 'communityCode']),
      organisationNeighbourhoods: await this.rows('organisation_neighbourhood', 'organisationId', organisationIds, ['organisationId', 'neighbourhoodCode']),
    };
  }

  private async rows<T>(table: string, key: string, ids: string[] | undefined, columns: string[]): Promise<T[]> {
    const query = (): SelectQueryBuilder<object> => {
      const qb = this.dataSource.createQueryBuilder().from(table, 't');
      columns.forEach((column, i) => (i === 0 ? qb.select(`t.${column}`, column) : qb.addSelect(`t.${column}`, column)));
      return qb;
    };
    if (!ids) return query().getRawMany<T>();
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (chunk.length) out.push(...(await query().where(`t.${key} IN (:...ids)`, { ids: chunk }).getRawMany<T>()));
    }
    return out;
  }

  /** The partners shown in the answer, as entities with their languages, communities and neighbourhoods. */
  async loadPersons(ids: string[]): Promise<Map<string, Person>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(Person).find({
      where: { id: In(ids) },
      relations: { languages: true, communities: true, neighbourhoods: true },
      relationLoadStrategy: 'query',
    });
    return new Map(rows.map((p) => [p.id, p]));
  }

  async loadOrganisations(ids: string[]): Promise<Map<string, Organisation>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(Organisation).find({
      where: { id: In(ids) },
      relations: { languages: true, communities: true, neighbourhoods: true },
      relationLoadStrategy: 'query',
    });
    return new Map(rows.map((o) => [o.id, o]));
  }
}
