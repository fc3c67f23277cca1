import { isListed, listingReference } from '../../common/listing.js';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import KDBush from 'kdbush';
import { LanguageLevel } from '../person/person-language.entity.js';
import { formalRegistrationGaps } from '../person/person.rules.js';
import { boundingBox, cosOfLatitude, haversineKm, haversineKmCos } from './geo.js';
import {
  epochDay,
  type MatchCandidate,
  type MatchLocation,
  packTopics,
  PROFILE_FALLBACK_LIST,
  PROFILE_REGISTRATION_INCOMPLETE,
  PROFILE_REMOTE,
  PROFILE_VOLUNTEER_CONTRACT,
  isRemoteInterpreter,
} from './match-candidate.js';
import { compareCodes, type Dictionaries, Interner, type NeighbourhoodTable, PartnerBatch, type PartnerColumns } from './partner-columns.js';
import { MatchRepository } from './match.repository.js';
import { ChangeFeedRepository, type FeedPosition } from './change-feed.repository.js';

export interface IndexedNeighbourhood {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

/** One hit of a spatial search: a candidate, its distance and the location that is nearest. */
export interface SpatialHit {
  candidate: MatchCandidate;
  distanceKm: number;
  nearest: MatchLocation;
}

/** The points of everyone who speaks one language: one point per (partner, location). */
interface LanguagePoints {
  /** Float32 coordinates: half the memory, and about 0.5 m of rounding, which the search box allows for. */
  tree: KDBush;
  /** The slot of each point; the exact distance is taken over all the slot's locations. */
  slots: Int32Array;
}

const LEVELS = new Set<string>(Object.values(LanguageLevel));
/** Degrees added around the search box: more than a Float32 coordinate's rounding in the Netherlands (about 4e-6°). */
const FLOAT32_MARGIN = 1e-5;

/**
 * The in-memory spatial index the matcher searches: per language, a static k-d tree (kdbush) of the
 * places where its speakers work (neighbourhood centres and venues, never a person's address).
 * Partners are held in columns (PartnerColumns), not as objects, so a national directory fits the
 * server's memory budget; a search builds a candidate view only for the partners within the radius.
 *
 * Consistency with writes, on any number of processes: database triggers write one row per change
 * to a person, an organisation or their languages, communities and neighbourhoods into the change
 * feed (directory_change), in the writing transaction. Before every search the index reads the rows
 * it has not seen (one indexed query, see ChangeFeedRepository), re-reads only the partners they
 * name and rebuilds, lazily, only the trees of the languages those speak (before or after). A change
 * to a neighbourhood or community reloads everything. So a search on any process reflects every
 * write committed before it started, whoever wrote it (this server, another server, an importer).
 */
@Injectable()
export class MatchIndex implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MatchIndex');
  private columns: PartnerColumns | null = null;
  private neighbourhoods = new Map<string, IndexedNeighbourhood>();
  private neighbourhoodList: IndexedNeighbourhood[] = [];
  private neighbourhoodTree: KDBush | null = null;
  private communityNames = new Map<string, string>();
  private communityRows = new Map<string, { code: string; nameNl: string; nameEn: string }>();
  /** By language id (PartnerColumns.dictionaries.languages). */
  private trees = new Map<number, LanguagePoints>();
  /** Per slot: the search that last measured it, so a partner with several points is measured once. */
  private seenBy = new Uint32Array(0);

  private loaded = false;
  private allDirty = true;
  private dirtyPersons = new Set<string>();
  private dirtyOrganisations = new Set<string>();
  /** Per partner, the date the listing rule counts from ('' when "do not list" is set): common/listing.ts, judged at query time. */
  private listing = new Map<string, string>();
  private pending: Promise<void> | null = null;
  private searchCount = 0;
  private shuttingDown = false;
  /** How far the index has read the change feed, and when it last did. */
  private position: FeedPosition | null = null;
  private feedReadAt = 0;
  /** Positions taken over time: the one older than the retention is where pruning may cut. */
  private marks: { at: number; position: FeedPosition }[] = [];
  private pruneTimer: NodeJS.Timeout | null = null;
  /** Feed rows are kept this long; a process that has not read the feed for most of it reloads instead. */
  static readonly RETENTION_MS = 10 * 60_000;
  /** More changed partners than this since the last search: a full reload is cheaper. */
  static readonly MAX_INCREMENTAL = 20_000;
  /** Full reloads since start (tests and the benchmark check that ordinary writes cause none). */
  fullLoads = 0;

