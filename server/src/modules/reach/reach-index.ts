import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import KDBush from 'kdbush';
import { boundingBox, haversineKm } from '../matching/geo.js';
import { ChangeFeedRepository, type FeedPosition, type FeedTable } from '../matching/change-feed.repository.js';
import {
  type AreaRow,
  type DatedActivityRow,
  type DatedAgreementRow,
  type PartnerOrganisationRow,
  type PartnerPersonRow,
  type PresenceRow,
  ReachRepository,
} from './reach.repository.js';

/** What the reach matrix reads, held in memory: one consistent picture of the directory. */
export interface ReachModel {
  neighbourhoods: AreaRow[];
  neighbourhoodByCode: Map<string, AreaRow>;
  districtNames: Map<string, string>;
  communities: { code: string; nameNl: string; nameEn: string }[];
  communityLanguages: Map<string, string[]>;
  languageNames: Map<string, { nameNl: string; nameEn: string }>;
  /** Per buurt the analysis rows in the order they count (observedOn, updatedAt, id): a later one revises an earlier one. */
  presencesAt: Map<string, PresenceRow[]>;
  persons: Map<string, PartnerPersonRow>;
  organisations: Map<string, PartnerOrganisationRow>;
  /** Per key (`l:<language>`, `c:<community>`) the persons and organisations that speak or serve it. */
  personsByKey: Map<string, Set<string>>;
  organisationsByKey: Map<string, Set<string>>;
  /** Per key the places those partners work (buurt centres, venues) on a k-d tree; built on first use, dropped on a change. */
  partnerTrees: Map<string, PointSet | null>;
  /**
   * Per key the partners changed since its tree was built: their points in the tree are skipped and their
   * places now measured directly, so one write costs no rebuild of a tree of 200,000 points.
   */
  treeDelta: Map<string, Set<string>>;
  /** Per language the walk-in hours' places (their buurt's centre); built on first use. */
  activityTrees: Map<string, PointSet | null>;
  /** The buurten's centres (ids are indexes into `neighbourhoods`): which buurten a change reaches. */
  neighbourhoodTree: KDBush;
  /**
   * Per buurt its cells (every group present) for the day and settings in `cellsFor`, computed on first
   * use; a change drops the cells of the buurten it can reach (within the distance of where it is).
   */
  cells: Map<string, unknown[]>;
  cellsFor: string;
  agreements: DatedAgreementRow[];
  agreementsAt: Map<string, number[]>;
  activities: DatedActivityRow[];
  activitiesAt: Map<string, number[]>;
}

/** Points on a k-d tree with, per point, whose it is and where exactly (for the haversine check). */
export interface PointSet {
  tree: KDBush;
  /** Partner id (persons and organisations), or the walk-in hour's index in `activities`. */
  ids: string[];
  activity: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
}

type Part = 'AGREEMENT' | 'ACTIVITY' | 'CONTACT' | 'GROUPS' | 'DISTRICT';

const RETENTION_MS = 10 * 60_000;
const MAX_INCREMENTAL = 20_000;

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);

/**
 * The reach read model (issue 16): partners with their buurten, venues, languages and communities;
 * agreements; walk-in hours; the neighbourhood analysis; buurten on a k-d tree (kdbush). Built once
 * per process, then kept current through two change feeds written by database triggers in the
 * writing transaction: directory_change (persons, organisations, buurten, communities; the feed the
 * matcher reads) and reach_change (agreements, walk-in hours, fixed contacts, the analysis, usual
 * languages, wijk names). Before every matrix the index reads what it has not seen (two small indexed
 * queries) and re-reads only what they name: the partners touched, the buurten whose analysis
 * changed, or the one small table that changed. So a matrix on any process reflects every write
 * committed before it started, whoever wrote it, and needs no heavy SQL per request.
 *
 * Dates are not part of the model: whether an agreement or walk-in hour runs, and whether a partner
 * is stale, is decided per matrix for its day.
 */
