import { Inject, Injectable } from '@nestjs/common';
import { todayIso } from '../../common/base.entity.js';
import { APP_CONFIG, type AppConfig, type ReachSettings } from '../../config.js';
import { activitiesNear, communityKey, languageKey, partnersNear, ReachIndex, type ReachModel } from './reach-index.js';
import { reviewCutoff } from '../verification/review-period.js';
import type { PresenceBand } from './community-presence.entity.js';
import { GapStatus, ReachGroupKind, ReachLevel } from './models/reach.models.js';
import type { AreaRow, PresenceRow } from './reach.repository.js';

export interface Group {
  key: string;
  kind: ReachGroupKind;
  communityCode: string | null;
  languageCodes: string[];
  nameNl: string;
  nameEn: string;
}

/** One cell before masking: the ids behind every count, so a team member can see the partners. */
export interface CellResult {
  areaCode: string;
  groupKey: string;
  status: GapStatus;
  estimate: number | null;
  band: PresenceBand | null;
  observedOn: string | null;
  keyPersons: string[];
  formalInterpreters: string[];
  informalInterpreters: string[];
  organisations: string[];
  activeAgreements: string[];
  walkInHours: string[];
  fixedContacts: string[];
  stalePersons: string[];
  staleOrganisations: string[];
  missing: string[];
}

export interface MatrixResult {
  level: ReachLevel;
  municipalityCode: string | null;
  computedOn: string;
  settings: ReachSettings;
  areas: { code: string; name: string; districtCode: string | null; status: GapStatus }[];
  groups: Group[];
  cells: CellResult[];
  gaps: { areaCode: string; groupKey: string; status: GapStatus; text: string; weight: number }[];
}

export interface MatrixQuery {
  municipalityCode?: string | null;
  districtCode?: string | null;
  neighbourhoodCodes?: string[];
  level?: ReachLevel;
  /** Only this group (community:<code> or language:<code>); all when absent. */
  groupKey?: string | null;
  /** Overrides of the settings and the day (tests, what-if). */
  settings?: Partial<ReachSettings>;
  today?: string;
}

/** One collator for the gaps' order: localeCompare builds one per call, which dominated a national matrix. */
const DUTCH = new Intl.Collator('nl');
const BAND_WEIGHT: Record<string, number> = { FEW_HOUSEHOLDS: 10, GROUP: 50, LARGE_GROUP: 250 };
const STATUS_ORDER: Record<GapStatus, number> = { RED: 0, AMBER: 1, GREEN: 2, NONE: 3 };
export const worstStatus = (statuses: GapStatus[]) => statuses.reduce((w, s) => (STATUS_ORDER[s] < STATUS_ORDER[w] ? s : w), GapStatus.NONE);

export const communityGroupKey = (code: string) => `community:${code}`;
export const languageGroupKey = (code: string) => `language:${code}`;

/**
 * Reach and gaps (issue 16), computed from what the directory holds, for every group recorded as
 * present in a buurt. The rules (docs/reach.md):
 * - a partner counts for a buurt when it works in it or in a buurt whose centre is within the
 *   distance (REACH_DISTANCE_KM) of its centre; an organisation also by its venue;
 * - a partner serves a group when it serves the community or speaks one of its usual languages;
 * - stale partners (not verified within REVIEW_AFTER_MONTHS) are counted apart and never as reach;
 * - GREEN: at least REACH_GREEN_MIN active agreements (with a partner serving the group, covering
 *   the buurt itself: agreements name their buurten) plus walk-in hours running now in one of its
 *   languages within walking distance (REACH_WALK_IN_DISTANCE_KM);
 * - otherwise AMBER with at least REACH_AMBER_MIN_PARTNERS fresh partners near; otherwise RED.
 */
@Injectable()
export class ReachService {
  constructor(
    private readonly index: ReachIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): ReachSettings {
    return this.config.reach;
  }

  async groups(): Promise<Group[]> {
    return this.groupsOf(await this.index.model());
  }

  private groupsOf(model: ReachModel): Group[] {
    const out: Group[] = model.communities.map((c) => ({
      key: communityGroupKey(c.code),
      kind: ReachGroupKind.COMMUNITY,
      communityCode: c.code,
      languageCodes: model.communityLanguages.get(c.code) ?? [],
      nameNl: c.nameNl,
      nameEn: c.nameEn,
    }));
    for (const [code, n] of model.languageNames)
      out.push({
        key: languageGroupKey(code),
        kind: ReachGroupKind.LANGUAGE,
        communityCode: null,
        languageCodes: [code],
        nameNl: `${n.nameNl}-sprekenden`,
        nameEn: `${n.nameEn} speakers`,
      });
    return out;
  }