  constructor(
    private readonly repository: MatchRepository,
    private readonly feed: ChangeFeedRepository,
  ) {}

  /** Builds the index in the background at start, so the first search need not wait for it. */
  onApplicationBootstrap(): void {
    setImmediate(() => {
      if (this.shuttingDown) return;
      this.ensureFresh().catch((error) => {
        // Closing the database under a load that is still running is not a failure worth reporting.
        if (!this.shuttingDown) this.logger.error(`Index laden mislukt: ${String(error)}`);
      });
    });
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
  }

  /** Deletes feed rows older than the retention; every process does it, the rows are the same. */
  async pruneFeed(now = Date.now()): Promise<number> {
    while (this.marks.length > 1 && now - this.marks[1].at >= MatchIndex.RETENTION_MS) this.marks.shift();
    const oldest = this.marks[0];
    if (!oldest || now - oldest.at < MatchIndex.RETENTION_MS) return 0;
    return this.feed.prune(oldest.position);
  }

  private remember(position: FeedPosition): void {
    const now = Date.now();
    const last = this.marks[this.marks.length - 1];
    if (!last || now - last.at >= 60_000) this.marks.push({ at: now, position: { mark: position.mark, seen: new Set() } });
    if (!this.pruneTimer && !this.shuttingDown) {
      // Once a minute: follow the feed even when nobody searches (so an idle process never has to
      // reload everything), and prune it.
      this.pruneTimer = setInterval(() => {
        this.ensureFresh()
          .then(() => this.pruneFeed())
          .catch((error) => {
            if (!this.shuttingDown) this.logger.warn(`Wijzigingslog opschonen mislukt: ${String(error)}`);
          });
      }, 60_000);
      this.pruneTimer.unref();
    }
  }

  /** Whether a partner in the index is listed (common/listing.ts) on the day of this cutoff. */
  isListed(id: string, cutoff: string): boolean {
    return (this.listing.get(id) ?? '') > cutoff;
  }

  /** A person or organisation changed: re-read it before the next search. */
  markDirty(kind: 'PERSON' | 'ORGANISATION', id: string): void {
    (kind === 'PERSON' ? this.dirtyPersons : this.dirtyOrganisations).add(id);
  }

  /** Something changed that cannot be pinned on one partner: reload everything before the next search. */
  markAllDirty(): void {
    this.allDirty = true;
  }

  /** For services that write outside TypeORM's entity events: re-read one partner now. */
  async refresh(partnerId: string): Promise<void> {
    this.dirtyPersons.add(partnerId);
    this.dirtyOrganisations.add(partnerId);
    await this.ensureFresh();
  }

  get size(): { persons: number; organisations: number; points: number } {
    let persons = 0;
    let organisations = 0;
    let points = 0;
    const columns = this.columns;
    if (!columns) return { persons, organisations, points };
    for (let slot = 0; slot < columns.slotCount; slot++) {
      if (!columns.isAlive(slot)) continue;
      if (columns.isOrganisation(slot)) organisations++;
      else persons++;
      points += columns.locations.count[slot] * columns.languages.count[slot];
    }
    return { persons, organisations, points };
  }

  /** Applies pending changes; concurrent callers share one reload. */
  async ensureFresh(): Promise<void> {
    if (this.loaded && !this.allDirty) await this.readFeed();
    while (!this.loaded || this.allDirty || this.dirtyPersons.size || this.dirtyOrganisations.size) {
      this.pending ??= this.applyChanges().finally(() => (this.pending = null));
      await this.pending;
    }
  }