@Injectable()
export class ReachIndex implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ReachIndex');
  private current: ReachModel | null = null;
  private allDirty = true;
  private dirtyPersons = new Set<string>();
  private dirtyOrganisations = new Set<string>();
  private dirtyPresences = new Set<string>();
  private dirtyParts = new Set<Part>();
  private pending: Promise<void> | null = null;
  private positions: Record<FeedTable, FeedPosition> | null = null;
  private feedReadAt = 0;
  private marks: { at: number; positions: Record<FeedTable, FeedPosition> }[] = [];
  private pruneTimer: NodeJS.Timeout | null = null;
  private shuttingDown = false;
  /** Full loads since start (tests check that ordinary writes cause none). */
  fullLoads = 0;

  constructor(
    private readonly repository: ReachRepository,
    private readonly feed: ChangeFeedRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
  }

  /** The model, current with every write committed before this call. Use it before the next await. */
  async model(): Promise<ReachModel> {
    await this.ensureFresh();
    return this.current!;
  }

  async ensureFresh(): Promise<void> {
    if (this.current && !this.allDirty) await this.readFeeds();
    while (!this.current || this.allDirty || this.hasDirt()) {
      this.pending ??= this.apply().finally(() => (this.pending = null));
      await this.pending;
    }
  }

  private hasDirt(): boolean {
    return this.dirtyPersons.size > 0 || this.dirtyOrganisations.size > 0 || this.dirtyPresences.size > 0 || this.dirtyParts.size > 0;
  }

  private async readFeeds(): Promise<void> {
    // Feed rows are pruned after the retention: after a long idle spell, reload rather than risk a gap.
    if (!this.positions || Date.now() - this.feedReadAt > RETENTION_MS / 2) {
      this.allDirty = true;
      return;
    }
    const readAt = Date.now();
    const [directory, reach] = await Promise.all([
      this.feed.rowsSince(this.positions.directory_change, MAX_INCREMENTAL, 'directory_change'),
      this.feed.rowsSince(this.positions.reach_change, MAX_INCREMENTAL, 'reach_change'),
    ]);
    if (this.allDirty) return;
    if (directory.overflow || reach.overflow) {
      this.allDirty = true;
      return;
    }
    for (const r of directory.rows) {
      if (r.kind === 'PERSON' && r.partnerId) this.dirtyPersons.add(r.partnerId);
      else if (r.kind === 'ORGANISATION' && r.partnerId) this.dirtyOrganisations.add(r.partnerId);
      else this.allDirty = true;
    }
    for (const r of reach.rows) {
      if (r.kind === 'PRESENCE' && r.partnerId) this.dirtyPresences.add(r.partnerId);
      else if (r.kind === 'PRESENCE') this.allDirty = true;
      else this.dirtyParts.add(r.kind as Part);
    }
    this.positions = { directory_change: directory.position, reach_change: reach.position };
    this.feedReadAt = readAt;
    this.remember(this.positions);
  }

  private remember(positions: Record<FeedTable, FeedPosition>): void {
    const now = Date.now();
    const last = this.marks[this.marks.length - 1];
    const copy = (p: FeedPosition) => ({ mark: p.mark, seen: new Set<string>() });
    if (!last || now - last.at >= 60_000)
      this.marks.push({ at: now, positions: { directory_change: copy(positions.directory_change), reach_change: copy(positions.reach_change) } });
    if (!this.pruneTimer && !this.shuttingDown) {
      // Once a minute: follow the feeds even when nobody asks (so an idle process never has to reload
      // everything), and prune reach_change (directory_change is pruned by the matcher).
      this.pruneTimer = setInterval(() => {
        this.ensureFresh()
          .then(() => this.pruneFeed())
          .catch((error) => {
            if (!this.shuttingDown) this.logger.warn(`Bereik bijwerken mislukt: ${String(error)}`);
          });
      }, 60_000);
      this.pruneTimer.unref();
    }
  }

  /** Deletes reach_change rows every reader has had the retention to read. */
  async pruneFeed(now = Date.now()): Promise<number> {
    while (this.marks.length > 1 && now - this.marks[1].at >= RETENTION_MS) this.marks.shift();
    const oldest = this.marks[0];
    if (!oldest || now - oldest.at < RETENTION_MS) return 0;
    return this.feed.prune(oldest.positions.reach_change, 'reach_change');
  }

  private async apply(): Promise<void> {
    if (this.allDirty || !this.current) {
      this.allDirty = false;
      this.dirtyPersons.clear();
      this.dirtyOrganisations.clear();
      this.dirtyPresences.clear();
      this.dirtyParts.clear();
      try {
        await this.loadAll();
      } catch (error) {
        this.allDirty = true;
        throw error;
      }
      return;
    }
    const model = this.current;
    const persons = [...this.dirtyPersons];
    const organisations = [...this.dirtyOrganisations];
    const presences = [...this.dirtyPresences];
    const parts = new Set(this.dirtyParts);
    this.dirtyPersons.clear();
    this.dirtyOrganisations.clear();
    this.dirtyPresences.clear();
    this.dirtyParts.clear();
    try {
      // Read everything first, then swap in without an await, so a matrix never sees half a change.
      const [personRows, organisationRows, presenceRows, agreements, activities, contacts, groups, districts] = await Promise.all([
        persons.length ? this.repository.loadPersons(persons) : null,
        organisations.length ? this.repository.loadOrganisations(organisations) : null,
        presences.length ? this.presencesOf(presences) : null,
        parts.has('AGREEMENT') ? this.repository.loadAgreements() : null,
        parts.has('ACTIVITY') ? this.repository.loadActivities() : null,
        parts.has('CONTACT') ? this.repository.fixedContactOrganisations() : null,
        parts.has('GROUPS') ? this.loadGroups() : null,
        parts.has('DISTRICT') ? this.repository.allDistrictNames() : null,
      ]);
      // The buurten whose cells a change can alter: those within the distance of where it was and is.
      const km = this.distanceKm();
      const places: { lat: number; lon: number }[] = [];
      const placesOf = (p: { codes: string[]; lat?: number | null; lon?: number | null } | undefined) => {
        if (!p) return;
        for (const c of p.codes) {
          const n = model.neighbourhoodByCode.get(c);
          if (n) places.push(n);
        }
        if (p.lat !== null && p.lat !== undefined && p.lon !== null && p.lon !== undefined) places.push({ lat: p.lat, lon: p.lon });
      };
      if (personRows) {
        for (const id of persons) placesOf(model.persons.get(id));
        for (const id of persons) this.removePerson(model, id);
        for (const p of personRows) this.addPerson(model, p);
        for (const p of personRows) placesOf(p);
      }
      if (organisationRows) {
        for (const id of organisations) placesOf(model.organisations.get(id));
        for (const id of organisations) this.removeOrganisation(model, id);
        for (const o of organisationRows) this.addOrganisation(model, o);
        for (const o of organisationRows) placesOf(o);
      }
      // An agreement counts for the groups its partner serves: a changed partner changes the cells of the buurten its agreements name.
      if (personRows || organisationRows) {
        const partners = new Set([...persons, ...organisations]);
        for (const a of model.agreements)
          if ((a.personId && partners.has(a.personId)) || (a.organisationId && partners.has(a.organisationId))) for (const c of a.codes) model.cells.delete(c);
      }
      if (agreements) {
        // Agreements count for the buurten they name: those of the ones that changed, before and after.
        const before = new Map(model.agreements.map((a) => [a.id, JSON.stringify(a)]));
        const after = new Set(agreements.map((a) => JSON.stringify(a)));
        for (const a of model.agreements) if (!after.has(before.get(a.id)!)) for (const c of a.codes) model.cells.delete(c);
        const old = new Set(before.values());
        for (const a of agreements) if (!old.has(JSON.stringify(a))) for (const c of a.codes) model.cells.delete(c);
      }
      if (activities) {
        const changed = (from: DatedActivityRow[], to: DatedActivityRow[]) => {
          const kept = new Set(to.map((a) => JSON.stringify(a)));
          for (const a of from) if (!kept.has(JSON.stringify(a))) placesOf({ codes: [a.neighbourhoodCode] });
        };
        changed(model.activities, activities);
        changed(activities, model.activities);
      }
      if (contacts) for (const o of model.organisations.values()) if (o.hasFixedContact !== contacts.has(o.id)) placesOf(o);
      for (const place of places) for (const n of this.neighbourhoodsWithin(model, place.lat, place.lon, km)) model.cells.delete(n.code);
      if (groups) model.cells.clear();
      if (presenceRows) {
        for (const code of presences) model.cells.delete(code);
        for (const code of presences) model.presencesAt.delete(code);
        for (const r of presenceRows)
          (model.presencesAt.get(r.neighbourhoodCode) ?? model.presencesAt.set(r.neighbourhoodCode, []).get(r.neighbourhoodCode)!).push(r);
      }
      if (agreements) this.setAgreements(model, agreements);
      if (activities) this.setActivities(model, activities);
      if (contacts) for (const o of model.organisations.values()) o.hasFixedContact = contacts.has(o.id);
      if (groups) Object.assign(model, groups);
      if (districts) model.districtNames = districts;
    } catch (error) {
      for (const id of persons) this.dirtyPersons.add(id);
      for (const id of organisations) this.dirtyOrganisations.add(id);
      for (const code of presences) this.dirtyPresences.add(code);
      for (const p of parts) this.dirtyParts.add(p);
      throw error;
    }
  }

  /** The distance partners count within: a change reaches the cells of the buurten this close to it. */
  private distanceKm(): number {
    return this.config.reach.distanceKm;
  }

  private neighbourhoodsWithin(model: ReachModel, lat: number, lon: number, km: number): AreaRow[] {
    if (!model.neighbourhoods.length) return [];
    const box = boundingBox(lat, lon, km);
    return model.neighbourhoodTree
      .range(box.minLon, box.minLat, box.maxLon, box.maxLat)
      .map((i) => model.neighbourhoods[i])
      .filter((n) => haversineKm(lat, lon, n.lat, n.lon) <= km);
  }

  private async presencesOf(codes: string[]): Promise<PresenceRow[]> {
    const out: PresenceRow[] = [];
    for (let i = 0; i < codes.length; i += 500) out.push(...(await this.repository.presences({ codes: codes.slice(i, i + 500) })));
    return out;
  }

  private async loadGroups() {
    const [communities, communityLanguages, languageNames] = await Promise.all([
      this.repository.communities(),
      this.repository.communityLanguages(),
      this.repository.languageNames(),
    ]);
    return { communities, communityLanguages, languageNames };
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    // The positions first: every change committed after them is read by the next freshness check.
    const [directory, reach] = await Promise.all([this.feed.start('directory_change'), this.feed.start('reach_change')]);
    const [neighbourhoods, districtNames, groups, presences, persons, organisations, agreements, activities] = await Promise.all([
      this.repository.allNeighbourhoods(),
      this.repository.allDistrictNames(),
      this.loadGroups(),
      this.repository.presences({}),
      this.repository.loadPersons(),
      this.repository.loadOrganisations(),
      this.repository.loadAgreements(),
      this.repository.loadActivities(),
    ]);
    const tree = new KDBush(Math.max(1, neighbourhoods.length));
    for (const n of neighbourhoods) tree.add(n.lon, n.lat);
    if (!neighbourhoods.length) tree.add(1e6, 1e6);
    tree.finish();
    const model: ReachModel = {
      neighbourhoods,
      neighbourhoodByCode: new Map(neighbourhoods.map((n) => [n.code, n])),
      districtNames,
      ...groups,
      presencesAt: new Map(),
      persons: new Map(),
      organisations: new Map(),
      personsByKey: new Map(),
      organisationsByKey: new Map(),
      partnerTrees: new Map(),
      treeDelta: new Map(),
      activityTrees: new Map(),
      agreements: [],
      agreementsAt: new Map(),
      activities: [],
      activitiesAt: new Map(),
      neighbourhoodTree: tree,
      cells: new Map(),
      cellsFor: '',
    };
    for (const r of presences) (model.presencesAt.get(r.neighbourhoodCode) ?? model.presencesAt.set(r.neighbourhoodCode, []).get(r.neighbourhoodCode)!).push(r);
    for (const p of persons) this.addPerson(model, p);
    for (const o of organisations) this.addOrganisation(model, o);
    this.setAgreements(model, agreements);
    this.setActivities(model, activities);
    // The trees of every group recorded somewhere, now rather than on a first matrix (national: under a second in all).
    for (const key of keysInUse(model)) partnerTree(model, key);
    this.current = model;
    this.positions = { directory_change: directory, reach_change: reach };
    this.feedReadAt = Date.now();
    this.remember(this.positions);
    this.fullLoads++;
    if (neighbourhoods.length > 1000)
      this.logger.log(
        `Bereik geladen in ${Date.now() - started} ms: ${neighbourhoods.length} buurten, ${persons.length} personen, ${organisations.length} organisaties`,
      );
  }

  private addPerson(model: ReachModel, p: PartnerPersonRow): void {
    model.persons.set(p.id, p);
    for (const key of partnerKeys(p)) {
      addTo(model.personsByKey, key, p.id);
      touchKey(model, key, p.id);
    }
  }

  private removePerson(model: ReachModel, id: string): void {
    const old = model.persons.get(id);
    if (!old) return;
    model.persons.delete(id);
    for (const key of partnerKeys(old)) {
      model.personsByKey.get(key)?.delete(id);
      touchKey(model, key, id);
    }
  }

  private addOrganisation(model: ReachModel, o: PartnerOrganisationRow): void {
    model.organisations.set(o.id, o);
    for (const key of partnerKeys(o)) {
      addTo(model.organisationsByKey, key, o.id);
      touchKey(model, key, o.id);
    }
  }

  private removeOrganisation(model: ReachModel, id: string): void {
    const old = model.organisations.get(id);
    if (!old) return;
    model.organisations.delete(id);
    for (const key of partnerKeys(old)) {
      model.organisationsByKey.get(key)?.delete(id);
      touchKey(model, key, id);
    }
  }

  private setAgreements(model: ReachModel, agreements: DatedAgreementRow[]): void {
    model.agreements = agreements;
    model.agreementsAt = new Map();
    agreements.forEach((a, i) => {
      for (const c of a.codes) (model.agreementsAt.get(c) ?? model.agreementsAt.set(c, []).get(c)!).push(i);
    });
  }

  private setActivities(model: ReachModel, activities: DatedActivityRow[]): void {
    model.activities = activities;
    model.activityTrees = new Map();
    model.activitiesAt = new Map();
    activities.forEach((a, i) =>
      (model.activitiesAt.get(a.neighbourhoodCode) ?? model.activitiesAt.set(a.neighbourhoodCode, []).get(a.neighbourhoodCode)!).push(i),
    );
  }
}

