import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { badInput, notFound } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { reviewCutoff } from '../verification/review-period.js';
import { ReachService } from '../reach/reach.service.js';
import type { RecordQuickScanRoundInput } from './dto/quickscan.input.js';
import { QUICKSCAN_SOURCE, QUICKSCAN_STATEMENTS, QUICKSCAN_THEMES } from './quickscan-statements.js';
import { QuickScanAnswer, QuickScanRound } from './quickscan.entity.js';
import type { QuickScanEvidence, QuickScanStatement } from './quickscan.models.js';

const BAND_WEIGHT: Record<string, number> = { FEW_HOUSEHOLDS: 10, GROUP: 50, LARGE_GROUP: 250 };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The team's QuickScan (002): rounds kept side by side, and what the directory shows beside statements 2, 12, 16 and 19. */
@Injectable()
export class QuickScanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly reach: ReachService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  statements(): QuickScanStatement[] {
    return QUICKSCAN_STATEMENTS.map((st) => ({
      number: st.number,
      theme: st.theme,
      themeNl: QUICKSCAN_THEMES[st.theme].nl,
      themeEn: QUICKSCAN_THEMES[st.theme].en,
      textNl: st.nl,
      textEn: st.en,
      tipNl: st.tipNl,
      tipEn: st.tipEn,
      source: QUICKSCAN_SOURCE,
    }));
  }

  private async assertTeam(teamId: string): Promise<void> {
    const team = await this.dataSource.createQueryBuilder().from('team', 't').select('t.id', 'id').where('t.id = :id', { id: teamId }).getRawOne();
    if (!team) throw notFound('teamId', 'Dit team bestaat niet');
  }

  /** A team's rounds, newest first, with their answers. */
  async rounds(actor: Actor | null, teamId: string): Promise<QuickScanRound[]> {
    this.access.requirePersonalData(actor);
    await this.assertTeam(teamId);
    const rounds = await this.dataSource.getRepository(QuickScanRound).find({ where: { teamId }, order: { heldOn: 'DESC', createdAt: 'DESC' }, take: 50 });
    const answers = rounds.length
      ? await this.dataSource
          .getRepository(QuickScanAnswer)
          .createQueryBuilder('a')
          .where('a.roundId IN (:...ids)', { ids: rounds.map((r) => r.id) })
          .orderBy('a.statement', 'ASC')
          .getMany()
      : [];
    for (const round of rounds) round.answers = answers.filter((a) => a.roundId === round.id);
    return rounds;
  }

  async record(actor: Actor | null, input: RecordQuickScanRoundInput): Promise<QuickScanRound> {
    const signedIn = this.access.assertCanEdit(actor, [input.teamId], 'de QuickScan van dit team');
    await this.assertTeam(input.teamId);
    if (input.heldOn > todayIso()) throw badInput('heldOn', 'Datum ligt in de toekomst');
    const seen = new Set<number>();
    input.answers.forEach((a, i) => {
      if (seen.has(a.statement)) throw badInput(`answers.${i}.statement`, `Stelling ${a.statement} staat er twee keer in`);
      seen.add(a.statement);
    });
    return this.dataSource.transaction(async (em) => {
      const round = em
        .getRepository(QuickScanRound)
        .create({ id: randomUUID(), teamId: input.teamId, heldOn: input.heldOn, note: input.note?.trim() || null, createdAt: nowIso() });
      await em.getRepository(QuickScanRound).insert(round);
      const answers = input.answers.map((a) => ({ roundId: round.id, statement: a.statement, score: a.score ?? null, note: a.note?.trim() || null }));
      if (answers.length) await em.getRepository(QuickScanAnswer).insert(answers);
      await this.audit.record(em, signedIn, { action: 'recordQuickScanRound', entityType: 'QuickScanRound', entityId: round.id, after: { ...round, answers } });
      round.answers = answers as QuickScanAnswer[];
      return round;
    });
  }

  /** Beside statements 2, 12, 16 and 19: what the directory holds for the team's own buurten. */
  async evidence(actor: Actor | null, teamId: string): Promise<QuickScanEvidence[]> {
    this.access.requirePersonalData(actor);
    await this.assertTeam(teamId);
    const codes = (
      await this.dataSource
        .createQueryBuilder()
        .from('team_neighbourhood', 'tn')
        .select('tn."neighbourhoodCode"', 'code')
        .where('tn."teamId" = :teamId', { teamId })
        .getRawMany<{ code: string }>()
    ).map((r) => r.code);
    const matrix = codes.length ? await this.reach.matrix({ neighbourhoodCodes: codes }) : null;
    const km = String(this.reach.settings.distanceKm).replace('.', ',');
    // The five largest groups of the team's buurten, each partner counted once over the buurten.
    const byGroup = new Map<string, { weight: number; keyPersons: Set<string>; formal: Set<string>; informal: Set<string> }>();
    for (const c of matrix?.cells ?? []) {
      const g = byGroup.get(c.groupKey) ?? { weight: 0, keyPersons: new Set(), formal: new Set(), informal: new Set() };
      g.weight += c.estimate ?? BAND_WEIGHT[c.band ?? ''] ?? 1;
      c.keyPersons.forEach((id) => g.keyPersons.add(id));
      c.formalInterpreters.forEach((id) => g.formal.add(id));
      c.informalInterpreters.forEach((id) => g.informal.add(id));
      byGroup.set(c.groupKey, g);
    }
    const names = new Map((matrix?.groups ?? []).map((g) => [g.key, `${g.nameNl}${g.languageCodes.length ? ` (${g.languageCodes.join(', ')})` : ''}`]));
    const largest = [...byGroup.entries()].sort((a, b) => b[1].weight - a[1].weight).slice(0, 5);
    const none = ['Nog geen buurtanalyse voor de buurten van dit team: leg vast welke groepen er wonen.'];
    const statement2 = largest.length
      ? largest.map(
          ([key, g]) =>
            `${names.get(key)}: ${plural(g.keyPersons.size, 'sleutelpersoon', 'sleutelpersonen')} en ${plural(g.informal.size, 'informele tolk', 'informele tolken')} binnen ${km} km`,
        )
      : none;
    const statement12 = largest.length
      ? largest.map(([key, g]) => `${names.get(key)}: ${plural(g.formal.size, 'formele tolk', 'formele tolken')} binnen ${km} km`)
      : none;

    const cutoff = reviewCutoff(todayIso(), this.config.reviewAfterMonths);
    const supporters = codes.length
      ? Number(
          (
            await this.dataSource
              .createQueryBuilder()
              .from('person', 'p')
              .innerJoin('person_neighbourhood', 'pn', 'pn."personId" = p.id')
              .select('COUNT(DISTINCT p.id)', 'n')
              .where('p."archivedAt" IS NULL')
              .andWhere('p."isKeyPerson" = :yes AND p."trainedKeyPerson" = :yes AND p."volunteerContract" = :yes', { yes: true })
              .andWhere('p."lastVerifiedOn" > :cutoff', { cutoff })
              .andWhere('pn."neighbourhoodCode" IN (:...codes)', { codes })
              .getRawOne<{ n: unknown }>()
          )?.n ?? 0,
        )
      : 0;
    const today = todayIso();
    const agreements = await this.dataSource
      .createQueryBuilder()
      .from('agreement', 'a')
      .select('SUM(CASE WHEN a."personId" IS NOT NULL THEN 1 ELSE 0 END)', 'persons')
      .addSelect('SUM(CASE WHEN a."organisationId" IS NOT NULL THEN 1 ELSE 0 END)', 'organisations')
      .where('a."teamId" = :teamId', { teamId })
      .andWhere('a."archivedAt" IS NULL')
      .andWhere('a.status = :active', { active: 'ACTIVE' })
      .andWhere('a."startsOn" <= :today AND (a."endsOn" IS NULL OR a."endsOn" >= :today)', { today })
      .getRawOne<{ persons: unknown; organisations: unknown }>();
    return [
      { statement: 2, lines: statement2 },
      { statement: 12, lines: statement12 },
      {
        statement: 16,
        lines: [
          `${plural(supporters, 'getrainde sleutelpersoon', 'getrainde sleutelpersonen')} met vrijwilligerscontract, actueel, in de buurten van het team`,
        ],
      },
      {
        statement: 19,
        lines: [
          `${plural(Number(agreements?.persons ?? 0), 'actieve afspraak', 'actieve afspraken')} met sleutelpersonen`,
          `${plural(Number(agreements?.organisations ?? 0), 'actieve afspraak', 'actieve afspraken')} met organisaties`,
        ],
      },
    ];
  }
}
