import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { byKey, groupedBy, relationOf } from '../../common/loaders.js';
import type { Language } from '../language/language.entity.js';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { assertNotArchived, assertNotBefore, blankToNull } from '../../common/validators.js';
import { Agreement, AgreementStatus } from '../agreement/agreement.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ownershipViolation } from '../ownership/write-rule.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Activity, ActivityAudience } from './activity.entity.js';
import { normaliseRecurrence, type Occurrence, occurrencesBetween, weekdayOfRule, weeklyRule } from './recurrence.js';

/** Activities read by one walk-in search at most (a municipality has a few hundred). */
const MAX_WALK_IN_ACTIVITIES = 5000;

const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
import { CreateActivityInput, UpdateActivityInput } from './dto/activity.input.js';
import { MAX_WALK_IN_DAYS, type WalkInHourFilter } from './dto/walk-in-hour.input.js';
import type { WalkInOccurrence } from './models/walk-in-hour.model.js';
import { type Page, PageInput, toPage } from '../../common/pagination.js';

const SCALAR_FIELDS = [
  'name',
  'description',
  'weekday',
  'recurrence',
  'audience',
  'startTime',
  'endTime',
  'validFrom',
  'validUntil',
  'venueName',
  'venueAddress',
  'neighbourhoodCode',
  'organisationId',
  'agreementId',
] as const;

export interface ActivityFilter {
  neighbourhoodCode?: string;
  organisationId?: string;
  agreementId?: string;
  /** Only those running on this date (YYYY-MM-DD). */
  runningOn?: string;
}