  /** Marks what other writers (and this process) changed since the last read of the feed. */
  private async readFeed(): Promise<void> {
    // Feed rows are pruned after RETENTION_MS: after a long idle spell, reload rather than risk a gap.
    if (Date.now() - this.feedReadAt > MatchIndex.RETENTION_MS / 2 || !this.position) {
      this.markAllDirty();
      return;
    }
    const readAt = Date.now();
    const read = await this.feed.since(this.position, MatchIndex.MAX_INCREMENTAL);
    // Another search may have read further meanwhile (or a reload taken place): keep the newer position.
    if (this.allDirty) return;
    if (read.overflow || read.touched.includes('ALL')) {
      this.markAllDirty();
      return;
    }
    for (const t of read.touched) if (t !== 'ALL') this.markDirty(t.kind, t.id);
    this.position = read.position;
    this.feedReadAt = readAt;
    this.remember(read.position);
  }

  private async applyChanges(): Promise<void> {
    if (this.allDirty || !this.loaded) {
      this.allDirty = false;
      this.dirtyPersons.clear();
      this.dirtyOrganisations.clear();
      try {
        await this.loadAll();
      } catch (error) {
        this.allDirty = true; // try again on the next search
        throw error;
      }
      return;
    }
    const persons = [...this.dirtyPersons];
    const organisations = [...this.dirtyOrganisations];
    this.dirtyPersons.clear();
    this.dirtyOrganisations.clear();
    const columns = this.columns!;
    let batch: PartnerBatch;
    try {
      batch = await this.readBatch({ persons, organisations }, columns.dictionaries, columns.neighbourhoods, this.listing);
    } catch (error) {
      for (const id of persons) this.dirtyPersons.add(id);
      for (const id of organisations) this.dirtyOrganisations.add(id);
      throw error;
    }
    const fresh = batch.toColumns();
    for (const id of new Set([...persons, ...organisations])) {
      // Ids are UUIDs, so an id read as both kinds (refresh(id)) is found in at most one table.
      const before = columns.slotOf(id);
      if (before !== undefined) this.forgetTrees(columns.languageIdsOf(before));
      const ordinal = batch.ordinalById.get(id);
      if (ordinal === undefined) {
        this.listing.delete(id);
        columns.remove(id);
        continue;
      }
      columns.put(batch, fresh, ordinal);
      if (this.seenBy.length < columns.slotCount) this.seenBy = new Uint32Array(Math.max(16, columns.slotCount * 2));
      this.forgetTrees(columns.languageIdsOf(columns.slotOf(id)!));
    }
  }

  private forgetTrees(languageIds: number[]): void {
    for (const id of languageIds) this.trees.delete(id);
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    // The feed position before the data: a change during the load is read again afterwards, never missed.
    const readAt = Date.now();
    const position = await this.feed.start();
    const [neighbourhoods, communities] = await Promise.all([this.repository.neighbourhoods(), this.repository.communityNames()]);
    neighbourhoods.sort((a, b) => compareCodes(a.code, b.code));
    const neighbourhoodMap = new Map(neighbourhoods.map((n) => [n.code, { code: n.code, name: n.name, lat: n.centroidLat, lon: n.centroidLon }]));
    const neighbourhoodList = [...neighbourhoodMap.values()];
    const table = neighbourhoodTableOf(neighbourhoodList);
    const listing = new Map<string, string>();
    const batch = await this.readBatch(undefined, { languages: new Interner(), communities: new Interner(), texts: new Interner() }, table, listing);
    const columns = batch.toColumns();
    this.listing = listing;

    // Swap in one synchronous step: a search never sees half of the old and half of the new.
    this.neighbourhoods = neighbourhoodMap;
    this.neighbourhoodList = neighbourhoodList;
    this.neighbourhoodTree = neighbourhoodList.length ? new KDBush(neighbourhoodList.length) : null;
    if (this.neighbourhoodTree) {
      for (const n of neighbourhoodList) this.neighbourhoodTree.add(n.lon, n.lat);
      this.neighbourhoodTree.finish();
    }
    this.communityNames = new Map(communities.map((c) => [c.code, c.nameNl]));
    this.communityRows = new Map(communities.map((c) => [c.code, c]));
    this.columns = columns;
    this.seenBy = new Uint32Array(Math.max(16, columns.slotCount));
    this.trees = this.buildAllTrees(columns);
    this.position = position;
    this.feedReadAt = readAt;
    this.remember(position);
    this.fullLoads++;
    this.loaded = true;
    const { persons, organisations, points } = this.size;
    this.logger.log(`Index geladen in ${Date.now() - started} ms: ${persons} personen, ${organisations} organisaties, ${points} punten`);
  }

