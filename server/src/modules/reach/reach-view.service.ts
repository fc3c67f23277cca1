import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { aggregateCount } from '../../common/aggregate-count.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { DomainError, ErrorCode, badInput } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig, servedMunicipalityCodes } from '../../config.js';
import { Activity } from '../activity/activity.entity.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { CommunityPresence, ReachSnapshotRecord } from './community-presence.entity.js';
import { CommunityPresenceService } from './community-presence.service.js';
import type { ReachMatrixInput } from './dto/community-presence.input.js';
import type { ReachCellDetail } from './models/reach-cell-detail.model.js';
import { GapStatus, type ReachCell, type ReachGroup, ReachLevel, type ReachMatrix, type ReachSnapshot } from './models/reach.models.js';
import { type CellResult, communityGroupKey, languageGroupKey, ReachService } from './reach.service.js';

/** Largest matrix answered over GraphQL (buurten); a whole country is a job for the snapshot, not a request. */
export const MAX_MATRIX_AREAS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What callers see of reach: counts masked for those who see aggregates only (policy officers,
 * anonymous), partners for team members; and the monthly snapshots kept for the trend.
 */
@Injectable()
export class ReachViewService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reach');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly reach: ReachService,
    private readonly presencesService: CommunityPresenceService,
    private readonly access: AccessPolicy,
    private readonly languages: LanguageService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async groups(actor: Actor | null): Promise<ReachGroup[]> {
    this.access.requireSignedIn(actor);
    return this.reach.groups();
  }

  async presences(actor: Actor | null, neighbourhoodCode: string | null): Promise<CommunityPresence[]> {
    // The analysis holds raw estimates (a "2" would single out a family): policy officers read the masked matrix instead.
    this.access.requirePersonalData(actor);
    return this.presencesService.list(actor, neighbourhoodCode);
  }

  private groupKeyOf(input: ReachMatrixInput): string | null {
    if (input.communityCode && input.language) throw badInput('language', 'Kies een gemeenschap of een taal, niet beide');
    if (input.communityCode) return communityGroupKey(input.communityCode.trim().toLowerCase());
    if (input.language) return languageGroupKey(this.languages.resolve(input.language, 'language').code);
    return null;
  }

  async matrix(actor: Actor | null, input: ReachMatrixInput): Promise<ReachMatrix> {
    this.access.requireSignedIn(actor);
    const municipalityCode = input.municipalityCode?.trim().toUpperCase() || this.config.municipalityCode;
    if (!/^GM\d{4}$/.test(municipalityCode)) throw badInput('municipalityCode', 'Gemeentecode moet GM gevolgd door 4 cijfers zijn');
    const result = await this.reach.matrix({
      municipalityCode,
      districtCode: input.districtCode ?? null,
      level: input.level ?? ReachLevel.NEIGHBOURHOOD,
      groupKey: this.groupKeyOf(input),
    });
    if (result.areas.length > MAX_MATRIX_AREAS) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Te veel buurten (${result.areas.length}); kies een gemeente of wijk (hoogstens ${MAX_MATRIX_AREAS})`,
        'municipalityCode',
      );
    }
    const aggregatesOnly = this.access.seesAggregatesOnly(actor);
    return {
      level: result.level,
      municipalityCode: result.municipalityCode,
      computedOn: result.computedOn,
      settings: result.settings,
      areas: result.areas,
      groups: result.groups,
      cells: result.cells.map((c) => this.toCell(c, aggregatesOnly)),
      gaps: result.gaps.map(({ weight: _weight, ...g }) => g),
    };
  }

  toCell(c: CellResult, aggregatesOnly: boolean): ReachCell {
    const count = (ids: string[]) => aggregateCount(ids.length, aggregatesOnly);
    return {
      areaCode: c.areaCode,
      groupKey: c.groupKey,
      status: c.status,
      band: c.band,
      observedOn: c.observedOn,
      estimate: c.estimate === null ? null : aggregateCount(c.estimate, aggregatesOnly),
      keyPersons: count(c.keyPersons),
      formalInterpreters: count(c.formalInterpreters),
      informalInterpreters: count(c.informalInterpreters),
      organisations: count(c.organisations),
      activeAgreements: count(c.activeAgreements),
      walkInHours: count(c.walkInHours),
      fixedContacts: count(c.fixedContacts),
      stalePartners: count([...c.stalePersons, ...c.staleOrganisations]),
      missing: c.missing,
    };
  }

  async cell(actor: Actor | null, neighbourhoodCode: string, groupKey: string): Promise<ReachCellDetail> {
    this.access.requireSignedIn(actor);
    const code = assertNeighbourhoodCode(neighbourhoodCode, 'neighbourhoodCode');
    const groups = await this.reach.groups();
    const group = groups.find((g) => g.key === groupKey);
    if (!group) throw badInput('groupKey', `'${groupKey}' is geen bekende gemeenschap of taalgroep`);
    const result = await this.reach.matrix({ neighbourhoodCodes: [code], groupKey });
    if (!result.areas.length) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt ${code} is niet bekend`, 'neighbourhoodCode');
    const found = result.cells[0];
    if (!found) throw badInput('groupKey', `${group.nameNl} is niet vastgelegd als aanwezig in ${result.areas[0].name}`);
    const personal = this.access.canSeePersonalData(actor);
    const persons = async (ids: string[]) =>
      personal && ids.length ? this.dataSource.getRepository(Person).find({ where: { id: In(ids) }, order: { name: 'ASC' } }) : [];
    const organisations = async (ids: string[]) =>
      ids.length ? this.dataSource.getRepository(Organisation).find({ where: { id: In(ids) }, order: { name: 'ASC' } }) : [];
    const fresh = [...new Set([...found.keyPersons, ...found.formalInterpreters, ...found.informalInterpreters])];
    return {
      areaName: result.areas[0].name,
      group,
      cell: this.toCell(found, !personal),
      persons: await persons(fresh),
      stalePersons: await persons(found.stalePersons),
      organisations: await organisations(found.organisations),
      staleOrganisations: await organisations(found.staleOrganisations),
      walkInHours: found.walkInHours.length
        ? await this.dataSource.getRepository(Activity).find({ where: { id: In(found.walkInHours) }, order: { name: 'ASC' } })
        : [],
    };
  }

  async trend(actor: Actor | null, municipalityCode: string | null): Promise<ReachSnapshot[]> {
    this.access.requireSignedIn(actor);
    const rows = await this.dataSource.getRepository(ReachSnapshotRecord).find({
      where: { municipalityCode: municipalityCode?.toUpperCase() || this.config.municipalityCode },
      order: { month: 'ASC' },
      take: 240,
    });
    return rows.map(toSnapshot);
  }

  async takeSnapshot(actor: Actor | null): Promise<ReachSnapshot> {
    const signedIn = this.access.requireSignedIn(actor);
    if (signedIn.role !== UserRole.COORDINATOR && signedIn.role !== UserRole.ADMINISTRATOR) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Alleen een coördinator of beheerder mag een momentopname maken');
    }
    return this.snapshot(this.config.municipalityCode);
  }

  /** This month's snapshot of a municipality: written once per month, a later call the same month replaces it. */
  async snapshot(municipalityCode: string, today = todayIso()): Promise<ReachSnapshot> {
    const result = await this.reach.matrix({ municipalityCode, today });
    const count = (s: GapStatus) => result.cells.filter((c) => c.status === s).length;
    const perGroup: Record<string, Record<string, number>> = {};
    for (const c of result.cells) (perGroup[c.groupKey] ??= { RED: 0, AMBER: 0, GREEN: 0 })[c.status]++;
    const record: ReachSnapshotRecord = {
      month: today.slice(0, 7),
      municipalityCode,
      takenAt: nowIso(),
      summaryJson: JSON.stringify({
        red: count(GapStatus.RED),
        amber: count(GapStatus.AMBER),
        green: count(GapStatus.GREEN),
        cells: result.cells.length,
        perGroup,
      }),
    };
    await this.dataSource.getRepository(ReachSnapshotRecord).save(record);
    return toSnapshot(record);
  }

  /** Whether this month's snapshot of a municipality exists yet. */
  async hasSnapshot(municipalityCode: string, month: string): Promise<boolean> {
    return (await this.dataSource.getRepository(ReachSnapshotRecord).countBy({ municipalityCode, month })) > 0;
  }

  /**
   * This month's snapshot of every municipality the installation serves (a region: each of them), or of
   * those named; `onlyMissing` leaves the ones already taken this month (the daily job), otherwise they are
   * replaced (the command line, a re-run after corrections).
   */
  async snapshotAll(
    options: { municipalityCodes?: string[]; onlyMissing?: boolean; today?: string } = {},
  ): Promise<{ snapshot: ReachSnapshot | null; municipalityCode: string }[]> {
    const today = options.today ?? todayIso();
    const out: { snapshot: ReachSnapshot | null; municipalityCode: string }[] = [];
    for (const code of options.municipalityCodes ?? servedMunicipalityCodes(this.config)) {
      if (options.onlyMissing && (await this.hasSnapshot(code, today.slice(0, 7)))) out.push({ municipalityCode: code, snapshot: null });
      else out.push({ municipalityCode: code, snapshot: await this.snapshot(code, today) });
    }
    return out;
  }

  /** At start-up and then daily: take the month's snapshots that are missing (idempotent per month). */
  onApplicationBootstrap(): void {
    if (process.env.REACH_SNAPSHOT_JOB === 'false') return;
    const run = () => {
      void this.snapshotAll({ onlyMissing: true }).catch((e) => this.logger.warn(`Momentopname bereik mislukt: ${(e as Error).message}`));
    };
    setTimeout(run, 2000).unref();
    this.timer = setInterval(run, DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

function toSnapshot(r: ReachSnapshotRecord): ReachSnapshot {
  const s = JSON.parse(r.summaryJson) as { red: number; amber: number; green: number; cells: number };
  return { month: r.month, municipalityCode: r.municipalityCode, takenAt: r.takenAt, red: s.red, amber: s.amber, green: s.green, cells: s.cells };
}
