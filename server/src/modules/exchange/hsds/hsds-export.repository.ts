import { Inject, Injectable } from '@nestjs/common';
import { isListed, listedParameters, listedSql, unlistCutoff } from '../../../common/listing.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { DataSource, In, IsNull, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Activity } from '../../activity/activity.entity.js';
import { Agreement } from '../../agreement/agreement.entity.js';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { Community } from '../../community/community.entity.js';
import { ContactAssignment } from '../../contact-assignment/contact-assignment.entity.js';
import { Neighbourhood } from '../../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../../organisation/organisation.entity.js';
import { Person } from '../../person/person.entity.js';
import { Team } from '../../team/team.entity.js';
import { type EntityType, type FlatRecord, inChunks, listingFactsOf, loadFlatRecords } from '../directory-writer.js';
import { type FilterTaxonomy, ROLE_TERMS, TEAM_TERM } from './hsds-export-taxonomy.js';
import { HsdsDerivedId } from './hsds-derived-id.entity.js';
import { AGREEMENT_TYPE_NL, ownServiceId, PERSON_SERVICE_TITLE, serviceAtLocationId, venueLocationId } from './hsds-profile.js';

/**
 * How long a miss of a derived id (an unknown /hsds/services/{id}) may skip the refill when nothing was
 * written in this process: the refill's anti-joins cost about 120 ms at 50,000 persons, so unknown ids
 * cannot make every request pay that; a record written by another process is found within this time.
 */
export const DERIVED_ID_REFILL_MS = 10_000;

/** What a list is narrowed to, already checked (see HsdsExportService). */
export interface HsdsFilter {
  /** ISO 639-3 code: only services in that language. */
  languageCode?: string;
  /** Lower-case words (no white space) that must all occur in the name or description. */
  words: string[];
  /** Persons count (role and topic terms look at them): signed-in callers only. */
  withPersons?: boolean;
  /** Only the services of this organization (an organisation or a team). */
  organisationId?: string;
  /** ISO 8601 UTC: only records changed at or after it (`updatedAt` of the record the object is built from). */
  modifiedAfter?: string;
  /** Only records with some term of this taxonomy, or with this term. */
  taxonomy?: FilterTaxonomy;
  termCode?: string;
  /** Only locations inside this box (the exact distance is measured afterwards, see nearLocations). */
  box?: { minLat: number; maxLat: number; minLon: number; maxLon: number };
}

/** One of the parts a list is made of: organisations, teams, agreements (services of teams), persons of no organisation or team. */
type Part = 'o' | 't' | 'a' | 'p';

/** A service_at_location on a page: of an organisation's own service, or of an agreement at its partner's venue. */
export interface LocationRow {
  organisationId: string | null;
  teamId: string | null;
  agreementId: string | null;
  lat: number | null;
  lon: number | null;
}

/** A row of the teams' part of /hsds/services: the team's own service, or one of its agreements. */
export interface TeamServiceRow {
  teamId: string;
  agreementId: string | null;
}

/** Related rows of one page, loaded set-based (a few queries per kind, whatever the page size). */
export interface HsdsBatch {
  withPersons: boolean;
  /** Organisations, teams and persons that are not archived, by id: the page's and those they point at. */
  organisationById: Map<string, FlatRecord>;
  teamById: Map<string, FlatRecord>;
  personById: Map<string, FlatRecord>;
  /** The persons of an organisation or team whose own service is on the page (signed in only), in Dutch order. */
  personsOf: Map<string, FlatRecord[]>;
  /** Current fixed contact persons by team or organisation (signed in only). */
  assignments: Map<string, ContactAssignment[]>;
  /** Walk-in hours at an organisation's venue. */
  hostedByOrganisation: Map<string, Activity[]>;
  /** Walk-in hours of an agreement that do not hang at an exported organisation. */
  hostedByAgreement: Map<string, Activity[]>;
  agreementNeighbourhoods: Map<string, string[]>;
  neighbourhoods: Map<string, Neighbourhood>;
  audit: Map<string, AuditEntry[]>;
}