  /** All language trees in two passes over the slots, so no search pays for building one. */
  private buildAllTrees(columns: PartnerColumns): Map<number, LanguagePoints> {
    const counts: number[] = new Array(columns.dictionaries.languages.values.length).fill(0);
    this.eachPoint(columns, null, (language) => counts[language]++);
    const trees = new Map<number, LanguagePoints>();
    counts.forEach((count, language) => {
      if (count > 0) trees.set(language, { tree: new KDBush(count, 64, Float32Array), slots: new Int32Array(count) });
    });
    this.eachPoint(columns, null, (language, slot, lat, lon) => {
      const points = trees.get(language)!;
      points.slots[points.tree.add(lon, lat)] = slot;
    });
    for (const points of trees.values()) points.tree.finish();
    return trees;
  }

  /** Every (language, slot, location) of the live slots, or of one language only. */
  private eachPoint(columns: PartnerColumns, only: number | null, visit: (language: number, slot: number, lat: number, lon: number) => void): void {
    const { languages, locations } = columns;
    const table = columns.neighbourhoods;
    for (let slot = 0; slot < columns.slotCount; slot++) {
      if (!columns.isAlive(slot) || !locations.count[slot]) continue;
      const langStart = languages.start[slot];
      const langEnd = langStart + languages.count[slot];
      const locStart = locations.start[slot];
      const locEnd = locStart + locations.count[slot];
      for (let i = langStart; i < langEnd; i++) {
        const language = languages.data[i] >> 2;
        if (only !== null && language !== only) continue;
        for (let k = locStart; k < locEnd; k++) {
          const value = locations.data[k];
          if (value < 0) {
            const venue = columns.venueOf(slot)!;
            visit(language, slot, venue.lat, venue.lon);
          } else {
            visit(language, slot, table.lat[value], table.lon[value]);
          }
        }
      }
    }
  }

  private tree(language: number): LanguagePoints | null {
    const cached = this.trees.get(language);
    if (cached) return cached;
    // Built on first use and after a change to a speaker of the language: one pass over all slots
    // (a few ms at 100,000), cheaper in memory than keeping a list of speakers per language.
    const columns = this.columns!;
    let count = 0;
    this.eachPoint(columns, language, () => count++);
    if (!count) return null;
    const points: LanguagePoints = { tree: new KDBush(count, 64, Float32Array), slots: new Int32Array(count) };
    this.eachPoint(columns, language, (_language, slot, lat, lon) => {
      points.slots[points.tree.add(lon, lat)] = slot;
    });
    points.tree.finish();
    this.trees.set(language, points);
    return points;
  }

