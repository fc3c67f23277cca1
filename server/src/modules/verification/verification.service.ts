import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayIso } from '../../common/base.entity.js';
import { badInput, notFound } from '../../common/errors.js';
import { toPage, type Page, PageInput } from '../../common/pagination.js';
import { assertNotArchived } from '../../common/validators.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Person } from '../person/person.entity.js';
import { Team } from '../team/team.entity.js';
import { MarkVerifiedInput, VerifiableType } from './dto/verification.input.js';
import { isStale, reviewCutoff } from './review-period.js';
import type { ReviewItem, VerificationResult } from './verification.model.js';

/** Narrows the review queue: `mine` to the actor's own teams, `teamId` to one team. */
export interface ReviewScope {
  mine?: boolean | null;
  teamId?: string | null;
}

const ENTITY = { [VerifiableType.ORGANISATION]: Organisation, [VerifiableType.PERSON]: Person } as const;

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
    const today = todayIso();
    const verifiedOn = input.verifiedOn ?? today;
    if (verifiedOn > today) throw badInput('verifiedOn', 'De controledatum ligt in de toekomst');
    const entity = ENTITY[input.entityType];
    const record = await this.dataSource.manager.findOneBy(entity, { id: input.id });
    if (!record) throw notFound('id', `'${input.id}' bestaat niet`);
    assertNotArchived(record, input.entityType === VerifiableType.PERSON ? 'Deze persoon' : 'Deze organisatie');
    const owners = input.entityType === VerifiableType.PERSON
      ? await this.ownership.teamsOfPerson(record.id)
      : await this.ownership.teamsOfOrganisation(record.id);
    this.access.assertCanEdit(actor, owners, input.entityType === VerifiableType.PERSON ? 'deze persoon' : 'deze organisatie');
    await this.dataSource.transaction(async (em) => {
      // Deliberately not touching updatedAt: verifying is not a change of the entry.
      await em.createQueryBuilder().update(entity).set({ lastVerifiedOn: verifiedOn } as never).where('id = :id', { id: record.id }).execute();
      await this.audit.record(em, actor, {
        action: 'markVerified', entityType: entity.name, entityId: record.id,
        before: { lastVerifiedOn: record.lastVerifiedOn }, after: { lastVerifiedOn: verifiedOn },
      });
    });
    return { entityType: input.entityType, id: record.id, lastVerifiedOn: verifiedOn, isStale: this.isStale(verifiedOn, today) };
  }

  /**
   * Active organisations and persons never verified or not for the review period: never verified first, then oldest.
   * `scope` narrows the queue to entries that belong (OwnershipService) to the actor's own teams (`mine`) or to one team.
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
    const due = async (type: VerifiableType): Promise<ReviewItem[]> => {
      const rows: { id: string; name: string; lastVerifiedOn: string | null }[] = await this.dataSource.manager
        .createQueryBuilder(ENTITY[type], 'r').select(['r.id AS "id"', 'r.name AS "name"', 'r.lastVerifiedOn AS "lastVerifiedOn"'])
        .where('r.archivedAt IS NULL').andWhere('(r.lastVerifiedOn IS NULL OR r.lastVerifiedOn <= :cutoff)', { cutoff }).getRawMany();
      return rows.map((r) => ({
        entityType: type, id: r.id, name: r.name, lastVerifiedOn: r.lastVerifiedOn, neverVerified: !r.lastVerifiedOn,
        monthsSinceVerified: r.lastVerifiedOn ? monthsBetween(r.lastVerifiedOn, today) : null,
      }));
    };
    const types = entityType ? [entityType] : [VerifiableType.ORGANISATION, VerifiableType.PERSON];
    const owned = teamIds && {
      [VerifiableType.ORGANISATION]: await this.ownership.organisationsOfTeams(teamIds),
      [VerifiableType.PERSON]: await this.ownership.personsOfTeams(teamIds),
    };
    const all = (await Promise.all(types.map(due))).flat()
      .filter((item) => !owned || owned[item.entityType].has(item.id))
      .sort((a, b) => (a.lastVerifiedOn ?? '').localeCompare(b.lastVerifiedOn ?? '') || a.name.localeCompare(b.name, 'nl'));
    // ReviewItem.organisation and .person load the records themselves, batched (verification.resolver.ts).
    return toPage(all.slice(page.offset, page.offset + page.limit), all.length, page);
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