/** What one page needs, by id. */
export interface BatchRequest {
  withPersons: boolean;
  /** Owners whose organization (with contacts and metadata) is built. */
  organisations: string[];
  teams: string[];
  /** Owners whose own service is built (with their persons and walk-in hours); a subset of the above. */
  organisationServices: string[];
  teamServices: string[];
  /** Agreements (already known to be exportable) whose service is built; their team is among `teams`. */
  agreements: Agreement[];
  /** Persons of no organisation or team whose own service is built. */
  personServices: string[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const DUTCH = new Intl.Collator('nl');
/** The persons inside one service: Dutch order, as the export always had. */
const dutchByName = (a: FlatRecord, b: FlatRecord) => DUTCH.compare(String(a.name), String(b.name)) || a.id.localeCompare(b.id);

/** SQL string literal (standard quoting, the same in SQLite and PostgreSQL). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

let foldings: [string, string][] | undefined;
/**
 * Letters outside ASCII whose lower case JavaScript knows (É → é, Ü → ü, İ → i̇, the Kelvin sign → k).
 * SQLite's LOWER() folds ASCII only, so the search replaces these first and matches as toLowerCase() does.
 */
function caseFoldings(): [string, string][] {
  if (!foldings) {
    foldings = [];
    for (let cp = 0x80; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const lower = ch.toLowerCase();
      if (lower !== ch) foldings.push([ch, lower]);
    }
  }
  return foldings;
}

/**
 * The queries behind the HSDS API: which rows are on a page (ordered, counted and filtered in the
 * database) and the rows they need, a few set-based queries per kind. Plain query builder SQL, so
 * SQLite and PostgreSQL run the same statements.
 *
 * Order of every list: name, then id, as the database compares text (SQLite BINARY; PostgreSQL the
 * database collation, C.UTF-8 here, so both by code point). The id makes it a total order, so pages
 * never overlap or skip.
 */
@Injectable()
export class HsdsExportRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Unlisted organisations and persons (common/listing.ts) are never exported: the rule as SQL on `alias`. */
  private listed(alias: string): string {
    return listedSql((column) => this.c(alias, column));
  }

  private get listedParameters() {
    return listedParameters(unlistCutoff(this.config.unlistAfterMonths));
  }

  private listedRecord = (r: FlatRecord | undefined): boolean => {
    const facts = r && listingFactsOf(r);
    return !!r && (!facts || isListed(facts, unlistCutoff(this.config.unlistAfterMonths)));
  };

  private get em() {
    return this.dataSource.manager;
  }

  private q(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  /** alias.column, escaped. */
  private c(alias: string, column: string): string {
    return `${this.q(alias)}.${this.q(column)}`;
  }

  /**
   * Every word must occur in `text` (an SQL expression) after lower-casing as JavaScript does:
   * REPLACE for the non-ASCII capitals that matter for these words, then LOWER for ASCII, then LIKE.
   */
  private search<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, text: string, words: string[], prefix: string): SelectQueryBuilder<T> {
    if (!words.length) return qb;
    const chars = new Set(words.flatMap((w) => [...w]));
    const folds = caseFoldings().filter(([, lower]) => [...lower].some((c) => chars.has(c)));
    const parameters: Record<string, string> = {};
    let folded = text;
    folds.forEach(([upper, lower], i) => {
      folded = `REPLACE(${folded}, :${prefix}f${i}u, :${prefix}f${i}l)`;
      parameters[`${prefix}f${i}u`] = upper;
      parameters[`${prefix}f${i}l`] = lower;
    });
    words.forEach((word, i) => {
      qb.andWhere(`LOWER(${folded}) LIKE :${prefix}w${i} ESCAPE '\\'`);
      parameters[`${prefix}w${i}`] = likePattern(word);
    });
    return qb.setParameters(parameters);
  }

  // --- Which rows are on a page -----------------------------------------------------------------

  private organisations(filter: HsdsFilter): SelectQueryBuilder<Organisation> {
    const qb = this.em
      .createQueryBuilder(Organisation, 'o')
      .where(`${this.c('o', 'archivedAt')} IS NULL`)
      .andWhere(this.listed('o'), this.listedParameters);
    if (filter.languageCode) {
      qb.andWhere(
        `${this.c('o', 'id')} IN (SELECT ${this.c('ol', 'organisationId')} FROM ${this.q('organisation_language')} ${this.q('ol')} WHERE ${this.c('ol', 'languageCode')} = :language)`,
        { language: filter.languageCode },
      );
    }
    this.narrow(qb, 'o', filter);
    // The organization's (and its service's) name and description.
    return this.search(qb, `${this.c('o', 'name')} || ' ' || COALESCE(${this.c('o', 'description')}, '')`, filter.words, 'o');
  }

  /** The parameters of the API beyond language and search: organization_id, modified_after, taxonomy terms, the box of a postcode's proximity. */
  private narrow<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, part: Part, filter: HsdsFilter): void {
    const never = '1 = 0';
    if (filter.organisationId) {
      const column = { o: this.c('o', 'id'), t: this.c('t', 'id'), a: this.c('a', 'teamId'), p: null }[part];
      qb.andWhere(column ? `${column} = :hsdsOrganisation` : never, { hsdsOrganisation: filter.organisationId });
    }
    if (filter.modifiedAfter) qb.andWhere(`${this.c(part, 'updatedAt')} >= :hsdsModifiedAfter`, { hsdsModifiedAfter: filter.modifiedAfter });
    if (filter.taxonomy) {
      const condition = this.classified(part, filter);
      if (condition) qb.andWhere(condition.sql, condition.parameters);
    }
    if (filter.box) {
      // Only an organisation's venue is a location (and a partner organisation's, for an agreement).
      const venue = { o: 'o', a: 'po', t: null, p: null }[part];
      if (!venue) qb.andWhere(never);
      else {
        qb.andWhere(`${this.c(venue, 'lat')} BETWEEN :hsdsMinLat AND :hsdsMaxLat AND ${this.c(venue, 'lon')} BETWEEN :hsdsMinLon AND :hsdsMaxLon`, {
          hsdsMinLat: filter.box.minLat,
          hsdsMaxLat: filter.box.maxLat,
          hsdsMinLon: filter.box.minLon,
          hsdsMaxLon: filter.box.maxLon,
        });
      }
    }
  }