  /**
   * Everyone who speaks at least one of the languages and works within `radiusKm` of the point,
   * with the distance to their nearest location. A bounding box on the tree, then exact haversine.
   * The candidates are views on the index: use them before the next await, or detach() them.
   */
  search(lat: number, lon: number, radiusKm: number, languageCodes: string[], remoteBeyondRadius = false): SpatialHit[] {
    const columns = this.columns;
    if (!columns) return [];
    const box = boundingBox(lat, lon, radiusKm);
    const cosLat = cosOfLatitude(lat);
    const { locations } = columns;
    const table = columns.neighbourhoods;
    // Each slot is measured once even when it has several points or speaks several of the
    // languages: a stamp per slot (this method never awaits, so searches cannot interleave).
    const stamp = (this.searchCount = (this.searchCount % 2_000_000_000) + 1);
    const seenBy = this.seenBy;
    const hits: SpatialHit[] = [];
    for (const code of languageCodes) {
      const language = columns.dictionaries.languages.find(code);
      const points = language === undefined ? null : this.tree(language);
      if (!points) continue;
      const found = points.tree.range(box.minLon - FLOAT32_MARGIN, box.minLat - FLOAT32_MARGIN, box.maxLon + FLOAT32_MARGIN, box.maxLat + FLOAT32_MARGIN);
      for (const i of found) {
        const slot = points.slots[i];
        if (seenBy[slot] === stamp) continue;
        seenBy[slot] = stamp;
        // The nearest of all the slot's locations (ties: the lowest neighbourhood code, the venue first).
        let nearest = 0;
        let distanceKm = Infinity;
        for (let k = locations.start[slot], end = k + locations.count[slot]; k < end; k++) {
          const value = locations.data[k];
          let d: number;
          if (value < 0) {
            const venue = columns.venueOf(slot)!;
            d = haversineKmCos(lat, lon, cosLat, venue.lat, venue.lon, venue.cosLat);
          } else {
            d = haversineKmCos(lat, lon, cosLat, table.lat[value], table.lon[value], table.cosLat[value]);
          }
          if (d < distanceKm) {
            distanceKm = d;
            nearest = value;
          }
        }
        if (distanceKm <= radiusKm) hits.push({ candidate: columns.candidate(slot), distanceKm, nearest: columns.location(slot, nearest) });
      }
      // Telephone and video interpreters come to no one (issue 15): asked for, they count wherever they work. The
      // candidate is built only for slots with the remote bit, so this pass costs a loop over the language's points.
      if (remoteBeyondRadius) {
        for (const slot of points.slots) {
          if (seenBy[slot] === stamp || (columns.profileBits[slot] & PROFILE_REMOTE) === 0) continue;
          seenBy[slot] = stamp;
          const candidate = columns.candidate(slot);
          if (!isRemoteInterpreter(candidate)) continue;
          let nearest = 0;
          let distanceKm = Infinity;
          for (let k = locations.start[slot], end = k + locations.count[slot]; k < end; k++) {
            const value = locations.data[k];
            const at = value < 0 ? columns.venueOf(slot)! : { lat: table.lat[value], lon: table.lon[value], cosLat: table.cosLat[value] };
            const d = haversineKmCos(lat, lon, cosLat, at.lat, at.lon, at.cosLat);
            if (d < distanceKm) {
              distanceKm = d;
              nearest = value;
            }
          }
          hits.push({ candidate, distanceKm, nearest: columns.location(slot, nearest) });
        }
      }
    }
    return hits;
  }

  neighbourhood(code: string): IndexedNeighbourhood | undefined {
    return this.neighbourhoods.get(code);
  }

