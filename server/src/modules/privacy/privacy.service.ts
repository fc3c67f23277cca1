import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { nowIso } from '../../common/base.entity.js';
import { isMaskedCount } from '../../common/aggregate-count.js';
import { badInput, notFound } from '../../common/errors.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { PersonLanguage } from '../person/person-language.entity.js';
import { Person } from '../person/person.entity.js';
import type { ContactDetails, PersonCoverage, PersonCoverageFilter } from './models/privacy.models.js';

/** Profile fields of issue 15 and the value they are erased to. */
const ERASED_PROFILE_FIELDS: [string, unknown][] = [
  ['capabilities', []],
  ['wishes', []],
  ['wishesNote', null],
  ['standing', 'UNKNOWN'],
  ['standingNote', null],
  ['standingJudgedBy', null],
  ['standingJudgedOn', null],
  ['trainedOn', null],
  ['volunteerContractStartsOn', null],
  ['volunteerContractEndsOn', null],
  ['compensationAmount', null],
  ['compensationPeriod', null],
  ['supportedBy', null],
  ['supportedByUserId', null],
  ['paidRole', false],
  ['interpreterLevel', null],
  ['registrationEndsOn', null],
  ['interpreterModes', []],
];

/** Fields of a person that are personal data and go on erasure. */
const PERSONAL_FIELDS = [
  'name',
  'phone',
  'email',
  'registrationNumber',
  'availabilityNote',
  'externalId',
  'topics',
  'languages',
  'communities',
  'neighbourhoods',
  // Profile depth (issue 15): what they can do and want, their draagvlak, contract and compensation.
  ...ERASED_PROFILE_FIELDS.map((f) => f[0]),
] as const;
export const REDACTED = '[verwijderd]';

/** What an erased person is called: the structure stays, so agreements show "een sleutelpersoon". */
export function erasedName(person: Pick<Person, 'isKeyPerson' | 'isInterpreter'>): string {
  if (person.isKeyPerson) return 'een sleutelpersoon';
  if (person.isInterpreter) return 'een tolk';
  return 'een contactpersoon';
}

