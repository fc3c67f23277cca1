import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayIso } from '../../common/base.entity.js';
import { badInput, notFound } from '../../common/errors.js';
import { toPage, type Page, PageInput } from '../../common/pagination.js';
import { assertNotArchived } from '../../common/validators.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { AuditService } from '../audit/audit.service.js';
import { Activity } from '../activity/activity.entity.js';
import { assertMayVerify } from '../ownership/write-rule.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { Availability } from '../person/person.entity.js';
import { formalRegistrationGaps, formalRegistrationGapsText } from '../person/person.rules.js';
import { Agreement, AgreementStatus } from '../agreement/agreement.entity.js';
import { ContactAssignment } from '../contact-assignment/contact-assignment.entity.js';
import { MarkVerifiedInput, ReviewReason, VerifiableType } from './dto/verification.input.js';
import { isStale, reviewCutoff } from './review-period.js';
import type { ReviewItem, VerificationResult } from './verification.model.js';

/** Narrows the review queue: `mine` to the actor's own teams, `teamId` to one team. */
export interface ReviewScope {
  mine?: boolean | null;
  teamId?: string | null;
}

const ENTITY = {
  [VerifiableType.ORGANISATION]: Organisation,
  [VerifiableType.PERSON]: Person,
  [VerifiableType.AGREEMENT]: Agreement,
  [VerifiableType.ACTIVITY]: Activity,
} as const;
type Confirmable = keyof typeof ENTITY;
const WHAT = {
  [VerifiableType.ORGANISATION]: 'deze organisatie',
  [VerifiableType.PERSON]: 'deze persoon',
  [VerifiableType.AGREEMENT]: 'deze afspraak',
  [VerifiableType.ACTIVITY]: 'dit spreekuur',
} as const;
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const dutchDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS_NL[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

@Injectable()
export class VerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  get reviewAfterMonths(): number {
    return this.config.reviewAfterMonths > 0 ? this.config.reviewAfterMonths : 12;
  }

  isStale(lastVerifiedOn: string | null, today = todayIso()): boolean {
    return isStale(lastVerifiedOn, today, this.reviewAfterMonths);
  }

  /** "Still correct": only lastVerifiedOn changes (and the audit log records it). */
  async markVerified(actor: Actor | null, input: MarkVerifiedInput): Promise<VerificationResult> {
    this.access.requireSignedIn(actor);
    if (input.entityType === VerifiableType.CONTACT_ASSIGNMENT) {
      throw badInput('entityType', 'Een vaste contactpersoon die is vertrokken lost u op door een nieuwe vaste contactpersoon aan te wijzen');
    }
    const type: Confirmable = input.entityType;
    const today = todayIso();
    const verifiedOn = input.verifiedOn ?? today;
    if (verifiedOn > today) throw badInput('verifiedOn', 'De controledatum ligt in de toekomst');
    const entity = ENTITY[type];
    const record = await this.dataSource.manager.findOneBy<Organisation | Person | Agreement | Activity>(entity, { id: input.id });
    if (!record) throw notFound('id', `'${input.id}' bestaat niet`);
    const what = WHAT[type];
    assertNotArchived(record, what.charAt(0).toUpperCase() + what.slice(1));
    const owners =
      type === VerifiableType.PERSON
        ? await this.ownership.teamsOfPerson(record.id)
        : type === VerifiableType.AGREEMENT
          ? this.ownership.teamsOfAgreement(record as Agreement)
          : type === VerifiableType.ACTIVITY
            ? await this.ownership.teamsOfActivity(record as Activity)
            : await this.ownership.teamsOfOrganisation(record.id);
    // The verify rule, not the edit rule: a member may confirm what belongs to their team (write-rule.ts).
    assertMayVerify(actor, owners, what);
    await this.dataSource.transaction(async (em) => {
      // Deliberately not touching updatedAt: verifying is not a change of the entry.
      await em
        .createQueryBuilder()
        .update(entity)
        .set({ lastVerifiedOn: verifiedOn } as never)
        .where('id = :id', { id: record.id })
        .execute();
      await this.audit.record(em, actor, {
        action: 'markVerified',
        entityType: entity.name,
        entityId: record.id,
        before: { lastVerifiedOn: record.lastVerifiedOn },
        after: { lastVerifiedOn: verifiedOn },
      });
    });
    return { entityType: input.entityType, id: record.id, lastVerifiedOn: verifiedOn, isStale: this.isStale(verifiedOn, today) };
  }

  /**
   * What needs a look, never verified first, then oldest: active organisations and persons never verified or not for the
   * review period; active agreements past their review date; running agreements that still name someone who is no longer
   * the fixed contact person of that side (after a new one was assigned). `scope` narrows the queue to entries that
   * belong (OwnershipService) to the actor's own teams (`mine`) or to one team.
   */
  async reviewQueue(
    actor: Actor | null,
    entityType: VerifiableType | undefined,
    page: PageInput = new PageInput(),
    scope: ReviewScope = {},
  ): Promise<Page<ReviewItem>> {
    const signedIn = this.access.requireSignedIn(actor);
    const teamIds = await this.scopeTeams(signedIn, scope);
    const today = todayIso();
    const cutoff = reviewCutoff(today, this.reviewAfterMonths);
    const due = async (type: VerifiableType.ORGANISATION | VerifiableType.PERSON): Promise<ReviewItem[]> => {
      const rows: { id: string; name: string; lastVerifiedOn: string | null }[] = await this.dataSource.manager
        .createQueryBuilder(ENTITY[type], 'r')
        .select(['r.id AS "id"', 'r.name AS "name"', 'r.lastVerifiedOn AS "lastVerifiedOn"'])
        .where('r.archivedAt IS NULL')
        .andWhere('(r.lastVerifiedOn IS NULL OR r.lastVerifiedOn <= :cutoff)', { cutoff })
        .getRawMany();
      return rows.map((r) => ({
        entityType: type,
        id: r.id,
        name: r.name,
        lastVerifiedOn: r.lastVerifiedOn,
        neverVerified: !r.lastVerifiedOn,
        monthsSinceVerified: r.lastVerifiedOn ? monthsBetween(r.lastVerifiedOn, today) : null,
        reason: r.lastVerifiedOn ? ReviewReason.STALE : ReviewReason.NEVER_VERIFIED,
        reasonText: r.lastVerifiedOn ? `Niet gecontroleerd sinds ${dutchDate(r.lastVerifiedOn)}` : 'Nooit gecontroleerd',
      }));
    };
    const types = entityType
      ? [entityType]
      : [VerifiableType.ORGANISATION, VerifiableType.PERSON, VerifiableType.AGREEMENT, VerifiableType.ACTIVITY, VerifiableType.CONTACT_ASSIGNMENT];
    const owned = teamIds && {
      [VerifiableType.ORGANISATION]: types.includes(VerifiableType.ORGANISATION) ? await this.ownership.organisationsOfTeams(teamIds) : new Set<string>(),
      [VerifiableType.PERSON]: types.includes(VerifiableType.PERSON) ? await this.ownership.personsOfTeams(teamIds) : new Set<string>(),
    };
    const lists: ReviewItem[][] = [];
    // One after the other: on SQLite they share one connection anyway, and the statement count stays predictable.
    for (const type of types) {
      if (type === VerifiableType.AGREEMENT) lists.push(await this.agreementsDue(today, teamIds));
      else if (type === VerifiableType.ACTIVITY) lists.push(await this.activitiesDue(today, cutoff, teamIds));
      else if (type === VerifiableType.CONTACT_ASSIGNMENT) lists.push(await this.contactsLeft(today, teamIds));
      else if (type === VerifiableType.PERSON) lists.push(withIncompleteRegistrations(await due(type), await this.incompleteRegistrations(today)));
      else lists.push(await due(type));
    }
    const all = lists
      .flat()
      .filter((item) => !owned || !(item.entityType in owned) || owned[item.entityType as keyof typeof owned].has(item.id))
      .sort((a, b) => (a.lastVerifiedOn ?? '').localeCompare(b.lastVerifiedOn ?? '') || a.name.localeCompare(b.name, 'nl'));
    // ReviewItem.organisation and .person load the records themselves, batched (verification.resolver.ts).
    return toPage(all.slice(page.offset, page.offset + page.limit), all.length, page);
  }

  /**
   * Agreements that need a look: ACTIVE ones past their review date, and running ones (draft or active) that still name a
   * former fixed contact person of their team, or of their partner organisation. One item per agreement (review date first).
   */
  private async agreementsDue(today: string, teamIds: string[] | undefined): Promise<ReviewItem[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Agreement, 'a')
      .select([
        'a.id',
        'a.title',
        'a.status',
        'a.teamId',
        'a.organisationId',
        'a.teamContactPersonId',
        'a.partnerContactPersonId',
        'a.reviewOn',
        'a.lastVerifiedOn',
      ])
      .where('a.archivedAt IS NULL')
      .andWhere('a.status <> :ended', { ended: AgreementStatus.ENDED });
    if (teamIds) qb.andWhere('a.teamId IN (:...teamIds)', { teamIds });
    const running = await qb.getMany();
    if (!running.length) return [];
    // Fixed contacts per party: who is current, and who was before. Only the assignments of the persons these
    // agreements name (not the whole history of every party), in chunks to stay under the bind-parameter limits.
    const named = [...new Set(running.flatMap((a) => [a.teamContactPersonId, a.partnerContactPersonId]).filter((id): id is string => !!id))];
    const assignments: ContactAssignment[] = [];
    for (let i = 0; i < named.length; i += 500) {
      assignments.push(
        ...(await this.dataSource.manager
          .createQueryBuilder(ContactAssignment, 'ca')
          .select(['ca.teamId', 'ca.organisationId', 'ca.personId', 'ca.until'])
          .where('ca.personId IN (:...ids)', { ids: named.slice(i, i + 500) })
          .getMany()),
      );
    }
    const current = new Set<string>();
    const former = new Set<string>();
    for (const ca of assignments) {
      const key = `${ca.teamId ?? ca.organisationId}:${ca.personId}`;
      (ca.until ? former : current).add(key);
    }
    const wasContact = (party: string | null, personId: string | null) =>
      !!party && !!personId && former.has(`${party}:${personId}`) && !current.has(`${party}:${personId}`);
    const items: ReviewItem[] = [];
    for (const a of running) {
      const base = {
        entityType: VerifiableType.AGREEMENT,
        id: a.id,
        name: a.title,
        lastVerifiedOn: a.lastVerifiedOn,
        neverVerified: !a.lastVerifiedOn,
        monthsSinceVerified: a.lastVerifiedOn ? monthsBetween(a.lastVerifiedOn, today) : null,
      };
      if (a.status === AgreementStatus.ACTIVE && a.reviewOn && a.reviewOn < today) {
        items.push({ ...base, reason: ReviewReason.REVIEW_DATE_PASSED, reasonText: `Evaluatiedatum ${dutchDate(a.reviewOn)} is voorbij` });
      } else if (wasContact(a.teamId, a.teamContactPersonId) || wasContact(a.organisationId, a.partnerContactPersonId)) {
        items.push({ ...base, reason: ReviewReason.FORMER_CONTACT, reasonText: 'Noemt een vaste contactpersoon die is opgevolgd' });
      }
    }
    return items;
  }

  /** Active formal interpreters whose Rbtv level or end date is missing (registered before both were required). */
  private async incompleteRegistrations(today: string): Promise<ReviewItem[]> {
    const rows: {
      id: string;
      name: string;
      lastVerifiedOn: string | null;
      isInterpreter: unknown;
      interpreterKind: string | null;
      interpreterFormal: unknown;
      interpreterLevel: string | null;
      registrationEndsOn: string | null;
    }[] = await this.dataSource.manager
      .createQueryBuilder(Person, 'p')
      .select([
        'p.id AS "id"',
        'p.name AS "name"',
        'p.lastVerifiedOn AS "lastVerifiedOn"',
        'p.isInterpreter AS "isInterpreter"',
        'p.interpreterKind AS "interpreterKind"',
        'p.interpreterFormal AS "interpreterFormal"',
        'p.interpreterLevel AS "interpreterLevel"',
        'p.registrationEndsOn AS "registrationEndsOn"',
      ])
      .where('p.archivedAt IS NULL')
      .andWhere('p.isInterpreter = :yes', { yes: true })
      .andWhere('(p.interpreterLevel IS NULL OR p.registrationEndsOn IS NULL)')
      .getRawMany();
    return rows.flatMap((r) => {
      const gaps = formalRegistrationGaps(r);
      if (!gaps.length) return [];
      return [
        {
          entityType: VerifiableType.PERSON,
          id: r.id,
          name: r.name,
          lastVerifiedOn: r.lastVerifiedOn,
          neverVerified: !r.lastVerifiedOn,
          monthsSinceVerified: r.lastVerifiedOn ? monthsBetween(r.lastVerifiedOn, today) : null,
          reason: ReviewReason.REGISTRATION_INCOMPLETE,
          reasonText: formalRegistrationGapsText(gaps),
        },
      ];
    });
  }

  /** Walk-in hours still running (not archived, not past their end) that were never verified or not for the review period. */
  private async activitiesDue(today: string, cutoff: string, teamIds: string[] | undefined): Promise<ReviewItem[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Activity, 'a')
      .select(['a.id', 'a.name', 'a.lastVerifiedOn', 'a.agreementId', 'a.organisationId', 'a.neighbourhoodCode'])
      .where('a.archivedAt IS NULL')
      .andWhere('(a.validUntil IS NULL OR a.validUntil >= :today)', { today })
      .andWhere('(a.lastVerifiedOn IS NULL OR a.lastVerifiedOn <= :cutoff)', { cutoff })
      .getMany();
    const owners = teamIds && rows.length ? await this.ownership.teamsOfActivities(rows) : undefined;
    return rows
      .filter((a) => !owners || teamIds!.some((t) => owners.get(a.id)?.includes(t)))
      .map((a) => ({
        entityType: VerifiableType.ACTIVITY,
        id: a.id,
        name: a.name,
        lastVerifiedOn: a.lastVerifiedOn,
        neverVerified: !a.lastVerifiedOn,
        monthsSinceVerified: a.lastVerifiedOn ? monthsBetween(a.lastVerifiedOn, today) : null,
        reason: a.lastVerifiedOn ? ReviewReason.STALE : ReviewReason.NEVER_VERIFIED,
        reasonText: a.lastVerifiedOn ? `Spreekuur niet gecontroleerd sinds ${dutchDate(a.lastVerifiedOn)}` : 'Spreekuur nooit gecontroleerd',
      }));
  }

  /**
   * Current fixed contact persons who left: their person record is archived or erased, a team's contact is no longer
   * in that team (their own team is another one), or they are not available any more. One statement.
   */
  private async contactsLeft(today: string, teamIds: string[] | undefined): Promise<ReviewItem[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder()
      .select('"ca"."id"', 'id')
      .addSelect('"ca"."teamId"', 'teamId')
      .addSelect('"ca"."organisationId"', 'organisationId')
      .addSelect('"ca"."personId"', 'personId')
      .addSelect('"p"."name"', 'personName')
      .addSelect('"p"."archivedAt"', 'archivedAt')
      .addSelect('"p"."teamId"', 'personTeamId')
      .addSelect('"p"."availability"', 'availability')
      .addSelect('"p"."lastVerifiedOn"', 'lastVerifiedOn')
      .addSelect('COALESCE("t"."name", "o"."name")', 'partyName')
      .from('contact_assignment', 'ca')
      .innerJoin('person', 'p', '"p"."id" = "ca"."personId"')
      .leftJoin('team', 't', '"t"."id" = "ca"."teamId"')
      .leftJoin('organisation', 'o', '"o"."id" = "ca"."organisationId"')
      .where('"ca"."until" IS NULL')
      .andWhere('("t"."archivedAt" IS NULL AND "o"."archivedAt" IS NULL)')
      .andWhere(
        '("p"."archivedAt" IS NOT NULL OR "p"."availability" = :unavailable OR ("ca"."teamId" IS NOT NULL AND "p"."teamId" IS NOT NULL AND "p"."teamId" <> "ca"."teamId"))',
        { unavailable: Availability.UNAVAILABLE },
      );
    const rows: {
      id: string;
      teamId: string | null;
      organisationId: string | null;
      personId: string;
      personName: string;
      archivedAt: string | null;
      personTeamId: string | null;
      availability: string;
      lastVerifiedOn: string | null;
      partyName: string;
    }[] = await qb.getRawMany();
    const organisationTeams = teamIds
      ? await this.ownership.teamsOfOrganisations([...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))])
      : undefined;
    const ownedBy = (r: (typeof rows)[number]) =>
      !teamIds || (r.teamId ? teamIds.includes(r.teamId) : teamIds.some((t) => organisationTeams?.get(r.organisationId!)?.includes(t)));
    return rows.filter(ownedBy).map((r) => ({
      entityType: VerifiableType.CONTACT_ASSIGNMENT,
      id: r.id,
      name: `${r.partyName}: ${r.personName}`,
      lastVerifiedOn: r.lastVerifiedOn,
      neverVerified: !r.lastVerifiedOn,
      monthsSinceVerified: r.lastVerifiedOn ? monthsBetween(r.lastVerifiedOn, today) : null,
      reason: ReviewReason.CONTACT_LEFT,
      reasonText: r.archivedAt
        ? 'De vaste contactpersoon is gearchiveerd of verwijderd'
        : r.availability === Availability.UNAVAILABLE
          ? 'De vaste contactpersoon is niet meer beschikbaar'
          : 'De vaste contactpersoon hoort niet meer bij dit team',
      teamId: r.teamId,
      organisationId: r.organisationId,
      personId: r.personId,
    }));
  }

  /** The teams the queue is narrowed to, or undefined for the whole queue. */
  private async scopeTeams(actor: Actor, scope: ReviewScope): Promise<string[] | undefined> {
    const { mine, teamId } = scope;
    if (teamId !== undefined && teamId !== null) {
      const id = teamId.trim();
      if (!id || id.length > 36) throw badInput('teamId', `'${teamId.slice(0, 40)}' is geen team-id`);
      const team = await this.dataSource.manager.findOne(Team, { where: { id }, select: { id: true } });
      if (!team) throw notFound('teamId', `Team '${id}' bestaat niet`);
      if (mine && !actor.teamIds.includes(id)) throw badInput('teamId', 'Dit team is niet een van uw teams; zet "Alleen mijn teams" uit om het te kiezen');
      return [id];
    }
    if (!mine) return undefined;
    if (!actor.teamIds.length) throw badInput('mine', 'U hoort bij geen team, dus er is niets om op te filteren: zet "Alleen mijn teams" uit');
    return actor.teamIds;
  }
}

/** One entry per person: an incomplete registration replaces a stale entry of the same person (it needs an edit, not "still correct"). */
function withIncompleteRegistrations(due: ReviewItem[], incomplete: ReviewItem[]): ReviewItem[] {
  const byId = new Map(due.map((item) => [item.id, item]));
  for (const item of incomplete) byId.set(item.id, item);
  return [...byId.values()];
}