  /** The neighbourhood whose centre is nearest the point, if one lies within `maxKm`. */
  nearestNeighbourhood(lat: number, lon: number, maxKm = 3): IndexedNeighbourhood | null {
    if (!this.neighbourhoodTree) return null;
    const box = boundingBox(lat, lon, maxKm);
    let best: IndexedNeighbourhood | null = null;
    let bestKm = Infinity;
    for (const i of this.neighbourhoodTree.range(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
      const n = this.neighbourhoodList[i];
      const km = haversineKm(lat, lon, n.lat, n.lon);
      if (km <= maxKm && km < bestKm) {
        best = n;
        bestKm = km;
      }
    }
    return best;
  }

  communityName(code: string): string | undefined {
    return this.communityNames.get(code);
  }

  community(code: string): { code: string; nameNl: string; nameEn: string } | undefined {
    return this.communityRows.get(code);
  }

  get communities(): Map<string, string> {
    return this.communityNames;
  }

  /** Reads partners into a batch; archived partners and those without any place to measure from are left out. */
  private async readBatch(
    ids: { persons: string[]; organisations: string[] } | undefined,
    dictionaries: Dictionaries,
    table: NeighbourhoodTable,
    listing: Map<string, string>,
  ): Promise<PartnerBatch> {
    const batch = new PartnerBatch(dictionaries, table);
    await this.repository.scanPartners(ids, {
      persons: (rows) => {
        for (const p of rows) {
          if (p.archivedAt) continue;
          listing.set(p.id, isListed(p, '') ? listingReference(p) : '');
          batch.addPerson({
            id: p.id,
            isKeyPerson: bool(p.isKeyPerson),
            trainedKeyPerson: bool(p.trainedKeyPerson),
            isInterpreter: bool(p.isInterpreter),
            interpreterFormal: p.interpreterFormal === null ? null : bool(p.interpreterFormal),
            isContactPerson: bool(p.isContactPerson),
            availability: p.availability,
            lastVerifiedOn: p.lastVerifiedOn,
            topicBits: p.topics ? packTopics(p.topics.split(',')) : 0,
            profileBits:
              (bool(p.volunteerContract) ? PROFILE_VOLUNTEER_CONTRACT : 0) |
              (/TELEPHONE|VIDEO/.test(p.interpreterModes ?? '') ? PROFILE_REMOTE : 0) |
              (p.interpreterKind === 'FALLBACK_LIST' ? PROFILE_FALLBACK_LIST : 0) |
              (formalRegistrationGaps(p).length ? PROFILE_REGISTRATION_INCOMPLETE : 0),
            contractEnds: epochDay(p.volunteerContractEndsOn),
            registrationEnds: epochDay(p.registrationEndsOn),
          });
        }
      },
      organisations: (rows) => {
        for (const o of rows) {
          if (o.archivedAt) continue;
          listing.set(o.id, isListed(o, '') ? listingReference(o) : '');
          const venue: MatchLocation | null =
            o.lat !== null && o.lon !== null
              ? {
                  lat: Number(o.lat),
                  lon: Number(o.lon),
                  neighbourhoodCode: null,
                  label: [o.address, o.city].filter(Boolean).join(', ') || 'van de organisatie',
                  cosLat: cosOfLatitude(Number(o.lat)),
                }
              : null;
          batch.addOrganisation({ id: o.id, kind: o.kind, lastVerifiedOn: o.lastVerifiedOn, venue });
        }
      },
      personLanguages: (rows) => {
        for (const r of rows) if (LEVELS.has(r.level)) batch.addLanguage(r.personId, r.languageCode, r.level as LanguageLevel);
      },
      personCommunities: (rows) => {
        for (const r of rows) batch.addCommunity(r.personId, r.communityCode);
      },
      personNeighbourhoods: (rows) => {
        for (const r of rows) batch.addNeighbourhood(r.personId, r.neighbourhoodCode);
      },
      organisationLanguages: (rows) => {
        for (const r of rows) batch.addLanguage(r.organisationId, r.languageCode, null);
      },
      organisationCommunities: (rows) => {
        for (const r of rows) batch.addCommunity(r.organisationId, r.communityCode);
      },
      organisationNeighbourhoods: (rows) => {
        for (const r of rows) batch.addNeighbourhood(r.organisationId, r.neighbourhoodCode);
      },
    });
    return batch;
  }
}

/** Shared location objects and coordinate columns for the neighbourhoods, in the given (code) order. */
function neighbourhoodTableOf(list: IndexedNeighbourhood[]): NeighbourhoodTable {
  const table: NeighbourhoodTable = {
    locations: list.map((n) => ({ lat: n.lat, lon: n.lon, neighbourhoodCode: n.code, label: n.name, cosLat: cosOfLatitude(n.lat) })),
    indexByCode: new Map(list.map((n, i) => [n.code, i])),
    lat: Float64Array.from(list, (n) => n.lat),
    lon: Float64Array.from(list, (n) => n.lon),
    cosLat: Float64Array.from(list, (n) => cosOfLatitude(n.lat)),
  };
  return table;
}

function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}
