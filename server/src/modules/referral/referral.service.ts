import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { aggregateCount } from '../../common/aggregate-count.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { type Page, PageInput, toPage } from '../../common/pagination.js';
import { assertNoViolations } from '../../common/rules.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { PartnerKind } from '../matching/models/match.model.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PersonService } from '../person/person.service.js';
import { TeamService } from '../team/team.service.js';
import type { RecordReferralInput, RecordReferralOutcomeInput, ReferralCountFilterInput } from './dto/referral.input.js';
import type { ReferralCount, ReferralLoad } from './models/referral.models.js';
import { Referral, type ReferralOutcome } from './referral.entity.js';
import { type ReferralCountRow, ReferralRepository } from './referral.repository.js';
import { referralViolations } from './referral.rules.js';

/**
 * The referral log (contactmomenten): a team member records which partner their team asked, and later
 * the outcome. Members record for their own teams (an administrator for any); policy officers see the
 * counts only, with 1–4 masked.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly repository: ReferralRepository,
    private readonly persons: PersonService,
    private readonly organisations: OrganisationService,
    private readonly teams: TeamService,
    private readonly neighbourhoods: NeighbourhoodService,
    private readonly languages: LanguageService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async record(actor: Actor | null, input: RecordReferralInput, today = todayIso()): Promise<Referral> {
    const signedIn = this.requireOwnTeam(actor, input.teamId);
    const team = await this.teams.get(input.teamId, 'teamId');
    if (team.archivedAt) throw new DomainError(ErrorCode.ARCHIVED, `Team '${team.name}' is gearchiveerd`, 'teamId');
    const referral = Object.assign(new Referral(), {
      personId: null as string | null,
      organisationId: null as string | null,
      teamId: team.id,
      neighbourhoodCode: assertNeighbourhoodCode(input.neighbourhoodCode, 'neighbourhoodCode'),
      topic: input.topic,
      languageCode: this.languages.resolve(input.language, 'language').code,
      referredOn: input.referredOn,
      outcome: input.outcome,
      outcomeRecordedOn: input.outcome ? today : null,
    });
    assertNoViolations(referralViolations({ ...referral, personId: input.partnerId }, today));
    await this.neighbourhoods.get(referral.neighbourhoodCode, 'neighbourhoodCode');
    if (input.partnerKind === PartnerKind.PERSON) {
      const person = await this.persons.findById(input.partnerId);
      if (!person) throw notFound('partnerId', `Persoon '${input.partnerId}' bestaat niet`);
      if (person.archivedAt || person.erasedAt)
        throw new DomainError(ErrorCode.ARCHIVED, 'Deze persoon is gearchiveerd: vraag een actieve partner', 'partnerId');
      referral.personId = person.id;
    } else {
      const organisation = await this.organisations.findById(input.partnerId);
      if (!organisation) throw notFound('partnerId', `Organisatie '${input.partnerId}' bestaat niet`);
      if (organisation.archivedAt) throw new DomainError(ErrorCode.ARCHIVED, 'Deze organisatie is gearchiveerd: vraag een actieve partner', 'partnerId');
      referral.organisationId = organisation.id;
    }
    await this.dataSource.transaction(async (em) => {
      await this.repository.insert(em, referral);
      await this.audit.record(em, signedIn, { action: 'recordReferral', entityType: 'Referral', entityId: referral.id, after: { ...referral } });
    });
    return (await this.repository.findById(referral.id))!;
  }

  async recordOutcome(actor: Actor | null, input: RecordReferralOutcomeInput, today = todayIso()): Promise<Referral> {
    this.access.requireSignedIn(actor);
    const referral = await this.repository.findById(input.id);
    if (!referral) throw notFound('id', `Contactmoment '${input.id}' bestaat niet`);
    // Another team's contact moment is refused at the field the caller sent (`id`), not at a teamId they never sent.
    const signedIn = this.requireOwnTeam(actor, referral.teamId, 'id');
    assertNoViolations(referralViolations({ ...referral, outcome: input.outcome }, today));
    await this.dataSource.transaction(async (em) => {
      await this.repository.setOutcome(em, referral.id, input.outcome, today, nowIso());
      await this.audit.record(em, signedIn, {
        action: 'recordReferralOutcome',
        entityType: 'Referral',
        entityId: referral.id,
        before: { outcome: referral.outcome },
        after: { outcome: input.outcome },
      });
    });
    return (await this.repository.findById(referral.id))!;
  }

  /** The referrals of the actor's own teams (all for an administrator), newest first. */
  async list(actor: Actor | null, teamId: string | null | undefined, page: PageInput = new PageInput(), partnerId?: string | null): Promise<Page<Referral>> {
    const signedIn = this.access.requirePersonalData(actor);
    let teamIds = signedIn.role === UserRole.ADMINISTRATOR ? null : signedIn.teamIds;
    if (teamId) {
      this.requireOwnTeam(signedIn, teamId);
      teamIds = [teamId];
    }
    const { items, total } = teamIds
      ? await this.repository.listForTeams(teamIds, page.limit, page.offset, partnerId ?? undefined)
      : await this.repository.listForTeams(
          (await this.teams.list()).map((t) => t.id),
          page.limit,
          page.offset,
          partnerId ?? undefined,
        );
    return toPage(items, total, page);
  }

  /** Load per partner, for the loaders of Person.referralLoad and Organisation.referralLoad: one statement. */
  async loads(
    actor: Actor | null,
    partners: readonly { id: string; maxReferralsPerMonth?: number | null }[],
    today = todayIso(),
  ): Promise<(ReferralLoad | null)[]> {
    if (!this.access.canSeePersonalData(actor)) return partners.map(() => null);
    const rows = await this.repository.loads(
      partners.map((p) => p.id),
      today,
    );
    return partners.map((p) => {
      const row = rows.get(p.id) ?? { last30Days: 0, last90Days: 0 };
      const max = p.maxReferralsPerMonth ?? null;
      return { ...row, maxPerMonth: max, atMaximum: max !== null && row.last30Days >= max };
    });
  }

  /** Counts per team, buurt and outcome (1–4 masked for those who see aggregates only). */
  async counts(actor: Actor | null, filter: ReferralCountFilterInput = {}, page: PageInput = new PageInput()): Promise<Page<ReferralCount>> {
    const signedIn = this.access.requireSignedIn(actor);
    const aggregatesOnly = this.access.seesAggregatesOnly(signedIn);
    const { rows, total } = await this.repository.counts(
      {
        teamIds: filter.teamIds ?? undefined,
        neighbourhoodCodes: filter.neighbourhoodCodes?.map((c, i) => assertNeighbourhoodCode(c, `neighbourhoodCodes.${i}`)),
        from: filter.from ?? undefined,
        to: filter.to ?? undefined,
      },
      page.limit,
      page.offset,
    );
    return toPage(
      rows.map((r) => ({ teamId: r.teamId, neighbourhoodCode: r.neighbourhoodCode, outcome: r.outcome, count: aggregateCount(r.count, aggregatesOnly) })),
      total,
      page,
    );
  }

  /** Raw counts per buurt and outcome, for the reach view (which masks what it shows). */
  async countsForNeighbourhoods(codes: string[], from?: string, to?: string): Promise<Map<string, Record<ReferralOutcome, number>>> {
    const { rows } = await this.repository.counts({ neighbourhoodCodes: codes, from, to }, Number.MAX_SAFE_INTEGER, 0);
    const out = new Map<string, Record<ReferralOutcome, number>>();
    for (const r of rows as ReferralCountRow[]) {
      const entry = out.get(r.neighbourhoodCode) ?? { REACHED: 0, NOT_REACHED: 0, PARTNER_DECLINED: 0, ONGOING: 0 };
      entry[r.outcome] += r.count;
      out.set(r.neighbourhoodCode, entry);
    }
    return out;
  }

  /** Team members record for their own teams; an administrator for any; a policy officer for none. */
  private requireOwnTeam(actor: Actor | null, teamId: string, field = 'teamId'): Actor {
    const signedIn = this.access.requirePersonalData(actor);
    if (signedIn.role !== UserRole.ADMINISTRATOR && !signedIn.teamIds.includes(teamId)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'U legt alleen contactmomenten vast voor uw eigen team', field);
    }
    return signedIn;
  }
}