@Injectable()
export class ActivityService {
  constructor(
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    private readonly languageService: LanguageService,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<Activity | null> {
    return this.activities.findOne({ where: { id }, relations: { languages: true } });
  }

  async get(id: string, field = 'id'): Promise<Activity> {
    const found = await this.findById(id);
    if (!found) throw notFound(field, `Activiteit '${id}' bestaat niet`);
    return found;
  }

  /** Activities by id, in the order of `ids` (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Activity | null)[]> {
    return byKey(ids, await this.activities.find({ where: { id: In([...ids]) } }), (a) => a.id);
  }

  languagesOf(ids: readonly string[]): Promise<Language[][]> {
    return relationOf(this.activities, ids, 'languages');
  }

  /** `list` for many neighbourhoods, organisations or agreements at once (one statement), in the same order. */
  async listForMany(key: 'neighbourhoodCode' | 'organisationId' | 'agreementId', values: readonly string[], runningOn?: string): Promise<Activity[][]> {
    const qb = this.activities
      .createQueryBuilder('a')
      .where('a.archivedAt IS NULL')
      .andWhere(`a.${key} IN (:...values)`, { values: [...values] });
    if (runningOn) qb.andWhere('a.validFrom <= :day', { day: runningOn }).andWhere('(a.validUntil IS NULL OR a.validUntil >= :day)', { day: runningOn });
    const rows = await qb.orderBy('a.weekday', 'ASC').addOrderBy('a.startTime', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    return groupedBy(values, rows, (a) => [a[key] as string]);
  }

  /** Not archived activities matching the filter, by weekday and start time. */
  async list(filter: ActivityFilter): Promise<Activity[]> {
    const qb = this.activities.createQueryBuilder('a').where('a.archivedAt IS NULL');
    if (filter.neighbourhoodCode) qb.andWhere('a.neighbourhoodCode = :code', { code: assertNeighbourhoodCode(filter.neighbourhoodCode, 'neighbourhoodCode') });
    if (filter.organisationId) qb.andWhere('a.organisationId = :organisationId', { organisationId: filter.organisationId });
    if (filter.agreementId) qb.andWhere('a.agreementId = :agreementId', { agreementId: filter.agreementId });
    if (filter.runningOn) {
      qb.andWhere('a.validFrom <= :day', { day: filter.runningOn }).andWhere('(a.validUntil IS NULL OR a.validUntil >= :day)', { day: filter.runningOn });
    }
    const rows = await qb.orderBy('a.weekday', 'ASC').addOrderBy('a.startTime', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    if (!rows.length) return [];
    const loaded = await this.activities.find({ where: { id: In(rows.map((r) => r.id)) }, relations: { languages: true } });
    const byId = new Map(loaded.map((a) => [a.id, a]));
    return rows.map((r) => byId.get(r.id)!);
  }

  /**
   * The days walk-in hours are held in a period (at most MAX_WALK_IN_DAYS), by language, buurt and
   * audience, in time order: "spreekuren in het Tigrinya deze week". The activities are read in one
   * statement (with their languages in a second); the days are computed from each recurrence.
   */
  async walkInHours(filter: WalkInHourFilter, page: PageInput = new PageInput()): Promise<Page<WalkInOccurrence>> {
    if (filter.to < filter.from) throw badInput('to', `Tot en met (${filter.to}) ligt voor vanaf (${filter.from})`);
    const days = (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000 + 1;
    if (days > MAX_WALK_IN_DAYS) throw badInput('to', `Zoek in een periode van hoogstens ${MAX_WALK_IN_DAYS} dagen (nu ${days})`);
    const languages = filter.languages?.length ? this.languageService.resolveAll(filter.languages, 'languages').map((l) => l.code) : null;
    const qb = this.activities
      .createQueryBuilder('a')
      .where('a.archivedAt IS NULL')
      .andWhere('a.validFrom <= :to', { to: filter.to })
      .andWhere('(a.validUntil IS NULL OR a.validUntil >= :from)', { from: filter.from });
    if (filter.neighbourhoodCode) {
      qb.andWhere('a.neighbourhoodCode = :code', { code: assertNeighbourhoodCode(filter.neighbourhoodCode, 'neighbourhoodCode') });
    }
    if (filter.audiences?.length) qb.andWhere('a.audience IN (:...audiences)', { audiences: filter.audiences });
    if (languages) {
      const q = (name: string) => this.dataSource.driver.escape(name);
      qb.andWhere(`EXISTS (SELECT 1 FROM ${q('activity_language')} al WHERE al.${q('activityId')} = a.id AND al.${q('languageCode')} IN (:...languages))`, {
        languages,
      });
    }
    const rows = await qb.orderBy('a.id', 'ASC').limit(MAX_WALK_IN_ACTIVITIES).getMany();
    const all = rows
      .flatMap((activity) => occurrencesBetween(activity, filter.from, filter.to).map((o) => ({ activity, ...o })))
      .sort((x, y) =>
        x.date + x.activity.startTime < y.date + y.activity.startTime
          ? -1
          : x.date + x.activity.startTime > y.date + y.activity.startTime
            ? 1
            : x.activity.id < y.activity.id
              ? -1
              : 1,
      );
    const items = all.slice(page.offset, page.offset + page.limit);
    const shown = [...new Set(items.map((o) => o.activity.id))];
    const languagesById = new Map(shown.map((id, i) => [id, i]));
    const loaded = shown.length ? await this.languagesOf(shown) : [];
    for (const o of items) o.activity.languages = loaded[languagesById.get(o.activity.id)!];
    return toPage(items, all.length, page);
  }

  /**
   * Per partner (organisation or person id), the first walk-in hour from `from` on (within 14 days) in
   * one of `languageCodes`: for the match card ("spreekuur in het Tigrinya op dinsdag"). Walk-in hours
   * of the organisation itself, or under an agreement with the partner; one statement for all partners.
   */
  async nextWalkInFor(
    partnerIds: string[],
    languageCodes: string[],
    from: string,
  ): Promise<Map<string, { activity: Activity; occurrence: Occurrence; languageCode: string }>> {
    const out = new Map<string, { activity: Activity; occurrence: Occurrence; languageCode: string }>();
    if (!partnerIds.length || !languageCodes.length) return out;
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
    const q = (name: string) => this.dataSource.driver.escape(name);
    const rows = await this.activities
      .createQueryBuilder('a')
      .leftJoin(Agreement, 'ag', 'ag.id = a.agreementId')
      .innerJoin('activity_language', 'al', `al.${q('activityId')} = a.id`)
      .select('a.id', 'id')
      .addSelect(`al.${q('languageCode')}`, 'languageCode')
      .addSelect('COALESCE(a.organisationId, ag.organisationId, ag.personId)', 'partnerId')
      .addSelect('ag.personId', 'agreementPersonId')
      .where('a.archivedAt IS NULL')
      .andWhere('a.validFrom <= :to', { to })
      .andWhere('(a.validUntil IS NULL OR a.validUntil >= :from)', { from })
      .andWhere(`al.${q('languageCode')} IN (:...languageCodes)`, { languageCodes })
      .andWhere('(a.organisationId IN (:...ids) OR ag.organisationId IN (:...ids) OR ag.personId IN (:...ids))', { ids: partnerIds })
      .getRawMany<{ id: string; languageCode: string; partnerId: string; agreementPersonId: string | null }>();
    if (!rows.length) return out;
    const activities = new Map((await this.activities.find({ where: { id: In([...new Set(rows.map((r) => r.id))]) } })).map((a) => [a.id, a]));
    const wanted = new Set(partnerIds);
    for (const row of rows) {
      const activity = activities.get(row.id)!;
      const occurrence = occurrencesBetween(activity, from, to)[0];
      if (!occurrence) continue;
      for (const partnerId of [row.partnerId, row.agreementPersonId]) {
        if (!partnerId || !wanted.has(partnerId)) continue;
        const current = out.get(partnerId);
        // The first language asked first, then the soonest.
        const candidate = { activity, occurrence, languageCode: row.languageCode };
        const key = (x: typeof candidate) =>
          `${String(languageCodes.indexOf(x.languageCode)).padStart(2, '0')}|${x.occurrence.date}|${x.activity.startTime}|${x.activity.id}`;
        if (!current || key(candidate) < key(current)) out.set(partnerId, candidate);
      }
    }
    return out;
  }

  async create(actor: Actor | null, input: CreateActivityInput): Promise<Activity> {
    this.access.requireSignedIn(actor);
    const activity = this.activities.create({
      isDemo: false,
      externalId: null,
      archivedAt: null,
      lastVerifiedOn: todayIso(),
      description: null,
      validUntil: null,
      venueAddress: null,
      organisationId: null,
      agreementId: null,
      audience: ActivityAudience.EVERYONE,
    });
    if ((input.weekday === undefined || input.weekday === null) && !input.recurrence?.trim()) {
      throw badInput('weekday', 'Kies een dag van de week of een herhaling (bijvoorbeeld om de week op dinsdag)');
    }
    applyChanges(activity, this.cleaned(input), SCALAR_FIELDS);
    this.applyRecurrence(activity, input);
    const languages = this.languageService.resolveAll(input.languageCodes ?? [], 'languageCodes');
    await this.assertConsistent(activity);
    await this.assertAgreementTeam(actor, null, activity.agreementId);
    this.access.assertCanEdit(actor, await this.ownership.teamsOfActivity(activity), 'deze activiteit');
    const id = await this.dataSource.transaction(async (em) => {
      activity.languages = languages;
      await em.save(activity);
      await this.audit.record(em, actor, { action: 'createActivity', entityType: 'Activity', entityId: activity.id, after: auditView(activity) });
      return activity.id;
    });
    return this.get(id);
  }

  async update(actor: Actor | null, input: UpdateActivityInput): Promise<Activity> {
    this.access.requireSignedIn(actor);
    const activity = await this.get(input.id);
    assertNotArchived(activity, 'Deze activiteit');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfActivity(activity), 'deze activiteit');
    const languages = input.languageCodes ? this.languageService.resolveAll(input.languageCodes, 'languageCodes') : undefined;
    const before = auditView(activity);
    const agreementBefore = activity.agreementId;
    applyChanges(activity, this.cleaned(input), SCALAR_FIELDS);
    this.applyRecurrence(activity, input);
    await this.assertConsistent(activity);
    await this.assertAgreementTeam(actor, agreementBefore, activity.agreementId);
    await this.dataSource.transaction(async (em) => {
      if (languages) activity.languages = languages;
      activity.updatedAt = nowIso();
      await em.save(activity);
      await this.audit.record(em, actor, { action: 'updateActivity', entityType: 'Activity', entityId: activity.id, before, after: auditView(activity) });
    });
    return this.get(activity.id);
  }

  async archive(actor: Actor | null, input: ArchiveInput): Promise<Activity> {
    this.access.requireSignedIn(actor);
    const activity = await this.get(input.id);
    assertNotArchived(activity, 'Deze activiteit');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfActivity(activity), 'deze activiteit');
    await this.dataSource.transaction(async (em) => {
      const archivedAt = nowIso();
      await em.update(Activity, { id: activity.id }, { archivedAt, updatedAt: archivedAt });
      await this.audit.record(em, actor, {
        action: 'archiveActivity',
        entityType: 'Activity',
        entityId: activity.id,
        before: { archivedAt: null },
        after: { archivedAt, reason: input.reason ?? null },
      });
    });
    return this.get(activity.id);
  }

  /** Under an agreement only by someone who may act for its team (issue 14, write-rule.ts): the rule persons have for teamId. */
  private async assertAgreementTeam(actor: Actor | null, agreementBefore: string | null, agreementAfter: string | null): Promise<void> {
    if (agreementAfter === agreementBefore || !agreementAfter) return;
    const [teamBefore, teamAfter] = [await this.ownership.teamOfAgreementId(agreementBefore), await this.ownership.teamOfAgreementId(agreementAfter)];
    const refused = actor && ownershipViolation(actor, { before: null, after: [], teamBefore, teamAfter, teamField: 'agreementId' }, 'dit spreekuur');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field, { rule: refused.rule });
  }

  /**
   * The recurrence in its one stored form, and `weekday` kept in step with it (the first day it names), so
   * lists ordered by weekday and clients that only know weekly walk-in hours keep working. A weekday
   * without a recurrence means weekly on that day, as before.
   */
  private applyRecurrence(activity: Activity, input: Partial<CreateActivityInput>): void {
    if (input.recurrence !== undefined && input.recurrence !== null && input.recurrence.trim() !== '') {
      const result = normaliseRecurrence(input.recurrence);
      if ('violation' in result) throw badInput('recurrence', result.violation.message);
      activity.recurrence = result.rule;
      activity.weekday = weekdayOfRule(result.rule, activity.validFrom);
    } else if (input.weekday !== undefined && input.weekday !== null) {
      activity.recurrence = weeklyRule(input.weekday);
    } else if (input.recurrence === null || input.recurrence === '') {
      activity.recurrence = weeklyRule(activity.weekday);
    }
    if (activity.audience === null) activity.audience = ActivityAudience.EVERYONE;
    // A rule that never falls in the validity period (e.g. the 5th Monday every 12 months for one week) is a mistake.
    // Only a change of the schedule itself is checked: ending a walk-in hour (a new last day only) before its next
    // occurrence is what ending means, not a mistake.
    const scheduleChanged = ['recurrence', 'weekday', 'validFrom'].some((field) => input[field as keyof CreateActivityInput] !== undefined);
    const horizon = activity.validUntil ?? addYears(activity.validFrom, 2);
    if (scheduleChanged && (activity.validUntil === null || activity.validUntil >= activity.validFrom)) {
      if (!occurrencesBetween(activity, activity.validFrom, horizon).length) {
        throw badInput('recurrence', 'Deze herhaling valt nooit binnen de geldigheidsperiode van het spreekuur');
      }
    }
  }

  private async assertConsistent(activity: Activity): Promise<void> {
    if (!activity.organisationId && !activity.agreementId) {
      throw badInput('agreementId', 'Koppel de activiteit aan een afspraak of aan een organisatie');
    }
    if (activity.endTime <= activity.startTime) {
      throw badInput('endTime', `De eindtijd (${activity.endTime}) moet na de begintijd (${activity.startTime}) liggen`);
    }
    assertNotBefore(activity.validFrom, activity.validUntil, 'validUntil');
    await this.neighbourhoodService.get(activity.neighbourhoodCode, 'neighbourhoodCode');
    activity.neighbourhoodCode = assertNeighbourhoodCode(activity.neighbourhoodCode, 'neighbourhoodCode');
    if (activity.organisationId) {
      const organisation = await this.dataSource.manager.findOneBy(Organisation, { id: activity.organisationId });
      if (!organisation) throw notFound('organisationId', `Organisatie '${activity.organisationId}' bestaat niet`);
      assertNotArchived(organisation, 'Deze organisatie', 'organisationId');
    }
    if (activity.agreementId) {
      const agreement = await this.dataSource.manager.findOneBy(Agreement, { id: activity.agreementId });
      if (!agreement) throw notFound('agreementId', `Afspraak '${activity.agreementId}' bestaat niet`);
      assertNotArchived(agreement, 'Deze afspraak', 'agreementId');
      if (agreement.status === AgreementStatus.ENDED) {
        throw new DomainError(ErrorCode.CONFLICT, 'Deze afspraak is beëindigd: er kunnen geen spreekuren meer onder vallen', 'agreementId');
      }
    }
  }

  private cleaned(input: Partial<CreateActivityInput>): Partial<Activity> {
    const out: Partial<Activity> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    if (out.name === null) throw badInput('name', 'Naam is verplicht');
    if (out.venueName === null) throw badInput('venueName', 'Locatie is verplicht');
    return out;
  }
}
