import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { byKey, groupedBy, groupedByJoined, relationOf } from '../../common/loaders.js';
import type { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { assertNotArchived, assertNotBefore, blankToNull } from '../../common/validators.js';
import { Activity } from '../activity/activity.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { Agreement, AgreementStatus } from './agreement.entity.js';
import { CreateAgreementInput, EndAgreementInput, UpdateAgreementInput } from './dto/agreement.input.js';

const SCALAR_FIELDS = [
  'title',
  'type',
  'status',
  'teamContactPersonId',
  'partnerContactPersonId',
  'teamCommitment',
  'partnerCommitment',
  'appreciate',
  'inform',
  'facilitate',
  'align',
  'volunteerCompensation',
  'startsOn',
  'reviewOn',
  'endsOn',
] as const;

export interface AgreementFilter {
  neighbourhoodCode?: string;
  teamId?: string;
  organisationId?: string;
  personId?: string;
  status?: AgreementStatus;
}

@Injectable()
export class AgreementService {
  constructor(
    @InjectRepository(Agreement) private readonly agreements: Repository<Agreement>,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<Agreement | null> {
    return this.agreements.findOne({ where: { id }, relations: { neighbourhoods: true } });
  }

  async get(id: string, field = 'id'): Promise<Agreement> {
    const found = await this.findById(id);
    if (!found) throw notFound(field, `Afspraak '${id}' bestaat niet`);
    return found;
  }

  /** Agreements by id, in the order of `ids` (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Agreement | null)[]> {
    return byKey(ids, await this.agreements.find({ where: { id: In([...ids]) } }), (a) => a.id);
  }

  neighbourhoodsOf(ids: readonly string[]): Promise<Neighbourhood[][]> {
    return relationOf(this.agreements, ids, 'neighbourhoods');
  }

  /** `list` for many neighbourhoods, teams, organisations or persons at once (one statement), in the same order. */
  async listForMany(
    key: 'neighbourhoodCode' | 'teamId' | 'organisationId' | 'personId',
    values: readonly string[],
    status?: AgreementStatus,
  ): Promise<Agreement[][]> {
    const qb = this.agreements.createQueryBuilder('a').where('a.archivedAt IS NULL');
    if (key === 'neighbourhoodCode') qb.innerJoinAndSelect('a.neighbourhoods', 'n', 'n.code IN (:...values)', { values: [...values] });
    else qb.andWhere(`a.${key} IN (:...values)`, { values: [...values] });
    if (status) qb.andWhere('a.status = :status', { status });
    const rows = await qb.orderBy('a.startsOn', 'DESC').addOrderBy('a.id', 'ASC').getMany();
    const groups =
      key === 'neighbourhoodCode'
        ? groupedByJoined(values, rows, 'neighbourhoods', (n: Neighbourhood) => n.code)
        : groupedBy(values, rows, (a) => [a[key] as string]);
    const rank = { [AgreementStatus.ACTIVE]: 0, [AgreementStatus.DRAFT]: 1, [AgreementStatus.ENDED]: 2 };
    return groups.map((group) => group.sort((a, b) => rank[a.status] - rank[b.status]));
  }

  /** Agreements matching all given conditions: active first, then drafts, then ended; newest start first. */
  async list(filter: AgreementFilter): Promise<Agreement[]> {
    const qb = this.agreements.createQueryBuilder('a').where('a.archivedAt IS NULL');
    if (filter.neighbourhoodCode) {
      const code = assertNeighbourhoodCode(filter.neighbourhoodCode, 'neighbourhoodCode');
      qb.innerJoin('a.neighbourhoods', 'n', 'n.code = :code', { code });
    }
    if (filter.teamId) qb.andWhere('a.teamId = :teamId', { teamId: filter.teamId });
    if (filter.organisationId) qb.andWhere('a.organisationId = :organisationId', { organisationId: filter.organisationId });
    if (filter.personId) qb.andWhere('a.personId = :personId', { personId: filter.personId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    const rows = await qb.orderBy('a.startsOn', 'DESC').addOrderBy('a.id', 'ASC').getMany();
    const loaded = rows.length ? await this.agreements.find({ where: { id: In(rows.map((r) => r.id)) }, relations: { neighbourhoods: true } }) : [];
    const rank = { [AgreementStatus.ACTIVE]: 0, [AgreementStatus.DRAFT]: 1, [AgreementStatus.ENDED]: 2 };
    const order = new Map(rows.map((r, i) => [r.id, i]));
    return loaded.sort((a, b) => rank[a.status] - rank[b.status] || order.get(a.id)! - order.get(b.id)!);
  }

  async create(actor: Actor | null, input: CreateAgreementInput): Promise<Agreement> {
    this.access.requireSignedIn(actor);
    if (!!input.organisationId === !!input.personId) {
      throw badInput('organisationId', 'Kies de partner: óf een organisatie óf een sleutelpersoon');
    }
    if (input.status === AgreementStatus.ENDED)
      throw badInput('status', 'Een nieuwe afspraak is een concept of actief; beëindig een afspraak met endAgreement');
    const team = await this.dataSource.manager.findOneBy(Team, { id: input.teamId });
    if (!team) throw notFound('teamId', `Team '${input.teamId}' bestaat niet`);
    assertNotArchived(team, 'Dit team', 'teamId');
    if (input.organisationId) {
      const organisation = await this.dataSource.manager.findOneBy(Organisation, { id: input.organisationId });
      if (!organisation) throw notFound('organisationId', `Organisatie '${input.organisationId}' bestaat niet`);
      assertNotArchived(organisation, 'Deze organisatie', 'organisationId');
    } else {
      const partner = await this.dataSource.manager.findOneBy(Person, { id: input.personId! });
      if (!partner) throw notFound('personId', `Persoon '${input.personId}' bestaat niet`);
      assertNotArchived(partner, 'Deze persoon', 'personId');
      if (!partner.isKeyPerson) throw badInput('personId', `${partner.name} is geen sleutelpersoon; een afspraak met een persoon is met een sleutelpersoon`);
    }
    const changes = this.cleaned(input);
    const agreement = this.agreements.create({
      isDemo: false,
      externalId: null,
      archivedAt: null,
      lastVerifiedOn: todayIso(),
      teamId: team.id,
      // A region (issue 12): an agreement belongs to its team's municipality.
      municipalityCode: team.municipalityCode,
      organisationId: input.organisationId ?? null,
      personId: input.personId ?? null,
      endReason: null,
      teamContactPersonId: null,
      partnerContactPersonId: null,
      teamCommitment: null,
      partnerCommitment: null,
      appreciate: null,
      inform: null,
      facilitate: null,
      align: null,
      volunteerCompensation: null,
      reviewOn: null,
      endsOn: null,
    });
    applyChanges(agreement, changes, SCALAR_FIELDS);
    const neighbourhoods = await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes');
    await this.assertConsistent(agreement);
    this.access.assertCanEdit(actor, this.ownership.teamsOfAgreement(agreement), 'deze afspraak');
    await this.assertNoDuplicate(
      agreement,
      neighbourhoods.map((n) => n.code),
    );
    const id = await this.dataSource.transaction(async (em) => {
      agreement.neighbourhoods = neighbourhoods;
      await em.save(agreement);
      await this.audit.record(em, actor, { action: 'createAgreement', entityType: 'Agreement', entityId: agreement.id, after: auditView(agreement) });
      return agreement.id;
    });
    return this.get(id);
  }

  async update(actor: Actor | null, input: UpdateAgreementInput): Promise<Agreement> {
    this.access.requireSignedIn(actor);
    const agreement = await this.get(input.id);
    assertNotArchived(agreement, 'Deze afspraak');
    this.access.assertCanEdit(actor, this.ownership.teamsOfAgreement(agreement), 'deze afspraak');
    this.assertNotEnded(agreement);
    if (input.status === AgreementStatus.ENDED) throw badInput('status', 'Beëindig een afspraak met endAgreement');
    const neighbourhoods = input.neighbourhoodCodes ? await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes') : undefined;
    const before = auditView(agreement);
    applyChanges(agreement, this.cleaned(input), SCALAR_FIELDS);
    await this.assertConsistent(agreement);
    await this.assertNoDuplicate(
      agreement,
      (neighbourhoods ?? agreement.neighbourhoods).map((n) => n.code),
    );
    await this.dataSource.transaction(async (em) => {
      if (neighbourhoods) agreement.neighbourhoods = neighbourhoods;
      agreement.updatedAt = nowIso();
      await em.save(agreement);
      await this.audit.record(em, actor, { action: 'updateAgreement', entityType: 'Agreement', entityId: agreement.id, before, after: auditView(agreement) });
    });
    return this.get(agreement.id);
  }

  /** Ends the agreement and, in the same transaction, the walk-in hours that run under it. */
  async end(actor: Actor | null, input: EndAgreementInput): Promise<Agreement> {
    this.access.requireSignedIn(actor);
    const agreement = await this.get(input.id);
    assertNotArchived(agreement, 'Deze afspraak');
    this.access.assertCanEdit(actor, this.ownership.teamsOfAgreement(agreement), 'deze afspraak');
    this.assertNotEnded(agreement);
    const endsOn = input.endsOn ?? todayIso();
    assertNotBefore(agreement.startsOn, endsOn, 'endsOn');
    await this.dataSource.transaction(async (em) => {
      const before = auditView(agreement);
      const now = nowIso();
      await em.update(Agreement, { id: agreement.id }, { status: AgreementStatus.ENDED, endsOn, endReason: input.reason?.trim() || null, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'endAgreement',
        entityType: 'Agreement',
        entityId: agreement.id,
        before,
        after: { ...before, status: AgreementStatus.ENDED, endsOn, endReason: input.reason ?? null },
      });
      await this.endActivities(em, actor, agreement.id, endsOn, now);
    });
    return this.get(agreement.id);
  }

  /**
   * After a new fixed contact person is assigned: the running agreements (draft or active) of that team, or with that
   * partner organisation, that named the previous contact now name the new one, in the caller's transaction. Audited
   * per agreement. Returns how many changed.
   */
  async replaceContactPerson(
    em: EntityManager,
    actor: Actor | null,
    party: { teamId?: string | null; organisationId?: string | null },
    previousPersonId: string,
    newPersonId: string,
  ): Promise<number> {
    const column = party.teamId ? 'teamContactPersonId' : 'partnerContactPersonId';
    const naming = await em.find(Agreement, {
      where: {
        ...(party.teamId ? { teamId: party.teamId } : { organisationId: party.organisationId! }),
        [column]: previousPersonId,
        status: In([AgreementStatus.DRAFT, AgreementStatus.ACTIVE]),
      },
    });
    const now = nowIso();
    for (const agreement of naming) {
      if (agreement.archivedAt) continue;
      await em.update(Agreement, { id: agreement.id }, { [column]: newPersonId, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'updateAgreement',
        entityType: 'Agreement',
        entityId: agreement.id,
        before: { [column]: previousPersonId },
        after: { [column]: newPersonId, reason: 'nieuwe vaste contactpersoon' },
      });
    }
    return naming.filter((a) => !a.archivedAt).length;
  }

  private async endActivities(em: EntityManager, actor: Actor | null, agreementId: string, endsOn: string, now: string) {
    const running = await em.find(Activity, { where: { agreementId } });
    for (const activity of running) {
      if (activity.archivedAt || (activity.validUntil && activity.validUntil <= endsOn)) continue;
      const validUntil = activity.validFrom > endsOn ? activity.validFrom : endsOn;
      await em.update(Activity, { id: activity.id }, { validUntil, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'endActivity',
        entityType: 'Activity',
        entityId: activity.id,
        before: { validUntil: activity.validUntil },
        after: { validUntil, reason: 'afspraak beëindigd' },
      });
    }
  }

  private assertNotEnded(agreement: Agreement): void {
    if (agreement.status === AgreementStatus.ENDED) {
      throw new DomainError(ErrorCode.CONFLICT, 'Deze afspraak is beëindigd en kan niet meer worden gewijzigd', 'id');
    }
  }

  /**
   * An ACTIVE agreement is one that works: a fixed contact person on both sides, at least one WIFA role
   * (waarderen, informeren, faciliteren, afstemmen: 001 ch. 3) and a date to review it. A draft may lack them.
   * Every missing part is listed in `problems`; the first one names the field.
   */
  private assertActiveComplete(agreement: Agreement): void {
    if (agreement.status !== AgreementStatus.ACTIVE) return;
    const problems: { field: string; message: string }[] = [];
    if (!agreement.teamContactPersonId)
      problems.push({ field: 'teamContactPersonId', message: 'Een actieve afspraak heeft een vaste contactpersoon van het team' });
    if (!agreement.partnerContactPersonId)
      problems.push({ field: 'partnerContactPersonId', message: 'Een actieve afspraak heeft een vaste contactpersoon van de partner' });
    if (![agreement.appreciate, agreement.inform, agreement.facilitate, agreement.align].some((role) => role?.trim())) {
      problems.push({ field: 'appreciate', message: 'Een actieve afspraak beschrijft minstens één WIFA-rol: waarderen, informeren, faciliteren of afstemmen' });
    }
    if (!agreement.reviewOn) problems.push({ field: 'reviewOn', message: 'Een actieve afspraak heeft een evaluatiedatum' });
    if (problems.length) {
      const text =
        problems.length === 1
          ? problems[0].message
          : `${problems[0].message} (en nog ${problems.length - 1} ${problems.length === 2 ? 'punt' : 'punten'}; bewaar haar anders als concept)`;
      throw badInput(problems[0].field, text, { problems });
    }
  }

  /**
   * One agreement per team, partner and type for a buurt at a time: another one with the same parties and
   * type, sharing a buurt, whose period overlaps (an open end runs on), is refused with a pointer to it.
   */
  private async assertNoDuplicate(agreement: Agreement, neighbourhoodCodes: string[]): Promise<void> {
    if (!neighbourhoodCodes.length) return;
    const qb = this.agreements
      .createQueryBuilder('a')
      .innerJoin('a.neighbourhoods', 'n', 'n.code IN (:...codes)', { codes: neighbourhoodCodes })
      .where('a.archivedAt IS NULL')
      .andWhere('a.teamId = :teamId', { teamId: agreement.teamId })
      .andWhere('a.type = :type', { type: agreement.type })
      .andWhere('a.startsOn <= :until', { until: agreement.endsOn ?? '9999-12-31' })
      .andWhere('(a.endsOn IS NULL OR a.endsOn >= :from)', { from: agreement.startsOn });
    if (agreement.organisationId) qb.andWhere('a.organisationId = :organisationId', { organisationId: agreement.organisationId });
    else qb.andWhere('a.personId = :personId', { personId: agreement.personId });
    if (agreement.id) qb.andWhere('a.id <> :id', { id: agreement.id });
    const existing = await qb.orderBy('a.startsOn', 'ASC').addOrderBy('a.id', 'ASC').getOne();
    if (existing) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Er is al een afspraak "${existing.title}" (vanaf ${existing.startsOn}) met dezelfde partijen en soort voor een van deze buurten in deze periode: wijzig die afspraak, of kies andere buurten of data`,
        'neighbourhoodCodes',
        { existingAgreementId: existing.id },
      );
    }
  }

  /** Dates in order, an active agreement complete, and each side's contact person belongs to that side. */
  private async assertConsistent(agreement: Agreement): Promise<void> {
    assertNotBefore(agreement.startsOn, agreement.endsOn, 'endsOn');
    this.assertActiveComplete(agreement);
    assertNotBefore(
      agreement.startsOn,
      agreement.reviewOn,
      'reviewOn',
      `De evaluatiedatum (${agreement.reviewOn}) ligt vóór de begindatum (${agreement.startsOn})`,
    );
    if (agreement.teamContactPersonId) {
      const contact = await this.dataSource.manager.findOneBy(Person, { id: agreement.teamContactPersonId });
      if (!contact) throw notFound('teamContactPersonId', `Persoon '${agreement.teamContactPersonId}' bestaat niet`);
      assertNotArchived(contact, 'Deze contactpersoon', 'teamContactPersonId');
      if (contact.teamId !== agreement.teamId) {
        throw badInput('teamContactPersonId', `${contact.name} werkt niet bij het team van deze afspraak: kies een contactpersoon van het team`);
      }
    }
    if (agreement.partnerContactPersonId) {
      const contact = await this.dataSource.manager.findOneBy(Person, { id: agreement.partnerContactPersonId });
      if (!contact) throw notFound('partnerContactPersonId', `Persoon '${agreement.partnerContactPersonId}' bestaat niet`);
      assertNotArchived(contact, 'Deze contactpersoon', 'partnerContactPersonId');
      const belongs = agreement.organisationId ? contact.organisationId === agreement.organisationId : contact.id === agreement.personId;
      if (!belongs) {
        throw badInput(
          'partnerContactPersonId',
          agreement.organisationId
            ? `${contact.name} hoort niet bij de partnerorganisatie: kies een contactpersoon van die organisatie`
            : 'Bij een afspraak met een sleutelpersoon is die sleutelpersoon zelf de contactpersoon',
        );
      }
    }
  }

  private cleaned(input: Partial<CreateAgreementInput>): Partial<Agreement> {
    const out: Partial<Agreement> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    if (out.title === null) throw badInput('title', 'Titel is verplicht');
    return out;
  }
}