  /**
   * Which records of a part carry a term of the taxonomy (or this term): kinds on organisations and
   * teams (an agreement is a service of its team), communities on organisations and persons, roles and
   * topics through the persons (so signed in only: anonymous callers see no persons, and a filter on
   * them finds nothing). Null when every record of the part qualifies.
   */
  private classified(part: Part, filter: HsdsFilter): { sql: string; parameters: Record<string, unknown> } | null {
    const never = { sql: '1 = 0', parameters: {} };
    const code = filter.termCode;
    const c = (alias: string, column: string) => this.c(alias, column);
    switch (filter.taxonomy) {
      case 'soort': {
        if (part === 'p') return never;
        if (code === undefined) return null;
        if (code === TEAM_TERM) return part === 'o' ? never : null;
        if (code.startsWith('team:'))
          return part === 'o' ? never : { sql: `${c('t', 'kind')} = :hsdsTerm`, parameters: { hsdsTerm: code.slice('team:'.length) } };
        return part === 'o' ? { sql: `${c('o', 'kind')} = :hsdsTerm`, parameters: { hsdsTerm: code } } : never;
      }
      case 'gemeenschap': {
        if (part === 't' || part === 'a') return never;
        const [table, owner] = part === 'o' ? ['organisation_community', 'organisationId'] : ['person_community', 'personId'];
        const where = code === undefined ? '' : ` WHERE ${c('j', 'communityCode')} = :hsdsTerm`;
        return { sql: `${c(part, 'id')} IN (SELECT ${c('j', owner)} FROM ${this.q(table)} ${this.q('j')}${where})`, parameters: { hsdsTerm: code } };
      }
      case 'rol':
      case 'thema': {
        if (!filter.withPersons || part === 'a') return never;
        const { sql, parameters } = this.personCondition(part === 'p' ? 'p' : 'pr', filter.taxonomy, code);
        if (part === 'p') return { sql, parameters };
        const column = part === 'o' ? 'organisationId' : 'teamId';
        return {
          sql: `${c(part, 'id')} IN (SELECT ${c('pr', column)} FROM ${this.q('person')} ${this.q('pr')} WHERE ${c('pr', 'archivedAt')} IS NULL AND ${sql})`,
          parameters,
        };
      }
      default:
        return null;
    }
  }

  private personCondition(alias: string, taxonomy: 'rol' | 'thema', code: string | undefined): { sql: string; parameters: Record<string, unknown> } {
    const p = (column: string) => this.c(alias, column);
    if (taxonomy === 'thema') {
      if (code === undefined) return { sql: `COALESCE(${p('topics')}, '') <> ''`, parameters: {} };
      // simple-array: the codes joined by commas.
      return { sql: `(',' || ${p('topics')} || ',') LIKE :hsdsTopic ESCAPE '\\'`, parameters: { hsdsTopic: likePattern(`,${code},`) } };
    }
    const sql =
      {
        KEY_PERSON: `${p('isKeyPerson')} = TRUE`,
        INTERPRETER: `${p('isInterpreter')} = TRUE`,
        [ROLE_TERMS.INTERPRETER_FORMAL]: `${p('isInterpreter')} = TRUE AND ${p('interpreterFormal')} = TRUE`,
        [ROLE_TERMS.INTERPRETER_INFORMAL]: `${p('isInterpreter')} = TRUE AND COALESCE(${p('interpreterFormal')}, FALSE) = FALSE`,
        CONTACT_PERSON: `${p('isContactPerson')} = TRUE`,
      }[code ?? ''] ?? `(${p('isKeyPerson')} = TRUE OR ${p('isInterpreter')} = TRUE OR ${p('isContactPerson')} = TRUE)`;
    return { sql: `(${sql})`, parameters: {} };
  }

  /** Teams; their own service has no languages, so a language filter leaves none. */
  private teams(filter: HsdsFilter, prefix = 't'): SelectQueryBuilder<Team> {
    const qb = this.em.createQueryBuilder(Team, 't').where(`${this.c('t', 'archivedAt')} IS NULL`);
    if (filter.languageCode) qb.andWhere('1 = 0');
    this.narrow(qb, 't', filter);
    return this.search(qb, this.c('t', 'name'), filter.words, prefix);
  }

  /** Persons of no organisation or team: their own service (signed in only). */
  private independentPersons(filter: HsdsFilter): SelectQueryBuilder<Person> {
    const p = (column: string) => this.c('p', column);
    const qb = this.em
      .createQueryBuilder(Person, 'p')
      .where(`${p('archivedAt')} IS NULL AND ${p('organisationId')} IS NULL AND ${p('teamId')} IS NULL`)
      .andWhere(this.listed('p'), this.listedParameters);
    if (filter.languageCode) {
      qb.andWhere(
        `${p('id')} IN (SELECT ${this.c('pl', 'personId')} FROM ${this.q('person_language')} ${this.q('pl')} WHERE ${this.c('pl', 'languageCode')} = :language)`,
        { language: filter.languageCode },
      );
    }
    this.narrow(qb, 'p', filter);
    // The service's name, "Sleutelpersoon: naam"; it has no description.
    const title =
      `CASE WHEN ${p('isKeyPerson')} = TRUE THEN ${literal(PERSON_SERVICE_TITLE.keyPerson)} WHEN ${p('isInterpreter')} = TRUE THEN ` +
      `(CASE WHEN ${p('interpreterFormal')} = TRUE THEN ${literal(PERSON_SERVICE_TITLE.formalInterpreter)} ELSE ${literal(PERSON_SERVICE_TITLE.informalInterpreter)} END) ` +
      `ELSE ${literal(PERSON_SERVICE_TITLE.contactPerson)} END`;
    return this.search(qb, `${title} || ': ' || ${p('name')}`, filter.words, 'p');
  }

