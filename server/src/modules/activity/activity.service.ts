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
import { Activity } from './activity.entity.js';
import { CreateActivityInput, UpdateActivityInput } from './dto/activity.input.js';

const SCALAR_FIELDS = [
  'name',
  'description',
  'weekday',
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
    });
    applyChanges(activity, this.cleaned(input), SCALAR_FIELDS);
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