  /**
   * The matrix from the in-memory read model (ReachIndex, current with every committed write): one
   * await for freshness, then a synchronous computation, so the model cannot change under it.
   */
  async matrix(query: MatrixQuery): Promise<MatrixResult> {
    const settings = { ...this.config.reach, ...query.settings };
    const today = query.today ?? todayIso();
    const model = await this.index.model();
    const areas = this.areasOf(model, query);
    const allGroups = this.groupsOf(model);
    const groupByKey = new Map(allGroups.map((g) => [g.key, g]));
    const only = query.groupKey ?? null;
    const present = this.latestPresence(model, areas, groupByKey);
    const groups = [...new Set([...present.values()].flatMap((m) => [...m.keys()]))]
      .filter((k) => !only || k === only)
      .sort()
      .map((k) => groupByKey.get(k)!);
    // Cells are kept per buurt for the day and the settings; a what-if with other settings is computed apart.
    const cacheable = !query.settings || Object.keys(query.settings).length === 0;
    const cells =
      areas.length && groups.length
        ? this.computeCells(model, areas, present, allGroups, settings, today, cacheable).filter((c) => !only || c.groupKey === only)
        : [];
    const level = query.level ?? ReachLevel.NEIGHBOURHOOD;
    const result = level === ReachLevel.DISTRICT ? this.byDistrict(model, areas, cells, settings) : this.byNeighbourhood(areas, cells);
    const areaName = new Map(result.areas.map((a) => [a.code, a.name]));
    // The ten largest gaps: red first, then by size, then by text. Ranked on the numbers first, so the
    // text is made only for the cells that come close (a national matrix has some 100,000 gaps).
    const GAPS = 10;
    type Gap = { areaCode: string; groupKey: string; status: GapStatus; text: string; weight: number };
    const rank = (status: GapStatus, weight: number) => STATUS_ORDER[status] * 1e9 - weight;
    const candidates: { cell: CellResult; rank: number }[] = [];
    for (const c of result.cells) {
      if (c.status !== GapStatus.RED && c.status !== GapStatus.AMBER) continue;
      candidates.push({ cell: c, rank: rank(c.status, c.estimate ?? BAND_WEIGHT[c.band ?? ''] ?? 1) });
    }
    candidates.sort((a, b) => a.rank - b.rank);
    // Every cell that ranks equal to the tenth on the numbers competes on the text.
    const cut = candidates.length > GAPS ? candidates[GAPS - 1].rank : Infinity;
    const gaps: Gap[] = candidates
      .filter((x, i) => i < GAPS || x.rank === cut)
      .map(({ cell: c }) => ({
        areaCode: c.areaCode,
        groupKey: c.groupKey,
        status: c.status,
        weight: c.estimate ?? BAND_WEIGHT[c.band ?? ''] ?? 1,
        text: `${groupByKey.get(c.groupKey)!.nameNl} in ${areaName.get(c.areaCode)}: ${c.missing.join(', ')}`,
      }))
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.weight - a.weight || DUTCH.compare(a.text, b.text))
      .slice(0, GAPS);
    return { level, municipalityCode: query.municipalityCode ?? null, computedOn: today, settings, groups, gaps, ...result };
  }

  /** The buurten asked for, by code. */
  private areasOf(model: ReachModel, query: MatrixQuery): AreaRow[] {
    const codes = query.neighbourhoodCodes ? new Set(query.neighbourhoodCodes) : null;
    return model.neighbourhoods.filter(
      (n) =>
        (!query.municipalityCode || n.municipalityCode === query.municipalityCode) &&
        (!query.districtCode || n.districtCode === query.districtCode) &&
        (!codes || codes.has(n.code)),
    );
  }

  /** Per buurt the latest estimate of each group present (a later row revises an earlier one). */
  private latestPresence(model: ReachModel, areas: AreaRow[], groups: Map<string, Group>): Map<string, Map<string, PresenceRow>> {
    const out = new Map<string, Map<string, PresenceRow>>();
    for (const area of areas) {
      for (const r of model.presencesAt.get(area.code) ?? []) {
        const key = r.communityCode ? communityGroupKey(r.communityCode) : languageGroupKey(r.languageCode!);
        if (!groups.has(key)) continue;
        (out.get(r.neighbourhoodCode) ?? out.set(r.neighbourhoodCode, new Map()).get(r.neighbourhoodCode)!).set(key, r);
      }
    }
    return out;
  }

  private computeCells(
    model: ReachModel,
    areas: AreaRow[],
    present: Map<string, Map<string, PresenceRow>>,
    groups: Group[],
    settings: ReachSettings,
    today: string,
    cacheable: boolean,
  ): CellResult[] {
    const km = settings.distanceKm;
    const withGroups = areas.filter((a) => present.has(a.code));
    if (!withGroups.length) return [];
    const cacheKey = `${today}|${this.config.reviewAfterMonths}|${JSON.stringify(settings)}`;
    if (cacheable && model.cellsFor !== cacheKey) {
      model.cells.clear();
      model.cellsFor = cacheKey;
    }
    const cutoff = reviewCutoff(today, this.config.reviewAfterMonths);
    const stale = (lastVerifiedOn: string | null) => !lastVerifiedOn || lastVerifiedOn <= cutoff;
    // Per group the keys its partners are found by: the community, and each of its usual languages.
    const keysOf = groups.map((g) => [...(g.communityCode ? [communityKey(g.communityCode)] : []), ...g.languageCodes.map(languageKey)]);
    const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
    const byLanguage = new Map<string, number[]>();
    const byCommunity = new Map<string, number[]>();
    groups.forEach((g, i) => {
      for (const l of g.languageCodes) (byLanguage.get(l) ?? byLanguage.set(l, []).get(l)!).push(i);
      if (g.communityCode) (byCommunity.get(g.communityCode) ?? byCommunity.set(g.communityCode, []).get(g.communityCode)!).push(i);
    });
    const walkKm = Math.min(km, settings.walkInDistanceKm);
    const runs = (from: string, until: string | null) => from <= today && (until === null || until >= today);
    const out: CellResult[] = [];

    for (const area of withGroups) {
      const cached = cacheable ? (model.cells.get(area.code) as CellResult[] | undefined) : undefined;
      if (cached) {
        out.push(...cached);
        continue;
      }
      const cells = new Map<number, CellResult>();
      for (const [key, row] of present.get(area.code)!) {
        const gi = groupIndex.get(key)!;
        const cell: CellResult = {
          areaCode: area.code,
          groupKey: key,
          status: GapStatus.RED,
          estimate: row.estimate,
          band: (row.band as PresenceBand | null) ?? null,
          observedOn: row.observedOn,
          keyPersons: [],
          formalInterpreters: [],
          informalInterpreters: [],
          organisations: [],
          activeAgreements: [],
          walkInHours: [],
          fixedContacts: [],
          stalePersons: [],
          staleOrganisations: [],
          missing: [],
        };
        cells.set(gi, cell);
        // Partners that serve the group or speak one of its languages, working (or with a venue) within the distance: each once.
        const seen = new Set<string>();
        for (const k of keysOf[gi])
          partnersNear(model, k, area.lat, area.lon, km, (id) => {
            if (seen.has(id)) return;
            seen.add(id);
            const p = model.persons.get(id);
            if (p) {
              if (stale(p.lastVerifiedOn)) cell.stalePersons.push(id);
              else {
                if (p.isKeyPerson) cell.keyPersons.push(id);
                if (p.isInterpreter) (p.formal ? cell.formalInterpreters : cell.informalInterpreters).push(id);
              }
              return;
            }
            const o = model.organisations.get(id)!;
            if (stale(o.lastVerifiedOn)) cell.staleOrganisations.push(id);
            else {
              cell.organisations.push(id);
              if (o.hasFixedContact) cell.fixedContacts.push(id);
            }
          });
        // Walk-in hours running today in one of its languages, within walking distance.
        const hours = new Set<number>();
        for (const language of groups[gi].languageCodes)
          activitiesNear(model, language, area.lat, area.lon, walkKm, (i) => {
            const a = model.activities[i];
            if (!hours.has(i) && runs(a.validFrom, a.validUntil)) {
              hours.add(i);
              cell.walkInHours.push(a.id);
            }
          });
      }
      // Agreements are made for named buurten: one counts only for the buurten it covers, for the groups its partner serves.
      for (const i of model.agreementsAt.get(area.code) ?? []) {
        const a = model.agreements[i];
        if (!runs(a.startsOn, a.endsOn)) continue;
        const partner = a.organisationId !== null ? model.organisations.get(a.organisationId) : a.personId !== null ? model.persons.get(a.personId) : undefined;
        if (!partner) continue;
        const served = new Set<number>();
        for (const l of partner.languages) for (const gi of byLanguage.get(l) ?? []) served.add(gi);
        for (const c of partner.communities) for (const gi of byCommunity.get(c) ?? []) served.add(gi);
        for (const gi of served) cells.get(gi)?.activeAgreements.push(a.id);
      }
      for (const cell of cells.values()) this.judge(cell, settings);
      if (cacheable) model.cells.set(area.code, [...cells.values()]);
      out.push(...cells.values());
    }
    return out;
  }

  /** The gap rules, and what is missing in words. */
  judge(cell: CellResult, settings: ReachSettings): void {
    const partners = new Set([...cell.keyPersons, ...cell.formalInterpreters, ...cell.informalInterpreters]).size + cell.organisations.length;
    const served = cell.activeAgreements.length + cell.walkInHours.length;
    cell.status = served >= settings.minAgreementsOrHours ? GapStatus.GREEN : partners >= settings.minPartners ? GapStatus.AMBER : GapStatus.RED;
    const km = `binnen ${String(settings.distanceKm).replace('.', ',')} km`;
    const missing: string[] = [];
    if (!cell.keyPersons.length) missing.push(`geen sleutelpersoon ${km}`);
    if (!cell.formalInterpreters.length) missing.push(`geen formele tolk ${km}`);
    if (!cell.organisations.length) missing.push(`geen organisatie ${km}`);
    if (!cell.activeAgreements.length) missing.push('geen afspraak');
    if (!cell.walkInHours.length) missing.push(`geen spreekuur in de taal binnen ${String(settings.walkInDistanceKm).replace('.', ',')} km`);
    const stale = cell.stalePersons.length + cell.staleOrganisations.length;
    // No number here: these words reach policy officers too, and a count of 1–4 must not.
    if (stale) missing.push('partners niet recent gecontroleerd (tellen niet mee)');
    cell.missing = missing;
  }

  private byNeighbourhood(areas: AreaRow[], cells: CellResult[]) {
    const statuses = new Map<string, GapStatus[]>();
    for (const c of cells) (statuses.get(c.areaCode) ?? statuses.set(c.areaCode, []).get(c.areaCode)!).push(c.status);
    return {
      areas: areas.map((a) => ({ code: a.code, name: a.name, districtCode: a.districtCode, status: worstStatus(statuses.get(a.code) ?? []) })),
      cells,
    };
  }

  /** A wijk × group: the partners near any of its buurten where the group is present, each counted once. */
  private byDistrict(model: ReachModel, areas: AreaRow[], cells: CellResult[], settings: ReachSettings) {
    const districtOf = new Map(areas.map((a) => [a.code, a.districtCode]));
    const merged = new Map<string, CellResult>();
    for (const c of cells) {
      const district = districtOf.get(c.areaCode)!;
      const key = `${district}|${c.groupKey}`;
      const m = merged.get(key);
      if (!m) {
        merged.set(key, {
          ...c,
          areaCode: district,
          keyPersons: [...c.keyPersons],
          formalInterpreters: [...c.formalInterpreters],
          informalInterpreters: [...c.informalInterpreters],
          organisations: [...c.organisations],
          activeAgreements: [...c.activeAgreements],
          walkInHours: [...c.walkInHours],
          fixedContacts: [...c.fixedContacts],
          stalePersons: [...c.stalePersons],
          staleOrganisations: [...c.staleOrganisations],
        });
        continue;
      }
      m.estimate = m.estimate === null && c.estimate === null ? null : (m.estimate ?? 0) + (c.estimate ?? 0);
      if (!m.observedOn || (c.observedOn && c.observedOn > m.observedOn)) m.observedOn = c.observedOn;
      for (const f of [
        'keyPersons',
        'formalInterpreters',
        'informalInterpreters',
        'organisations',
        'activeAgreements',
        'walkInHours',
        'fixedContacts',
        'stalePersons',
        'staleOrganisations',
      ] as const) {
        m[f] = [...new Set([...m[f], ...c[f]])];
      }
    }
    for (const m of merged.values()) this.judge(m, settings);
    const districtCells = [...merged.values()];
    const codes = [...new Set(areas.map((a) => a.districtCode))].sort();
    const names = model.districtNames;
    const statuses = new Map<string, GapStatus[]>();
    for (const c of districtCells) (statuses.get(c.areaCode) ?? statuses.set(c.areaCode, []).get(c.areaCode)!).push(c.status);
    return {
      areas: codes.map((code) => ({ code, name: names.get(code) ?? code, districtCode: null, status: worstStatus(statuses.get(code) ?? []) })),
      cells: districtCells,
    };
  }
}