  /**
   * Agreements that are exported: not archived, their team not archived, and their partner an
   * organisation that is not archived, or (signed in only) a person who is not.
   */
  exportableAgreements(withPersons: boolean): SelectQueryBuilder<Agreement> {
    const a = (column: string) => this.c('a', column);
    const qb = this.em
      .createQueryBuilder(Agreement, 'a')
      .innerJoin(Team, 't', `${this.c('t', 'id')} = ${a('teamId')} AND ${this.c('t', 'archivedAt')} IS NULL`)
      .leftJoin(Organisation, 'po', `${this.c('po', 'id')} = ${a('organisationId')} AND ${this.c('po', 'archivedAt')} IS NULL`)
      .leftJoin(Person, 'pp', `${this.c('pp', 'id')} = ${a('personId')} AND ${this.c('pp', 'archivedAt')} IS NULL`)
      .where(`${a('archivedAt')} IS NULL`);
    const withOrganisation = `(${a('organisationId')} IS NOT NULL AND ${this.c('po', 'id')} IS NOT NULL)`;
    return withPersons
      ? qb.andWhere(`(${withOrganisation} OR (${a('organisationId')} IS NULL AND ${this.c('pp', 'id')} IS NOT NULL))`)
      : qb.andWhere(withOrganisation);
  }