/** The keys a partner is found by: its languages and the communities it serves. */
export function partnerKeys(p: { languages: string[]; communities: string[] }): string[] {
  return [...p.languages.map(languageKey), ...p.communities.map(communityKey)];
}
export const languageKey = (code: string) => `l:${code}`;
export const communityKey = (code: string) => `c:${code}`;

/** The keys of every group recorded as present somewhere: its community and its usual languages, or its language. */
function keysInUse(model: ReachModel): Set<string> {
  const keys = new Set<string>();
  for (const rows of model.presencesAt.values())
    for (const r of rows) {
      if (r.communityCode) {
        keys.add(communityKey(r.communityCode));
        for (const l of model.communityLanguages.get(r.communityCode) ?? []) keys.add(languageKey(l));
      } else if (r.languageCode) keys.add(languageKey(r.languageCode));
    }
  return keys;
}

/** More partners changed since a tree was built than this: build it again on its next use. */
const MAX_TREE_DELTA = 1000;

/** A partner found by `key` changed: skip its points in the key's tree and measure it directly until the tree is rebuilt. */
function touchKey(model: ReachModel, key: string, id: string): void {
  if (!model.partnerTrees.has(key)) return;
  const delta = model.treeDelta.get(key) ?? model.treeDelta.set(key, new Set()).get(key)!;
  delta.add(id);
  if (delta.size > MAX_TREE_DELTA) {
    model.partnerTrees.delete(key);
    model.treeDelta.delete(key);
  }
}

