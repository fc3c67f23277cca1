import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { byKey, groupedBy } from '../../common/loaders.js';
import { auditView } from '../../common/audit-view.js';
import { nowIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { assertNotArchived } from '../../common/validators.js';
import { AgreementService } from '../agreement/agreement.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { ContactAssignment, PartyType } from './contact-assignment.entity.js';
import { AssignFixedContactPersonInput } from './dto/assign-fixed-contact-person.input.js';
import { isUniqueViolation } from '../../database/unique-violation.js';

/** Tries of an assignment that lost a race to another one for the same party. */
const MAX_ATTEMPTS = 5;

export interface Party {
  teamId?: string | null;
  organisationId?: string | null;
}

@Injectable()
export class ContactAssignmentService {
  constructor(
    @InjectRepository(ContactAssignment) private readonly assignments: Repository<ContactAssignment>,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly agreements: AgreementService,
    private readonly dataSource: DataSource,
  ) {}

  private partyWhere(party: Party) {
    return party.teamId ? { teamId: party.teamId } : { organisationId: party.organisationId! };
  }

  current(party: Party): Promise<ContactAssignment | null> {
    return this.assignments.findOne({ where: { ...this.partyWhere(party), until: IsNull() } });
  }

  /** All assignments of a party, the current one first, then newest first. */
  async history(party: Party): Promise<ContactAssignment[]> {
    const rows = await this.assignments.find({ where: this.partyWhere(party), order: { since: 'DESC', createdAt: 'DESC' } });
    return rows.sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
  }

  /** The current assignment of each team (or organisation), in the order of `ids`: one statement. */
  async currentForMany(key: 'teamId' | 'organisationId', ids: readonly string[]): Promise<(ContactAssignment | null)[]> {
    return byKey(ids, await this.assignments.find({ where: { [key]: In([...ids]), until: IsNull() } }), (a) => a[key] as string);
  }

  /** `history` for many teams (or organisations) in one statement. */
  async historyForMany(key: 'teamId' | 'organisationId', ids: readonly string[]): Promise<ContactAssignment[][]> {
    const rows = await this.assignments.find({ where: { [key]: In([...ids]) }, order: { since: 'DESC', createdAt: 'DESC' } });
    return groupedBy(ids, rows, (a) => [a[key] as string]).map((group) => group.sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent)));
  }

  /** `forNeighbourhood` for many neighbourhoods in one statement. */
  async forNeighbourhoods(codes: readonly string[]): Promise<ContactAssignment[][]> {
    const { entities, raw } = await this.assignments
      .createQueryBuilder('ca')
      .leftJoin('team_neighbourhood', 'tn', '"tn"."teamId" = ca.teamId AND "tn"."neighbourhoodCode" IN (:...codes)', { codes: [...codes] })
      .leftJoin('organisation_neighbourhood', 'onb', '"onb"."organisationId" = ca.organisationId AND "onb"."neighbourhoodCode" IN (:...codes)')
      .leftJoin(Team, 't', 't.id = ca.teamId')
      .leftJoin(Organisation, 'o', 'o.id = ca.organisationId')
      .addSelect('COALESCE("tn"."neighbourhoodCode", "onb"."neighbourhoodCode")', 'forNeighbourhood')
      .where('ca.until IS NULL')
      .andWhere('("tn"."teamId" IS NOT NULL OR "onb"."organisationId" IS NOT NULL)')
      .andWhere('t.archivedAt IS NULL AND o.archivedAt IS NULL')
      .orderBy('ca.partyType', 'DESC')
      .addOrderBy('COALESCE(t.name, o.name)', 'ASC')
      .addOrderBy('ca.id', 'ASC')
      .getRawAndEntities();
    const byId = new Map(entities.map((e) => [e.id, e]));
    const pairs = raw.map((r: Record<string, unknown>) => ({ code: String(r.forNeighbourhood), assignment: byId.get(String(r.ca_id))! }));
    return groupedBy(codes, pairs, (p) => [p.code]).map((group) => group.map((p) => p.assignment));
  }

  /** Current fixed contacts of the teams covering a neighbourhood and the organisations serving it. */
  forNeighbourhood(code: string): Promise<ContactAssignment[]> {
    return this.assignments
      .createQueryBuilder('ca')
      .leftJoin('team_neighbourhood', 'tn', '"tn"."teamId" = ca.teamId AND "tn"."neighbourhoodCode" = :code', { code })
      .leftJoin('organisation_neighbourhood', 'onb', '"onb"."organisationId" = ca.organisationId AND "onb"."neighbourhoodCode" = :code', { code })
      .leftJoin(Team, 't', 't.id = ca.teamId')
      .leftJoin(Organisation, 'o', 'o.id = ca.organisationId')
      .where('ca.until IS NULL')
      .andWhere('("tn"."teamId" IS NOT NULL OR "onb"."organisationId" IS NOT NULL)')
      .andWhere('t.archivedAt IS NULL AND o.archivedAt IS NULL')
      .orderBy('ca.partyType', 'DESC')
      .addOrderBy('COALESCE(t.name, o.name)', 'ASC')
      .getMany();
  }

  /**
   * Makes the person the fixed contact of the team or organisation. The current assignment ends at
   * the same moment the new one starts, in one transaction: there is always at most one current contact.
   */
  async assign(actor: Actor | null, input: AssignFixedContactPersonInput): Promise<ContactAssignment> {
    this.access.requireSignedIn(actor);
    if (!!input.teamId === !!input.organisationId) {
      throw badInput('teamId', 'Kies óf een team óf een organisatie waarvan dit de vaste contactpersoon is');
    }
    const party: Party = input.teamId ? { teamId: input.teamId } : { organisationId: input.organisationId };
    const partyType = input.teamId ? PartyType.TEAM : PartyType.ORGANISATION;
    const partyField = input.teamId ? 'teamId' : 'organisationId';
    const partyRecord = input.teamId
      ? await this.dataSource.manager.findOneBy(Team, { id: input.teamId })
      : await this.dataSource.manager.findOneBy(Organisation, { id: input.organisationId! });
    if (!partyRecord) throw notFound(partyField, input.teamId ? `Team '${input.teamId}' bestaat niet` : `Organisatie '${input.organisationId}' bestaat niet`);
    assertNotArchived(partyRecord, input.teamId ? 'Dit team' : 'Deze organisatie', partyField);

    const person = await this.dataSource.manager.findOneBy(Person, { id: input.personId });
    if (!person) throw notFound('personId', `Persoon '${input.personId}' bestaat niet`);
    assertNotArchived(person, 'Deze persoon', 'personId');
    const belongs = input.teamId ? person.teamId === input.teamId : person.organisationId === input.organisationId;
    if (!belongs) {
      throw badInput(
        'personId',
        input.teamId
          ? `${person.name} werkt niet bij ${partyRecord.name}: kies iemand van dit team`
          : `${person.name} hoort niet bij ${partyRecord.name}: kies iemand van deze organisatie`,
      );
    }
    this.access.assertCanEdit(actor, await this.ownership.teamsOfContactParty(party), 'de vaste contactpersoon');

    // The database keeps one current assignment per party (a partial unique index on "until" IS NULL).
    // Two assignments at once, on one process or several: the one that loses the race meets the
    // index, and is retried on top of the winner's assignment, which it then ends.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.assignOnce(actor, input, party, partyType, partyRecord, person);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `Tegelijk werd een andere vaste contactpersoon van ${partyRecord.name} gekozen; probeer het opnieuw`,
            'personId',
          );
        }
      }
    }
  }

  private async assignOnce(
    actor: Actor | null,
    input: AssignFixedContactPersonInput,
    party: Party,
    partyType: PartyType,
    partyRecord: Team | Organisation,
    person: Person,
  ): Promise<ContactAssignment> {
    const id = await this.dataSource.transaction(async (em) => {
      const now = nowIso();
      const current = await em.findOne(ContactAssignment, { where: { ...this.partyWhere(party), until: IsNull() } });
      if (current?.personId === person.id) {
        throw new DomainError(ErrorCode.CONFLICT, `${person.name} is al de vaste contactpersoon van ${partyRecord.name}`, 'personId');
      }
      if (current) {
        await em.update(ContactAssignment, { id: current.id }, { until: now });
        await this.audit.record(em, actor, {
          action: 'endContactAssignment',
          entityType: 'ContactAssignment',
          entityId: current.id,
          before: { until: null },
          after: { until: now },
        });
        if (input.updateAgreements) await this.agreements.replaceContactPerson(em, actor, party, current.personId, person.id);
      }
      const assignment = em.create(ContactAssignment, {
        partyType,
        teamId: party.teamId ?? null,
        organisationId: party.organisationId ?? null,
        personId: person.id,
        since: now,
        until: null,
        note: input.note?.trim() || null,
        isDemo: false,
      });
      await em.save(assignment);
      if (!person.isContactPerson) await em.update(Person, { id: person.id }, { isContactPerson: true, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'assignFixedContactPerson',
        entityType: 'ContactAssignment',
        entityId: assignment.id,
        after: auditView(assignment),
      });
      return assignment.id;
    });
    return this.assignments.findOneByOrFail({ id });
  }
}