  /** Exportable agreements as services: no languages; name and the description made from type, team and partner. */
  private agreementServices(filter: HsdsFilter, withPersons: boolean): SelectQueryBuilder<Agreement> {
    const qb = this.exportableAgreements(withPersons);
    if (filter.languageCode) qb.andWhere('1 = 0');
    this.narrow(qb, 'a', filter);
    const type = `CASE ${this.c('a', 'type')} ${Object.entries(AGREEMENT_TYPE_NL)
      .map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`)
      .join(' ')} ELSE 'undefined' END`;
    const description = `'Samenwerkingsafspraak (' || ${type} || ') tussen ' || ${this.c('t', 'name')} || ' en ' || COALESCE(${this.c('po', 'name')}, ${this.c('pp', 'name')}, 'undefined')`;
    return this.search(qb, `${this.c('a', 'title')} || ' ' || ${description}`, filter.words, 'a');
  }

  private async ids(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, offset: number, limit: number): Promise<string[]> {
    const rows = await qb
      .select(this.c(alias, 'id'), 'id')
      .orderBy(this.c(alias, 'name'), 'ASC')
      .addOrderBy(this.c(alias, 'id'), 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  countOrganisations(filter: HsdsFilter): Promise<number> {
    return this.organisations(filter).getCount();
  }

  organisationIds(filter: HsdsFilter, offset: number, limit: number): Promise<string[]> {
    return this.ids(this.organisations(filter), 'o', offset, limit);
  }

  countTeams(filter: HsdsFilter): Promise<number> {
    return this.teams(filter).getCount();
  }

  teamIds(filter: HsdsFilter, offset: number, limit: number): Promise<string[]> {
    return this.ids(this.teams(filter), 't', offset, limit);
  }

  countIndependentPersons(filter: HsdsFilter): Promise<number> {
    return this.independentPersons(filter).getCount();
  }

  independentPersonIds(filter: HsdsFilter, offset: number, limit: number): Promise<string[]> {
    return this.ids(this.independentPersons(filter), 'p', offset, limit);
  }

  /** Own services of teams plus their agreements' services. */
  async countTeamServices(filter: HsdsFilter, withPersons: boolean): Promise<number> {
    const [teams, agreements] = await Promise.all([this.teams(filter).getCount(), this.agreementServices(filter, withPersons).getCount()]);
    return teams + agreements;
  }

  /**
   * A page of the teams' part of /hsds/services: teams by name, each with its own service and then its
   * agreements by start date. One UNION ALL ordered and cut in the database.
   */
  async teamServiceRows(filter: HsdsFilter, withPersons: boolean, offset: number, limit: number): Promise<TeamServiceRow[]> {
    const q = (name: string) => this.q(name);
    const own = this.teams(filter, 'ts')
      .select(this.c('t', 'name'), 'k1')
      .addSelect(this.c('t', 'id'), 'k2')
      .addSelect('0', 'k3')
      .addSelect("''", 'k4')
      .addSelect(this.c('t', 'id'), 'team_id')
      .addSelect('NULL', 'agreement_id');
    const agreements = this.agreementServices(filter, withPersons)
      .select(this.c('t', 'name'), 'k1')
      .addSelect(this.c('t', 'id'), 'k2')
      .addSelect('1', 'k3')
      .addSelect(this.c('a', 'startsOn'), 'k4')
      .addSelect(this.c('t', 'id'), 'team_id')
      .addSelect(this.c('a', 'id'), 'agreement_id');
    const u = (column: string) => `${q('u')}.${q(column)}`;
    const rows = await this.em
      .createQueryBuilder()
      .select(u('team_id'), 'team_id')
      .addSelect(u('agreement_id'), 'agreement_id')
      .from(`(${own.getQuery()} UNION ALL ${agreements.getQuery()})`, 'u')
      .setParameters({ ...own.getParameters(), ...agreements.getParameters() })
      .orderBy(u('k1'), 'ASC')
      .addOrderBy(u('k2'), 'ASC')
      .addOrderBy(u('k3'), 'ASC')
      .addOrderBy(u('k4'), 'ASC')
      .addOrderBy(u('agreement_id'), 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ team_id: string; agreement_id: string | null }>();
    return rows.map((r) => ({ teamId: r.team_id, agreementId: r.agreement_id }));
  }

  /** Where an organisation (o) or an agreement's partner organisation (po) has a location: a point or an address. */
  private hasVenue(alias: string): string {
    return `(${this.c(alias, 'lat')} IS NOT NULL OR COALESCE(${this.c(alias, 'address')}, '') <> '')`;
  }

  private venueOrganisations(filter: HsdsFilter): SelectQueryBuilder<Organisation> {
    return this.organisations(filter).andWhere(this.hasVenue('o'));
  }

  /** Agreements at an exported partner organisation with a venue (an agreement with a person has no location). */
  private venueAgreements(filter: HsdsFilter): SelectQueryBuilder<Agreement> {
    return this.agreementServices(filter, false).andWhere(this.hasVenue('po'));
  }

  /** service_at_locations: organisations' own services at their venue, then agreements at their partner's. */
  async countLocations(filter: HsdsFilter): Promise<[number, number]> {
    return Promise.all([this.venueOrganisations(filter).getCount(), this.venueAgreements(filter).getCount()]);
  }

  /** A page of one of the two parts: organisations by name, agreements by team (name, id), start date and id. */
  async locationRows(part: 'o' | 'a', filter: HsdsFilter, offset: number, limit: number): Promise<LocationRow[]> {
    if (part === 'o') {
      return (await this.ids(this.venueOrganisations(filter), 'o', offset, limit)).map((id) => ({
        organisationId: id,
        teamId: null,
        agreementId: null,
        lat: null,
        lon: null,
      }));
    }
    const rows = await this.venueAgreements(filter)
      .select(this.c('a', 'id'), 'id')
      .addSelect(this.c('a', 'teamId'), 'team_id')
      .orderBy(this.c('t', 'name'), 'ASC')
      .addOrderBy(this.c('t', 'id'), 'ASC')
      .addOrderBy(this.c('a', 'startsOn'), 'ASC')
      .addOrderBy(this.c('a', 'id'), 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ id: string; team_id: string }>();
    return rows.map((r) => ({ organisationId: null, teamId: r.team_id, agreementId: r.id, lat: null, lon: null }));
  }

  /**
   * Every location inside the filter's box, with its point (ids and coordinates only): the caller
   * measures the exact distance and pages. The box is the proximity around one postcode, so this is a
   * neighbourhood's worth of rows, not the directory.
   */
  async locationsInBox(filter: HsdsFilter): Promise<LocationRow[]> {
    const [organisations, agreements] = await Promise.all([
      this.venueOrganisations(filter)
        .select(this.c('o', 'id'), 'id')
        .addSelect(this.c('o', 'lat'), 'lat')
        .addSelect(this.c('o', 'lon'), 'lon')
        .getRawMany<{ id: string; lat: number; lon: number }>(),
      this.venueAgreements(filter)
        .select(this.c('a', 'id'), 'id')
        .addSelect(this.c('a', 'teamId'), 'team_id')
        .addSelect(this.c('po', 'lat'), 'lat')
        .addSelect(this.c('po', 'lon'), 'lon')
        .getRawMany<{ id: string; team_id: string; lat: number; lon: number }>(),
    ]);
    return [
      ...organisations.map((r) => ({ organisationId: r.id, teamId: null, agreementId: null, lat: Number(r.lat), lon: Number(r.lon) })),
      ...agreements.map((r) => ({ organisationId: null, teamId: r.team_id, agreementId: r.id, lat: Number(r.lat), lon: Number(r.lon) })),
    ];
  }

  /** Exported agreements with a partner organisation (ids only): for finding a service_at_location by its derived id. */
  async agreementPartners(): Promise<{ id: string; teamId: string; organisationId: string }[]> {
    return this.venueAgreements({ words: [] })
      .select(this.c('a', 'id'), 'id')
      .addSelect(this.c('a', 'teamId'), 'teamId')
      .addSelect(this.c('a', 'organisationId'), 'organisationId')
      .getRawMany<{ id: string; teamId: string; organisationId: string }>();
  }

  private derivedIdsStale = true;
  private lastRefill = 0;

  /** A write happened (HsdsDerivedIdSubscriber): the next miss refills. */
  derivedIdsMayBeMissing(): void {
    this.derivedIdsStale = true;
  }

  /** The record a derived id stands for, as stored (see HsdsDerivedId; the caller checks it against the record). */
  async derivedOwner(id: string): Promise<HsdsDerivedId | null> {
    return this.em.getRepository(HsdsDerivedId).findOne({ where: { id } });
  }

  /**
   * Stores the derived ids of every record not yet in hsds_derived_id (an anti-join per kind: only new
   * records are hashed, each once). Returns how many were added. Concurrent callers insert the same
   * rows; the primary key and INSERT … ON CONFLICT DO NOTHING (SQLite: OR IGNORE) keep one.
   */
  async storeDerivedIds(): Promise<number> {
    // A miss without a write since the last refill (in this process; others: once per interval) finds nothing new.
    if (!this.derivedIdsStale && Date.now() - this.lastRefill < DERIVED_ID_REFILL_MS) return 0;
    this.derivedIdsStale = false;
    this.lastRefill = Date.now();
    const d = (column: string) => this.c('d', column);
    const missing = (table: string, kind: string) =>
      this.em
        .createQueryBuilder()
        .select(this.c('r', 'id'), 'id')
        .from(table, 'r')
        .where(`NOT EXISTS (SELECT 1 FROM ${this.q('hsds_derived_id')} ${this.q('d')} WHERE ${d('ownerId')} = ${this.c('r', 'id')} AND ${d('kind')} = :kind)`, {
          kind,
        })
        .getRawMany<{ id: string }>();
    const [organisations, teams, persons, venues, agreements] = await Promise.all([
      missing('organisation', 'service'),
      missing('team', 'service'),
      missing('person', 'service'),
      missing('organisation', 'service_at_location'),
      this.em
        .createQueryBuilder()
        .select(this.c('a', 'id'), 'id')
        .addSelect(this.c('a', 'organisationId'), 'organisationId')
        .from('agreement', 'a')
        .where(`${this.c('a', 'organisationId')} IS NOT NULL`)
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM ${this.q('hsds_derived_id')} ${this.q('d')} WHERE ${d('ownerId')} = ${this.c('a', 'id')} AND ${d('kind')} = 'service_at_location' AND ${d('partnerId')} = ${this.c('a', 'organisationId')})`,
        )
        .getRawMany<{ id: string; organisationId: string }>(),
    ]);
    const service =
      (ownerType: string) =>
      ({ id: ownerId }: { id: string }) => ({ id: ownServiceId(ownerId), kind: 'service', ownerType, ownerId, partnerId: null });
    const rows: HsdsDerivedId[] = [
      ...organisations.map(service('organisation')),
      ...teams.map(service('team')),
      ...persons.map(service('person')),
      ...venues.map(({ id }) => ({
        id: serviceAtLocationId(ownServiceId(id), venueLocationId(id)),
        kind: 'service_at_location',
        ownerType: 'organisation',
        ownerId: id,
        partnerId: null,
      })),
      ...agreements.map((a) => ({
        id: serviceAtLocationId(a.id, venueLocationId(a.organisationId)),
        kind: 'service_at_location',
        ownerType: 'agreement',
        ownerId: a.id,
        partnerId: a.organisationId,
      })),
    ];
    if (!rows.length) return 0;
    // Plain multi-row INSERTs (the query builder spent ~90 µs per row here), ON CONFLICT DO NOTHING on both
    // databases; one transaction, so one commit for the lot.
    const columns = ['id', 'kind', 'ownerType', 'ownerId', 'partnerId'] as const;
    const postgres = this.dataSource.options.type === 'postgres';
    await this.dataSource.transaction(async (em) => {
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        const values = part.map((_, r) => `(${columns.map((__, c) => (postgres ? `$${r * columns.length + c + 1}` : '?')).join(', ')})`).join(', ');
        await em.query(
          `INSERT INTO ${this.q('hsds_derived_id')} (${columns.map((c) => this.q(c)).join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`,
          part.flatMap((row) => columns.map((c) => row[c])),
        );
      }
    });
    return rows.length;
  }

  /** Communities (reference data, a short list): the terms of the taxonomy `gemeenschap`. */
  communities(): Promise<{ code: string; nameNl: string }[]> {
    return this.em
      .createQueryBuilder(Community, 'c')
      .select(this.c('c', 'code'), 'code')
      .addSelect(this.c('c', 'nameNl'), 'nameNl')
      .getRawMany<{ code: string; nameNl: string }>();
  }

  /** `updatedAt` of records of one table, for `last_modified`. */
  async modified(kind: 'organisation' | 'team' | 'person' | 'agreement', ids: string[]): Promise<Map<string, string>> {
    const target = { organisation: Organisation, team: Team, person: Person, agreement: Agreement }[kind];
    const found = await Promise.all(
      inChunks([...new Set(ids)]).map((part) =>
        this.em
          .createQueryBuilder(target, 'r')
          .select(this.c('r', 'id'), 'id')
          .addSelect(this.c('r', 'updatedAt'), 'updatedAt')
          .where(`${this.c('r', 'id')} IN (:...part)`, { part })
          .getRawMany<{ id: string; updatedAt: string }>(),
      ),
    );
    return new Map(found.flat().map((r) => [r.id, r.updatedAt]));
  }

  // --- The rows a page needs ----------------------------------------------------------------------

  /** Exportable agreements of these teams (by start date), or with these ids (in no particular order). */
  async agreements(withPersons: boolean, by: { teamIds?: string[]; ids?: string[] }): Promise<Agreement[]> {
    const column = by.teamIds ? 'teamId' : 'id';
    const values = by.teamIds ?? by.ids ?? [];
    const found = await Promise.all(
      inChunks([...new Set(values)]).map((part) =>
        this.exportableAgreements(withPersons)
          .andWhere(`${this.c('a', column)} IN (:...values)`, { values: part })
          .orderBy(this.c('a', 'startsOn'), 'ASC')
          .addOrderBy(this.c('a', 'id'), 'ASC')
          .getMany(),
      ),
    );
    return found.flat();
  }

  private async records(type: EntityType, column: 'id' | 'organisationId' | 'teamId', values: string[]): Promise<FlatRecord[]> {
    return values.length ? loadFlatRecords(this.em, type, { column, values }) : [];
  }

  async organisation(id: string): Promise<FlatRecord | undefined> {
    const found = (await this.records('Organisation', 'id', [id]))[0];
    return this.listedRecord(found) ? found : undefined;
  }

  async team(id: string): Promise<FlatRecord | undefined> {
    return (await this.records('Team', 'id', [id]))[0];
  }

  async independentPerson(id: string): Promise<FlatRecord | undefined> {
    const person = (await this.records('Person', 'id', [id]))[0];
    return person && !person.organisationId && !person.teamId && this.listedRecord(person) ? person : undefined;
  }

  /**
   * Every id of one kind of record that is exported, for a lookup that has to look at each id. One query
   * without ORDER BY: cheaper than pieces in id order, which made SQLite sort the filtered persons again
   * for every piece (10 × 65 ms against 30-90 ms once for 50,000 ids).
   */
  async allIds(kind: 'organisation' | 'team' | 'independentPerson'): Promise<string[]> {
    const target = { organisation: Organisation, team: Team, independentPerson: Person }[kind];
    const qb = this.em
      .createQueryBuilder(target, 'r')
      .select(this.c('r', 'id'), 'id')
      .where(`${this.c('r', 'archivedAt')} IS NULL`);
    if (kind === 'independentPerson') qb.andWhere(`${this.c('r', 'organisationId')} IS NULL AND ${this.c('r', 'teamId')} IS NULL`);
    if (kind !== 'team') qb.andWhere(this.listed('r'), this.listedParameters);
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /** Everything the page's HSDS objects are built from. */
  async batch(request: BatchRequest): Promise<HsdsBatch> {
    const { withPersons, agreements } = request;
    const byId = (records: FlatRecord[]) => new Map(records.map((r) => [r.id, r]));

    // Owners, and the partner organisations of the agreements (for their name and venue).
    const partnerOrganisationIds = agreements.map((a) => a.organisationId).filter((id): id is string => !!id);
    const [organisations, teams] = await Promise.all([
      this.records('Organisation', 'id', [...request.organisations, ...partnerOrganisationIds]),
      this.records('Team', 'id', request.teams),
    ]);
    const organisationById = byId(organisations);
    const teamById = byId(teams);

    // Persons: of the owners whose service is built, fixed contact persons, agreement partners and sides.
    const [ofOrganisations, ofTeams, assignmentRows] = withPersons
      ? await Promise.all([
          this.records('Person', 'organisationId', request.organisationServices),
          this.records('Person', 'teamId', request.teamServices),
          this.currentAssignments([...request.organisations, ...request.teams]),
        ])
      : [[], [], []];
    const personById = byId([...ofOrganisations, ...ofTeams]);
    const personsOf = new Map<string, FlatRecord[]>();
    for (const p of ofOrganisations) if (this.listedRecord(p)) push(personsOf, String(p.organisationId), p);
    for (const p of ofTeams) if (this.listedRecord(p)) push(personsOf, String(p.teamId), p);
    for (const list of personsOf.values()) list.sort(dutchByName);
    // Partners are looked up for everyone, as the export always did (an agreement with a person is only exported signed in).
    const morePersons = [
      ...agreements.map((a) => a.personId),
      ...(withPersons ? agreements.flatMap((a) => [a.teamContactPersonId, a.partnerContactPersonId]) : []),
      ...assignmentRows.map((a) => a.personId),
      ...request.personServices,
    ].filter((id): id is string => !!id && !personById.has(id));
    for (const p of await this.records('Person', 'id', morePersons)) personById.set(p.id, p);

    const assignments = new Map<string, ContactAssignment[]>();
    for (const a of assignmentRows) push(assignments, a.partyId, a);

    // Walk-in hours, and the neighbourhoods of the agreements.
    const agreementIds = agreements.map((a) => a.id);
    const [hostedRows, agreementActivityRows, agreementNeighbourhoods] = await Promise.all([
      this.activities('organisationId', request.organisationServices),
      this.activities('agreementId', agreementIds),
      this.links('agreement_neighbourhood', 'agreementId', 'neighbourhoodCode', agreementIds),
    ]);
    const hostedByOrganisation = new Map<string, Activity[]>();
    for (const a of hostedRows) push(hostedByOrganisation, a.organisationId!, a);
    // An agreement's walk-in hour at an organisation that is exported hangs at that organisation's service instead.
    const hostingOrganisations = new Set(
      await this.existingOrganisationIds(agreementActivityRows.map((a) => a.organisationId).filter((id): id is string => !!id)),
    );
    const hostedByAgreement = new Map<string, Activity[]>();
    for (const a of agreementActivityRows) {
      if (a.organisationId && hostingOrganisations.has(a.organisationId)) continue;
      push(hostedByAgreement, a.agreementId!, a);
    }

    const codes = new Set<string>();
    for (const id of request.organisationServices) for (const code of (organisationById.get(id)?.neighbourhoods as string[] | undefined) ?? []) codes.add(code);
    for (const id of request.teamServices) for (const code of (teamById.get(id)?.neighbourhoods as string[] | undefined) ?? []) codes.add(code);
    for (const id of request.personServices) for (const code of (personById.get(id)?.neighbourhoods as string[] | undefined) ?? []) codes.add(code);
    for (const list of agreementNeighbourhoods.values()) for (const code of list) codes.add(code);

    // Metadata: the audit trail of the organizations, the persons shown as contacts, and the agreements.
    const audited = [...request.organisations, ...request.teams, ...agreementIds, ...(withPersons ? personById.keys() : [])];
    const [neighbourhoods, audit] = await Promise.all([this.neighbourhoods([...codes]), this.audit(audited)]);

    return {
      withPersons,
      organisationById,
      teamById,
      personById,
      personsOf,
      assignments,
      hostedByOrganisation,
      hostedByAgreement,
      agreementNeighbourhoods,
      neighbourhoods,
      audit,
    };
  }

  private async currentAssignments(partyIds: string[]): Promise<ContactAssignment[]> {
    const ids = [...new Set(partyIds)];
    // A party is the team, or the organisation when there is no team (ContactAssignment.partyId).
    const found = await Promise.all(
      inChunks(ids).map((part) =>
        this.em
          .createQueryBuilder(ContactAssignment, 'ca')
          .where(`${this.c('ca', 'until')} IS NULL`)
          .andWhere(`(${this.c('ca', 'teamId')} IN (:...part) OR (${this.c('ca', 'teamId')} IS NULL AND ${this.c('ca', 'organisationId')} IN (:...part)))`, {
            part,
          })
          .orderBy(this.c('ca', 'since'), 'ASC')
          .addOrderBy(this.c('ca', 'id'), 'ASC')
          .getMany(),
      ),
    );
    // Pieces are by party, so each party's assignments stay in order.
    return found.flat();
  }

  private async activities(column: 'organisationId' | 'agreementId', ids: string[]): Promise<Activity[]> {
    const found = await Promise.all(
      inChunks([...new Set(ids)]).map((part) =>
        this.em.getRepository(Activity).find({
          where: { [column]: In(part), archivedAt: IsNull() },
          relations: { languages: true },
          order: { weekday: 'ASC', startTime: 'ASC', id: 'ASC' },
        }),
      ),
    );
    return found.flat();
  }

  private async existingOrganisationIds(ids: string[]): Promise<string[]> {
    const found = await Promise.all(
      inChunks([...new Set(ids)]).map((part) =>
        this.em
          .createQueryBuilder(Organisation, 'o')
          .select(this.c('o', 'id'), 'id')
          .where(`${this.c('o', 'archivedAt')} IS NULL AND ${this.c('o', 'id')} IN (:...part)`, { part })
          .getRawMany<{ id: string }>(),
      ),
    );
    return found.flat().map((r) => r.id);
  }

  /** A join table's values per owner, sorted. */
  private async links(table: string, owner: string, value: string, ids: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(ids.map((id) => [id, []]));
    const found = await Promise.all(
      inChunks([...new Set(ids)]).map((part) =>
        this.em
          .createQueryBuilder()
          .select(this.q(owner), 'owner')
          .addSelect(this.q(value), 'value')
          .from(table, 'j')
          .where(`${this.q(owner)} IN (:...part)`, { part })
          .getRawMany<{ owner: string; value: string }>(),
      ),
    );
    for (const row of found.flat()) result.get(row.owner)?.push(row.value);
    for (const list of result.values()) list.sort();
    return result;
  }

  private async neighbourhoods(codes: string[]): Promise<Map<string, Neighbourhood>> {
    const found = await Promise.all(inChunks(codes).map((part) => this.em.getRepository(Neighbourhood).find({ where: { code: In(part) } })));
    return new Map(found.flat().map((n) => [n.code, n]));
  }

  private async audit(entityIds: string[]): Promise<Map<string, AuditEntry[]>> {
    const found = await Promise.all(
      inChunks([...new Set(entityIds)]).map((part) =>
        this.em.getRepository(AuditEntry).find({
          where: { entityId: In(part) },
          order: { at: 'ASC', id: 'ASC' },
        }),
      ),
    );
    const audit = new Map<string, AuditEntry[]>();
    for (const entry of found.flat()) push(audit, entry.entityId, entry);
    return audit;
  }
}
