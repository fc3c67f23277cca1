import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import KDBush from 'kdbush';
import { boundingBox } from '../matching/geo.js';
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
  /** The buurten's centres, for "within distance" (ids are indexes into `neighbourhoods`). */
  neighbourhoodTree: KDBush;
  districtNames: Map<string, string>;
  communities: { code: string; nameNl: string; nameEn: string }[];
  communityLanguages: Map<string, string[]>;
  languageNames: Map<string, { nameNl: string; nameEn: string }>;
  /** Per buurt the analysis rows in the order they count (observedOn, updatedAt, id): a later one revises an earlier one. */
  presencesAt: Map<string, PresenceRow[]>;
  persons: Map<string, PartnerPersonRow>;
  personsAt: Map<string, Set<string>>;
  organisations: Map<string, PartnerOrganisationRow>;
  organisationsAt: Map<string, Set<string>>;
  /** Venues (ids are indexes into `venueIds`); rebuilt when an organisation changes. */
  venueTree: KDBush | null;
  venueIds: string[];
  agreements: DatedAgreementRow[];
  agreementsAt: Map<string, number[]>;
  activities: DatedActivityRow[];
  activitiesAt: Map<string, number[]>;
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
      if (personRows) {
        for (const id of persons) this.removePerson(model, id);
        for (const p of personRows) this.addPerson(model, p);
      }
      if (organisationRows) {
        for (const id of organisations) this.removeOrganisation(model, id);
        for (const o of organisationRows) this.addOrganisation(model, o);
        model.venueTree = null;
      }
      if (presenceRows) {
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
    if (!neighbourhoods.length) tree.add(0, 0);
    tree.finish();
    const model: ReachModel = {
      neighbourhoods,
      neighbourhoodByCode: new Map(neighbourhoods.map((n) => [n.code, n])),
      neighbourhoodTree: tree,
      districtNames,
      ...groups,
      presencesAt: new Map(),
      persons: new Map(),
      personsAt: new Map(),
      organisations: new Map(),
      organisationsAt: new Map(),
      venueTree: null,
      venueIds: [],
      agreements: [],
      agreementsAt: new Map(),
      activities: [],
      activitiesAt: new Map(),
    };
    for (const r of presences) (model.presencesAt.get(r.neighbourhoodCode) ?? model.presencesAt.set(r.neighbourhoodCode, []).get(r.neighbourhoodCode)!).push(r);
    for (const p of persons) this.addPerson(model, p);
    for (const o of organisations) this.addOrganisation(model, o);
    this.setAgreements(model, agreements);
    this.setActivities(model, activities);
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
    for (const c of p.codes) addTo(model.personsAt, c, p.id);
  }

  private removePerson(model: ReachModel, id: string): void {
    const old = model.persons.get(id);
    if (!old) return;
    model.persons.delete(id);
    for (const c of old.codes) model.personsAt.get(c)?.delete(id);
  }

  private addOrganisation(model: ReachModel, o: PartnerOrganisationRow): void {
    model.organisations.set(o.id, o);
    for (const c of o.codes) addTo(model.organisationsAt, c, o.id);
  }

  private removeOrganisation(model: ReachModel, id: string): void {
    const old = model.organisations.get(id);
    if (!old) return;
    model.organisations.delete(id);
    for (const c of old.codes) model.organisationsAt.get(c)?.delete(id);
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
    model.activitiesAt = new Map();
    activities.forEach((a, i) =>
      (model.activitiesAt.get(a.neighbourhoodCode) ?? model.activitiesAt.set(a.neighbourhoodCode, []).get(a.neighbourhoodCode)!).push(i),
    );
  }
}

/** The buurten whose centre lies within the box around a point at `km` (a superset of those within `km`). */
export function neighbourhoodsAround(model: ReachModel, lat: number, lon: number, km: number): AreaRow[] {
  if (!model.neighbourhoods.length) return [];
  const box = boundingBox(lat, lon, km);
  return model.neighbourhoodTree.range(box.minLon, box.minLat, box.maxLon, box.maxLat).map((i) => model.neighbourhoods[i]);
}

/** The organisations with a venue within the box around a point at `km` (a superset of those within `km`). */
export function venuesAround(model: ReachModel, lat: number, lon: number, km: number): PartnerOrganisationRow[] {
  if (!model.venueTree) {
    const located = [...model.organisations.values()].filter((o) => o.lat !== null && o.lon !== null);
    model.venueIds = located.map((o) => o.id);
    const tree = new KDBush(Math.max(1, located.length));
    for (const o of located) tree.add(o.lon!, o.lat!);
    if (!located.length) tree.add(1e6, 1e6);
    tree.finish();
    model.venueTree = tree;
  }
  if (!model.venueIds.length) return [];
  const box = boundingBox(lat, lon, km);
  return model.venueTree.range(box.minLon, box.minLat, box.maxLon, box.maxLat).map((i) => model.organisations.get(model.venueIds[i])!);
}