/**
 * The AVG/GDPR side of persons: contact details behind sign-in and logged, counts without names,
 * and export and erasure on request.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly languageService: LanguageService,
  ) {}

  /** Phone and e-mail of one person; the read itself is written to the audit log. */
  async contactDetails(actor: Actor, person: Person): Promise<ContactDetails | null> {
    if (person.erasedAt) return null;
    const row = await this.dataSource.getRepository(Person).findOne({ where: { id: person.id }, select: { id: true, phone: true, email: true } });
    if (!row) return null;
    // One insert is atomic on its own; a transaction per read would collide when a list resolves many at once.
    await this.audit.record(this.dataSource.manager, actor, { action: 'readContactDetails', entityType: 'Person', entityId: person.id });
    return { phone: row.phone, email: row.email };
  }

  /** Counts per neighbourhood and language, for the public map and the monitoring of reach. */
  async coverage(filter: PersonCoverageFilter = {}, aggregatesOnly = true): Promise<PersonCoverage[]> {
    const qb = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .innerJoin('p.neighbourhoods', 'n')
      .innerJoin('p.languages', 'pl')
      .select('n.code', 'neighbourhoodCode')
      .addSelect('pl.languageCode', 'languageCode')
      .addSelect('SUM(CASE WHEN p.isKeyPerson = :yes THEN 1 ELSE 0 END)', 'keyPersons')
      .addSelect('SUM(CASE WHEN p.isInterpreter = :yes AND p.interpreterFormal = :yes THEN 1 ELSE 0 END)', 'formalInterpreters')
      .addSelect('SUM(CASE WHEN p.isInterpreter = :yes AND p.interpreterFormal = :no THEN 1 ELSE 0 END)', 'informalInterpreters')
      .where('p.archivedAt IS NULL')
      .andWhere('(p.isKeyPerson = :yes OR p.isInterpreter = :yes)')
      .setParameters({ yes: true, no: false })
      .groupBy('n.code')
      .addGroupBy('pl.languageCode')
      .orderBy('n.code', 'ASC')
      .addOrderBy('pl.languageCode', 'ASC');
    if (filter.neighbourhoodCode) {
      qb.andWhere('n.code = :code', { code: assertNeighbourhoodCode(filter.neighbourhoodCode, 'filter.neighbourhoodCode') });
    }
    if (filter.language) {
      qb.andWhere('pl.languageCode = :language', { language: this.languageService.resolve(filter.language, 'filter.language').code });
    }
    const rows = await qb.getRawMany<Record<string, string | number>>();
    const count = (n: unknown) => (isMaskedCount(Number(n), aggregatesOnly) ? null : Number(n));
    return rows.map((r) => ({
      neighbourhoodCode: String(r.neighbourhoodCode),
      languageCode: String(r.languageCode),
      keyPersons: count(r.keyPersons),
      formalInterpreters: count(r.formalInterpreters),
      informalInterpreters: count(r.informalInterpreters),
      masked: [r.keyPersons, r.formalInterpreters, r.informalInterpreters].some((n) => isMaskedCount(Number(n), aggregatesOnly)),
    }));
  }

  private async load(em: EntityManager, id: string): Promise<Person> {
    const person = await em.getRepository(Person).findOne({ where: { id }, relations: { languages: true, communities: true, neighbourhoods: true } });
    if (!person) throw notFound('id', 'Deze persoon bestaat niet');
    return person;
  }

  /**
   * Rows of other tables that point at the person, found from the entity metadata so that tables
   * added later (agreements, contact assignments, …) are included without changing this code.
   */
  private async relatedRows(em: EntityManager, personId: string): Promise<Record<string, Record<string, unknown>[]>> {
    const related: Record<string, Record<string, unknown>[]> = {};
    for (const metadata of this.dataSource.entityMetadatas) {
      if (metadata.tableName === 'person' || metadata.tableName === 'audit_entry' || metadata.target === PersonLanguage) continue;
      if (['person_community', 'person_neighbourhood'].includes(metadata.tableName)) continue;
      const columns = metadata.columns.filter(
        (c) => c.referencedColumn?.entityMetadata.tableName === 'person' || /^(.*[a-z])?[pP]ersonIds?$/.test(c.propertyName),
      );
      for (const column of columns) {
        if (column.databaseName.endsWith('Ids')) continue;
        const rows = await em
          .createQueryBuilder()
          .select('*')
          .from(metadata.tableName, 't')
          .where(`t.${em.connection.driver.escape(column.databaseName)} = :id`, { id: personId })
          .getRawMany();
        if (rows.length) (related[metadata.tableName] ??= []).push(...rows);
      }
    }
    return related;
  }

  /** Everything stored about a person, as JSON (AVG art. 15 and 20). The export is logged. */
  async exportPersonData(actor: Actor, id: string): Promise<Record<string, unknown>> {
    return this.dataSource.transaction(async (em) => {
      const person = await this.load(em, id);
      const related = await this.relatedRows(em, id);
      const relatedIds = Object.values(related)
        .flat()
        .map((r) => r.id)
        .filter((v): v is string => typeof v === 'string');
      const auditQb = em.getRepository(AuditEntry).createQueryBuilder('a').where('(a.entityType = :type AND a.entityId = :id)', { type: 'Person', id });
      if (relatedIds.length) auditQb.orWhere('a.entityId IN (:...relatedIds)', { relatedIds });
      const auditEntries = await auditQb.orderBy('a.at', 'ASC').getMany();
      await this.audit.record(em, actor, { action: 'exportPersonData', entityType: 'Person', entityId: id });
      const { languages, communities, neighbourhoods, ...columns } = person;
      return {
        exportedAt: nowIso(),
        exportedBy: actor.email,
        person: {
          ...columns,
          roles: person.roles,
          languages: languages.map((l) => ({ code: l.languageCode, name: l.language?.nameNl, level: l.level })),
          communities: communities.map((c) => ({ code: c.code, name: c.nameNl })),
          neighbourhoods: neighbourhoods.map((n) => ({ code: n.code, name: n.name })),
        },
        related,
        auditEntries: auditEntries.map((a) => ({
          at: a.at,
          action: a.action,
          entityType: a.entityType,
          entityId: a.entityId,
          userEmail: a.userEmail,
          before: a.before,
          after: a.after,
        })),
      };
    });
  }

  /**
   * Erases the personal data and keeps the record's place: agreements and assignments still point at
   * it and show "een sleutelpersoon". Earlier audit snapshots of the person are redacted too; the
   * erasure itself is logged (without the erased values).
   */
  async erasePerson(actor: Actor, id: string, confirmation: string | null): Promise<Person> {
    return this.dataSource.transaction(async (em) => {
      const person = await this.load(em, id);
      // Erasure cannot be undone: the administrator types the name again (the screen says what is kept).
      const same = (a: string) => a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
      if (!confirmation || same(confirmation) !== same(person.name)) {
        throw badInput('confirmation', 'Bevestig het verwijderen: typ de naam van de persoon precies over');
      }
      const secrets = [person.name, person.phone, person.email, person.registrationNumber].filter((v): v is string => typeof v === 'string' && v.length >= 4);
      const now = nowIso();
      await em.update(
        Person,
        { id },
        {
          name: erasedName(person),
          phone: null,
          email: null,
          registrationNumber: null,
          availabilityNote: null,
          externalId: null,
          topics: [],
          ...Object.fromEntries(ERASED_PROFILE_FIELDS),
          erasedAt: person.erasedAt ?? now,
          archivedAt: person.archivedAt ?? now,
          updatedAt: now,
        },
      );
      await em.delete(PersonLanguage, { personId: id });
      await em
        .createQueryBuilder()
        .relation(Person, 'communities')
        .of(id)
        .remove(person.communities.map((c) => c.code));
      await em
        .createQueryBuilder()
        .relation(Person, 'neighbourhoods')
        .of(id)
        .remove(person.neighbourhoods.map((n) => n.code));
      await this.redactAudit(em, id, secrets);
      await this.audit.record(em, actor, {
        action: 'erasePerson',
        entityType: 'Person',
        entityId: id,
        before: { erasedFields: [...PERSONAL_FIELDS] },
        after: { name: erasedName(person), erasedAt: now },
      });
      return this.load(em, id);
    });
  }

  /** Removes the person's values from earlier audit snapshots, keeping who did what and when. */
  private async redactAudit(em: EntityManager, id: string, secrets: string[]): Promise<void> {
    const entries = await em
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.entityId = :id', { id })
      .orWhere(
        secrets.length ? secrets.map((_, i) => `a.beforeJson LIKE :s${i} OR a.afterJson LIKE :s${i}`).join(' OR ') : '1 = 0',
        Object.fromEntries(secrets.map((s, i) => [`s${i}`, `%${s.replace(/[\\%_]/g, '')}%`])),
      )
      .getMany();
    const redact = (json: string | null): string | null => {
      if (!json) return json;
      const value = JSON.parse(json, (key, v) => (PERSONAL_FIELDS.includes(key as never) && v !== null ? REDACTED : v));
      let text = JSON.stringify(value);
      for (const secret of secrets) text = text.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
      return text;
    };
    for (const entry of entries) {
      const isOwn = entry.entityId === id;
      const beforeJson = isOwn ? redact(entry.beforeJson) : redactValues(entry.beforeJson, secrets);
      const afterJson = isOwn ? redact(entry.afterJson) : redactValues(entry.afterJson, secrets);
      if (beforeJson !== entry.beforeJson || afterJson !== entry.afterJson) {
        await em.update(AuditEntry, { id: entry.id }, { beforeJson, afterJson });
      }
    }
  }
}

function redactValues(json: string | null, secrets: string[]): string | null {
  if (!json) return json;
  let text = json;
  for (const secret of secrets) text = text.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
  return text;
}