/** Where a partner works: its buurten's centres and its venue. */
function placesOf(model: ReachModel, id: string): { lat: number; lon: number }[] {
  const partner = model.persons.get(id) ?? model.organisations.get(id);
  if (!partner) return [];
  const out: { lat: number; lon: number }[] = [];
  for (const code of partner.codes) {
    const n = model.neighbourhoodByCode.get(code);
    if (n) out.push(n);
  }
  const venue = partner as { lat?: number | null; lon?: number | null };
  if (venue.lat !== null && venue.lat !== undefined && venue.lon !== null && venue.lon !== undefined) out.push({ lat: venue.lat, lon: venue.lon });
  return out;
}

function pointSet(points: { id: string; activity: number; lat: number; lon: number }[]): PointSet | null {
  if (!points.length) return null;
  const set: PointSet = {
    tree: new KDBush(points.length),
    ids: points.map((p) => p.id),
    activity: Int32Array.from(points, (p) => p.activity),
    lat: Float64Array.from(points, (p) => p.lat),
    lon: Float64Array.from(points, (p) => p.lon),
  };
  for (const p of points) set.tree.add(p.lon, p.lat);
  set.tree.finish();
  return set;
}

function partnerTree(model: ReachModel, key: string): PointSet | null {
  if (model.partnerTrees.has(key)) return model.partnerTrees.get(key)!;
  const points: { id: string; activity: number; lat: number; lon: number }[] = [];
  const at = (id: string, code: string) => {
    const n = model.neighbourhoodByCode.get(code);
    if (n) points.push({ id, activity: -1, lat: n.lat, lon: n.lon });
  };
  for (const id of model.personsByKey.get(key) ?? []) for (const code of model.persons.get(id)!.codes) at(id, code);
  for (const id of model.organisationsByKey.get(key) ?? []) {
    const o = model.organisations.get(id)!;
    for (const code of o.codes) at(id, code);
    if (o.lat !== null && o.lon !== null) points.push({ id, activity: -1, lat: o.lat, lon: o.lon });
  }
  const set = pointSet(points);
  model.partnerTrees.set(key, set);
  model.treeDelta.delete(key);
  return set;
}

