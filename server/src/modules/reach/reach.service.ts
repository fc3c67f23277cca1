import { Inject, Injectable } from '@nestjs/common';
import { todayIso } from '../../common/base.entity.js';
import { APP_CONFIG, type AppConfig, type ReachSettings } from '../../config.js';
import { haversineKm } from '../matching/geo.js';
import { neighbourhoodsAround, ReachIndex, type ReachModel, venuesAround } from './reach-index.js';
import { isStale } from '../verification/review-period.js';
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
    const present = this.latestPresence(model, areas, query.groupKey ?? null, groupByKey);
    const groups = [...new Set([...present.values()].flatMap((m) => [...m.keys()]))].sort().map((k) => groupByKey.get(k)!);
    const cells = areas.length && groups.length ? this.computeCells(model, areas, present, groups, settings, today) : [];
    const level = query.level ?? ReachLevel.NEIGHBOURHOOD;
    const result = level === ReachLevel.DISTRICT ? this.byDistrict(model, areas, cells, settings) : this.byNeighbourhood(areas, cells);
    const areaName = new Map(result.areas.map((a) => [a.code, a.name]));
    const gaps = result.cells
      .filter((c) => c.status === GapStatus.RED || c.status === GapStatus.AMBER)
      .map((c) => {
        const group = groupByKey.get(c.groupKey)!;
        return {
          areaCode: c.areaCode,
          groupKey: c.groupKey,
          status: c.status,
          weight: c.estimate ?? BAND_WEIGHT[c.band ?? ''] ?? 1,
          text: `${group.nameNl} in ${areaName.get(c.areaCode)}: ${c.missing.join(', ')}`,
        };
      })
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.weight - a.weight || a.text.localeCompare(b.text, 'nl'))
      .slice(0, 10);
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
  private latestPresence(model: ReachModel, areas: AreaRow[], only: string | null, groups: Map<string, Group>): Map<string, Map<string, PresenceRow>> {
    const out = new Map<string, Map<string, PresenceRow>>();
    for (const area of areas) {
      for (const r of model.presencesAt.get(area.code) ?? []) {
        const key = r.communityCode ? communityGroupKey(r.communityCode) : languageGroupKey(r.languageCode!);
        if ((only && key !== only) || !groups.has(key)) continue;
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
  ): CellResult[] {
    const km = settings.distanceKm;
    const withGroups = areas.filter((a) => present.has(a.code));
    if (!withGroups.length) return [];
    const months = this.config.reviewAfterMonths;
    const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
    const byLanguage = new Map<string, number[]>();
    const byCommunity = new Map<string, number[]>();
    groups.forEach((g, i) => {
      for (const l of g.languageCodes) (byLanguage.get(l) ?? byLanguage.set(l, []).get(l)!).push(i);
      if (g.communityCode) (byCommunity.get(g.communityCode) ?? byCommunity.set(g.communityCode, []).get(g.communityCode)!).push(i);
    });
    const served = (languages: string[], communities: string[]) => [
      ...new Set([...languages.flatMap((l) => byLanguage.get(l) ?? []), ...communities.flatMap((c) => byCommunity.get(c) ?? [])]),
    ];
    // Per partner, worked out once per matrix on first sight: the groups it serves and whether it is stale.
    const personInfo = new Map<string, { groups: number[]; stale: boolean; stamp: number }>();
    const personOf = (id: string) => {
      let info = personInfo.get(id);
      if (!info) {
        const p = model.persons.get(id)!;
        personInfo.set(id, (info = { groups: served(p.languages, p.communities), stale: isStale(p.lastVerifiedOn, today, months), stamp: -1 }));
      }
      return info;
    };
    const orgInfo = new Map<string, { groups: number[]; stale: boolean; stamp: number }>();
    const orgOf = (id: string) => {
      let info = orgInfo.get(id);
      if (!info) {
        const o = model.organisations.get(id)!;
        orgInfo.set(id, (info = { groups: served(o.languages, o.communities), stale: isStale(o.lastVerifiedOn, today, months), stamp: -1 }));
      }
      return info;
    };
    const agreementRuns = (i: number) => {
      const a = model.agreements[i];
      return a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);
    };
    // An agreement counts for the groups its partner serves (a key person or interpreter, or an organisation).
    const agreementGroups = (i: number) => {
      const a = model.agreements[i];
      if (a.organisationId !== null) return model.organisations.has(a.organisationId) ? orgOf(a.organisationId).groups : [];
      if (a.personId !== null) return model.persons.has(a.personId) ? personOf(a.personId).groups : [];
      return [];
    };
    const activityRuns = (i: number) => {
      const a = model.activities[i];
      return a.validFrom <= today && (a.validUntil === null || a.validUntil >= today);
    };
    const seenAgreement = new Int32Array(model.agreements.length).fill(-1);
    const seenActivity = new Int32Array(model.activities.length).fill(-1);
    const out: CellResult[] = [];

    withGroups.forEach((area, stamp) => {
      const rows = present.get(area.code)!;
      const cells = new Map<number, CellResult>();
      for (const [key, row] of rows) {
        cells.set(groupIndex.get(key)!, {
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
        });
      }
      const visit = (groupsOf: number[], add: (cell: CellResult) => void) => {
        for (const gi of groupsOf) {
          const cell = cells.get(gi);
          if (cell) add(cell);
        }
      };
      const countOrganisation = (id: string) => {
        const info = orgOf(id);
        if (info.stamp === stamp) return;
        info.stamp = stamp;
        const o = model.organisations.get(id)!;
        visit(info.groups, (cell) => {
          if (info.stale) cell.staleOrganisations.push(o.id);
          else {
            cell.organisations.push(o.id);
            if (o.hasFixedContact) cell.fixedContacts.push(o.id);
          }
        });
      };
      for (const n of neighbourhoodsAround(model, area.lat, area.lon, km)) {
        const d = haversineKm(area.lat, area.lon, n.lat, n.lon);
        if (d > km) continue;
        const walkable = d <= settings.walkInDistanceKm;
        for (const id of model.personsAt.get(n.code) ?? []) {
          const info = personOf(id);
          if (info.stamp === stamp) continue;
          info.stamp = stamp;
          const p = model.persons.get(id)!;
          visit(info.groups, (cell) => {
            if (info.stale) cell.stalePersons.push(p.id);
            else {
              if (p.isKeyPerson) cell.keyPersons.push(p.id);
              if (p.isInterpreter) (p.formal ? cell.formalInterpreters : cell.informalInterpreters).push(p.id);
            }
          });
        }
        for (const id of model.organisationsAt.get(n.code) ?? []) countOrganisation(id);
        for (const i of walkable ? (model.activitiesAt.get(n.code) ?? []) : []) {
          if (seenActivity[i] === stamp || !activityRuns(i)) continue;
          seenActivity[i] = stamp;
          visit(served(model.activities[i].languages, []), (cell) => cell.walkInHours.push(model.activities[i].id));
        }
      }
      // Agreements are made for named buurten: one counts only for the buurten it covers.
      for (const i of model.agreementsAt.get(area.code) ?? []) {
        if (seenAgreement[i] === stamp || !agreementRuns(i)) continue;
        seenAgreement[i] = stamp;
        visit(agreementGroups(i), (cell) => cell.activeAgreements.push(model.agreements[i].id));
      }
      for (const o of venuesAround(model, area.lat, area.lon, km)) {
        if (haversineKm(area.lat, area.lon, o.lat!, o.lon!) <= km) countOrganisation(o.id);
      }
      for (const cell of cells.values()) {
        this.judge(cell, settings);
        out.push(cell);
      }
    });
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
