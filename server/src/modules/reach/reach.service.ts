import { Inject, Injectable } from '@nestjs/common';
import { todayIso } from '../../common/base.entity.js';
import { APP_CONFIG, type AppConfig, type ReachSettings } from '../../config.js';
import { EARTH_RADIUS_KM, haversineKm } from '../matching/geo.js';
import { isStale } from '../verification/review-period.js';
import type { PresenceBand } from './community-presence.entity.js';
import { GapStatus, ReachGroupKind, ReachLevel } from './models/reach.models.js';
import { type AreaRow, type Box, type PresenceRow, ReachRepository } from './reach.repository.js';

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

/** A grid of cells about `km` wide: the points within `km` of a point lie in its cell and the eight around it. */
class Grid<T> {
  private readonly cells = new Map<string, T[]>();
  private readonly dLat: number;
  constructor(private readonly km: number) {
    this.dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI);
  }
  private dLon(lat: number) {
    // Width at the highest latitude of the Netherlands, so a neighbour never falls two cells away.
    return this.dLat / Math.cos((Math.min(Math.abs(lat), 60) * Math.PI) / 180);
  }
  private key(i: number, j: number) {
    return `${i}:${j}`;
  }
  add(lat: number, lon: number, item: T) {
    const k = this.key(Math.floor(lat / this.dLat), Math.floor(lon / this.dLon(54)));
    (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(item);
  }
  *near(lat: number, lon: number): Generator<T> {
    const i = Math.floor(lat / this.dLat);
    const j = Math.floor(lon / this.dLon(54));
    for (let a = -1; a <= 1; a++) for (let b = -1; b <= 1; b++) yield* this.cells.get(this.key(i + a, j + b)) ?? [];
  }
}

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
    private readonly repository: ReachRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): ReachSettings {
    return this.config.reach;
  }

  async groups(): Promise<Group[]> {
    const [communities, languages, names] = await Promise.all([
      this.repository.communities(),
      this.repository.communityLanguages(),
      this.repository.languageNames(),
    ]);
    const out: Group[] = communities.map((c) => ({
      key: communityGroupKey(c.code),
      kind: ReachGroupKind.COMMUNITY,
      communityCode: c.code,
      languageCodes: languages.get(c.code) ?? [],
      nameNl: c.nameNl,
      nameEn: c.nameEn,
    }));
    for (const [code, n] of names)
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

  async matrix(query: MatrixQuery): Promise<MatrixResult> {
    const settings = { ...this.config.reach, ...query.settings };
    const today = query.today ?? todayIso();
    const filter = {
      municipalityCode: query.municipalityCode ?? undefined,
      districtCode: query.districtCode ?? undefined,
      codes: query.neighbourhoodCodes,
    };
    const [areas, presences, allGroups] = await Promise.all([this.repository.areas(filter), this.repository.presences(filter), this.groups()]);
    const groupByKey = new Map(allGroups.map((g) => [g.key, g]));
    const present = this.latestPresence(presences, query.groupKey ?? null, groupByKey);
    const groups = [...new Set([...present.values()].flatMap((m) => [...m.keys()]))].sort().map((k) => groupByKey.get(k)!);
    const cells = areas.length && groups.length ? await this.computeCells(areas, present, groups, settings, today) : [];
    const level = query.level ?? ReachLevel.NEIGHBOURHOOD;
    const result = level === ReachLevel.DISTRICT ? await this.byDistrict(areas, cells, groups, settings) : this.byNeighbourhood(areas, cells);
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

  /** Per buurt the latest estimate of each group present (a later row revises an earlier one). */
  private latestPresence(rows: PresenceRow[], only: string | null, groups: Map<string, Group>): Map<string, Map<string, PresenceRow>> {
    const out = new Map<string, Map<string, PresenceRow>>();
    for (const r of rows) {
      const key = r.communityCode ? communityGroupKey(r.communityCode) : languageGroupKey(r.languageCode!);
      if ((only && key !== only) || !groups.has(key)) continue;
      (out.get(r.neighbourhoodCode) ?? out.set(r.neighbourhoodCode, new Map()).get(r.neighbourhoodCode)!).set(key, r);
    }
    return out;
  }

  private async computeCells(
    areas: AreaRow[],
    present: Map<string, Map<string, PresenceRow>>,
    groups: Group[],
    settings: ReachSettings,
    today: string,
  ): Promise<CellResult[]> {
    const km = settings.distanceKm;
    const withGroups = areas.filter((a) => present.has(a.code));
    if (!withGroups.length) return [];
    const box = boxAround(withGroups, km);
    const near = await this.repository.neighbourhoodsIn(box);
    const [persons, organisations, agreements, activities] = await Promise.all([
      this.repository.persons(box),
      this.repository.organisations(box),
      this.repository.activeAgreements(box, today),
      this.repository.activeActivities(box, today),
    ]);
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

    // Where partners work, by buurt code; venues on a grid.
    const personsAt = new Map<string, number[]>();
    const personGroups = persons.map((p, i) => {
      for (const c of p.codes) (personsAt.get(c) ?? personsAt.set(c, []).get(c)!).push(i);
      return served(p.languages, p.communities);
    });
    const orgsAt = new Map<string, number[]>();
    const venues = new Grid<number>(km);
    const orgGroups = organisations.map((o, i) => {
      for (const c of o.codes) (orgsAt.get(c) ?? orgsAt.set(c, []).get(c)!).push(i);
      if (o.lat !== null && o.lon !== null) venues.add(o.lat, o.lon, i);
      return served(o.languages, o.communities);
    });
    const personById = new Map(persons.map((p, i) => [p.id, i]));
    const orgById = new Map(organisations.map((o, i) => [o.id, i]));
    const agreementsAt = new Map<string, number[]>();
    const agreementGroups = agreements.map((a, i) => {
      for (const c of a.codes) (agreementsAt.get(c) ?? agreementsAt.set(c, []).get(c)!).push(i);
      const partner =
        a.organisationId !== null
          ? orgGroups[orgById.get(a.organisationId) ?? -1]
          : a.personId !== null
            ? personGroups[personById.get(a.personId) ?? -1]
            : undefined;
      return partner ?? [];
    });
    const activitiesAt = new Map<string, number[]>();
    const activityGroups = activities.map((a, i) => {
      (activitiesAt.get(a.neighbourhoodCode) ?? activitiesAt.set(a.neighbourhoodCode, []).get(a.neighbourhoodCode)!).push(i);
      return served(a.languages, []);
    });
    const buurtGrid = new Grid<{ code: string; lat: number; lon: number }>(km);
    for (const n of near) buurtGrid.add(n.lat, n.lon, n);

    const personStale = persons.map((p) => isStale(p.lastVerifiedOn, today, months));
    const orgStale = organisations.map((o) => isStale(o.lastVerifiedOn, today, months));
    const seenPerson = new Int32Array(persons.length).fill(-1);
    const seenOrg = new Int32Array(organisations.length).fill(-1);
    const seenAgreement = new Int32Array(agreements.length).fill(-1);
    const seenActivity = new Int32Array(activities.length).fill(-1);
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
      for (const n of buurtGrid.near(area.lat, area.lon)) {
        const d = haversineKm(area.lat, area.lon, n.lat, n.lon);
        if (d > km) continue;
        const walkable = d <= settings.walkInDistanceKm;
        for (const i of personsAt.get(n.code) ?? []) {
          if (seenPerson[i] === stamp) continue;
          seenPerson[i] = stamp;
          const p = persons[i];
          visit(personGroups[i], (cell) => {
            if (personStale[i]) cell.stalePersons.push(p.id);
            else {
              if (p.isKeyPerson) cell.keyPersons.push(p.id);
              if (p.isInterpreter) (p.formal ? cell.formalInterpreters : cell.informalInterpreters).push(p.id);
            }
          });
        }
        for (const i of orgsAt.get(n.code) ?? []) this.countOrganisation(i, stamp, seenOrg, organisations, orgGroups, orgStale, visit);
        for (const i of walkable ? (activitiesAt.get(n.code) ?? []) : []) {
          if (seenActivity[i] === stamp) continue;
          seenActivity[i] = stamp;
          visit(activityGroups[i], (cell) => cell.walkInHours.push(activities[i].id));
        }
      }
      // Agreements are made for named buurten: one counts only for the buurten it covers.
      for (const i of agreementsAt.get(area.code) ?? []) {
        if (seenAgreement[i] === stamp) continue;
        seenAgreement[i] = stamp;
        visit(agreementGroups[i], (cell) => cell.activeAgreements.push(agreements[i].id));
      }
      for (const i of venues.near(area.lat, area.lon)) {
        const o = organisations[i];
        if (haversineKm(area.lat, area.lon, o.lat!, o.lon!) <= km) this.countOrganisation(i, stamp, seenOrg, organisations, orgGroups, orgStale, visit);
      }
      for (const cell of cells.values()) {
        this.judge(cell, settings);
        out.push(cell);
      }
    });
    return out;
  }

  private countOrganisation(
    i: number,
    stamp: number,
    seen: Int32Array,
    organisations: { id: string; hasFixedContact: boolean }[],
    groupsOf: number[][],
    stale: boolean[],
    visit: (groupsOf: number[], add: (cell: CellResult) => void) => void,
  ) {
    if (seen[i] === stamp) return;
    seen[i] = stamp;
    const o = organisations[i];
    visit(groupsOf[i], (cell) => {
      if (stale[i]) cell.staleOrganisations.push(o.id);
      else {
        cell.organisations.push(o.id);
        if (o.hasFixedContact) cell.fixedContacts.push(o.id);
      }
    });
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
  private async byDistrict(areas: AreaRow[], cells: CellResult[], groups: Group[], settings: ReachSettings) {
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
    void groups;
    const districtCells = [...merged.values()];
    const codes = [...new Set(areas.map((a) => a.districtCode))].sort();
    const names = await this.repository.districtNames(codes);
    const statuses = new Map<string, GapStatus[]>();
    for (const c of districtCells) (statuses.get(c.areaCode) ?? statuses.set(c.areaCode, []).get(c.areaCode)!).push(c.status);
    return {
      areas: codes.map((code) => ({ code, name: names.get(code) ?? code, districtCode: null, status: worstStatus(statuses.get(code) ?? []) })),
      cells: districtCells,
    };
  }
}

/** The box around the areas, widened by the distance on every side. */
export function boxAround(areas: { lat: number; lon: number }[], km: number): Box {
  let minLat = Infinity,
    maxLat = -Infinity,
    minLon = Infinity,
    maxLon = -Infinity;
  for (const a of areas) {
    minLat = Math.min(minLat, a.lat);
    maxLat = Math.max(maxLat, a.lat);
    minLon = Math.min(minLon, a.lon);
    maxLon = Math.max(maxLon, a.lon);
  }
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI) * 1.01;
  const dLon = dLat / Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  return { minLat: minLat - dLat, maxLat: maxLat + dLat, minLon: minLon - dLon, maxLon: maxLon + dLon };
}