function activityTree(model: ReachModel, language: string): PointSet | null {
  if (model.activityTrees.has(language)) return model.activityTrees.get(language)!;
  const points: { id: string; activity: number; lat: number; lon: number }[] = [];
  model.activities.forEach((a, i) => {
    const n = model.neighbourhoodByCode.get(a.neighbourhoodCode);
    if (n && a.languages.includes(language)) points.push({ id: a.id, activity: i, lat: n.lat, lon: n.lon });
  });
  const set = pointSet(points);
  model.activityTrees.set(language, set);
  return set;
}

/** Every point of a set within `km` of a point (haversine), with its distance; a partner may come more than once. */
function within(set: PointSet | null, lat: number, lon: number, km: number, visit: (i: number) => void): void {
  if (!set) return;
  const box = boundingBox(lat, lon, km);
  for (const i of set.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat)) if (haversineKm(lat, lon, set.lat[i], set.lon[i]) <= km) visit(i);
}

/** The partners (person or organisation ids) found by `key` that work, or have a venue, within `km` of the point. */
export function partnersNear(model: ReachModel, key: string, lat: number, lon: number, km: number, visit: (id: string) => void): void {
  const set = partnerTree(model, key);
  const delta = model.treeDelta.get(key);
  if (!delta) {
    within(set, lat, lon, km, (i) => visit(set!.ids[i]));
    return;
  }
  within(set, lat, lon, km, (i) => {
    if (!delta.has(set!.ids[i])) visit(set!.ids[i]);
  });
  // The partners changed since the tree was built, as they are now (gone, moved, or found by this key no more).
  for (const id of delta) {
    if (!model.personsByKey.get(key)?.has(id) && !model.organisationsByKey.get(key)?.has(id)) continue;
    if (placesOf(model, id).some((p) => haversineKm(lat, lon, p.lat, p.lon) <= km)) visit(id);
  }
}

/** The walk-in hours in `language` (indexes into `activities`) whose buurt's centre lies within `km` of the point. */
export function activitiesNear(model: ReachModel, language: string, lat: number, lon: number, km: number, visit: (index: number) => void): void {
  const set = activityTree(model, language);
  within(set, lat, lon, km, (i) => visit(set!.activity[i]));
}
