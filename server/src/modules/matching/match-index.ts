import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import KDBush from 'kdbush';
import { LanguageLevel } from '../person/person-language.entity.js';
import { boundingBox, cosOfLatitude, haversineKm, haversineKmCos } from './geo.js';
import { type MatchCandidate, type MatchLocation, packLevels, packTopics } from './match-candidate.js';
import { MatchRepository } from './match.repository.js';

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
  tree: KDBush;
  /** The candidate of each point; the exact distance is taken over all the candidate's locations. */
  candidates: MatchCandidate[];
}

const LEVELS = new Set<string>(Object.values(LanguageLevel));
const AVAILABILITIES = new Set(['AVAILABLE', 'LIMITED', 'UNAVAILABLE']);

/**
 * The in-memory spatial index the matcher searches: per language, a static k-d tree (kdbush) of the
 * places where its speakers work (neighbourhood centres and venues, never a person's address).
 *
 * Consistency with writes: a TypeORM subscriber (MatchIndexSubscriber) calls `markDirty` for every
 * change to a person, an organisation or their languages, communities and neighbourhoods, and
 * `markAllDirty` when it cannot tell what changed (bulk query-builder deletes, a rollback, a
 * neighbourhood import). Other code may call `refresh(id)` directly. Before each search the dirty
 * partners are re-read from the database and only the trees of the languages they speak (before or
 * after) are rebuilt, lazily, on the next search in that language.
 */
@Injectable()
export class MatchIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger('MatchIndex');
  private candidates = new Map<string, MatchCandidate>();
  private neighbourhoods = new Map<string, IndexedNeighbourhood>();
  private neighbourhoodList: IndexedNeighbourhood[] = [];
  private neighbourhoodLocations = new Map<string, MatchLocation>();
  private neighbourhoodTree: KDBush | null = null;
  private communityNames = new Map<string, string>();
  private communityRows = new Map<string, { code: string; nameNl: string; nameEn: string }>();
  private trees = new Map<string, LanguagePoints>();

  private loaded = false;
  private allDirty = true;
  private dirtyPersons = new Set<string>();
  private dirtyOrganisations = new Set<string>();
  private pending: Promise<void> | null = null;
  private searchCount = 0;

  constructor(private readonly repository: MatchRepository) {}

  /** Builds the index in the background at start, so the first search need not wait for it. */
  onApplicationBootstrap(): void {
    setImmediate(() => this.ensureFresh().catch((error) => this.logger.error(`Index laden mislukt: ${String(error)}`)));
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
    for (const c of this.candidates.values()) {
      if (c.kind === 'PERSON') persons++;
      else organisations++;
      points += c.locations.length * c.languageCodes.length;
    }
    return { persons, organisations, points };
  }

  /** Applies pending changes; concurrent callers share one reload. */
  async ensureFresh(): Promise<void> {
    while (!this.loaded || this.allDirty || this.dirtyPersons.size || this.dirtyOrganisations.size) {
      this.pending ??= this.applyChanges().finally(() => (this.pending = null));
      await this.pending;
    }
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
    let fresh: Map<string, MatchCandidate>;
    try {
      fresh = await this.readCandidates({ persons, organisations });
    } catch (error) {
      for (const id of persons) this.dirtyPersons.add(id);
      for (const id of organisations) this.dirtyOrganisations.add(id);
      throw error;
    }
    for (const id of new Set([...persons, ...organisations])) {
      // Ids are UUIDs, so an id read as both kinds (refresh(id)) is found in at most one table.
      const before = this.candidates.get(id);
      const after = fresh.get(id);
      if (before) this.unlink(before);
      if (after) this.link(after);
      else this.candidates.delete(id);
    }
  }

  private async loadAll(): Promise<void> {
    const started = Date.now();
    const [neighbourhoods, communities] = await Promise.all([this.repository.neighbourhoods(), this.repository.communityNames()]);
    this.neighbourhoods = new Map(neighbourhoods.map((n) => [n.code, { code: n.code, name: n.name, lat: n.centroidLat, lon: n.centroidLon }]));
    this.neighbourhoodList = [...this.neighbourhoods.values()];
    this.neighbourhoodLocations = new Map(this.neighbourhoodList.map((n) => [n.code, { lat: n.lat, lon: n.lon, neighbourhoodCode: n.code, label: n.name, cosLat: cosOfLatitude(n.lat) }]));
    this.neighbourhoodTree = this.neighbourhoodList.length ? new KDBush(this.neighbourhoodList.length) : null;
    if (this.neighbourhoodTree) {
      for (const n of this.neighbourhoodList) this.neighbourhoodTree.add(n.lon, n.lat);
      this.neighbourhoodTree.finish();
    }
    this.communityNames = new Map(communities.map((c) => [c.code, c.nameNl]));
    this.communityRows = new Map(communities.map((c) => [c.code, c]));
    const fresh = await this.readCandidates(undefined);
    this.candidates = new Map();
    this.trees = new Map();
    for (const candidate of fresh.values()) this.link(candidate);
    this.buildAllTrees();
    this.loaded = true;
    const { persons, organisations, points } = this.size;
    this.logger.log(`Index geladen in ${Date.now() - started} ms: ${persons} personen, ${organisations} organisaties, ${points} punten`);
  }

  private link(candidate: MatchCandidate): void {
    this.candidates.set(candidate.id, candidate);
    for (const code of candidate.languageCodes) this.trees.delete(code);
  }

  private unlink(candidate: MatchCandidate): void {
    for (const code of candidate.languageCodes) this.trees.delete(code);
  }

  /** All language trees in two passes over the candidates, so no search pays for building one. */
  private buildAllTrees(): void {
    const counts = new Map<string, number>();
    for (const c of this.candidates.values()) {
      for (const code of c.languageCodes) counts.set(code, (counts.get(code) ?? 0) + c.locations.length);
    }
    const building = new Map<string, LanguagePoints>();
    for (const [code, count] of counts) if (count > 0) building.set(code, { tree: new KDBush(count), candidates: new Array(count) });
    for (const c of this.candidates.values()) {
      for (const code of c.languageCodes) {
        const points = building.get(code);
        if (points) for (const location of c.locations) points.candidates[points.tree.add(location.lon, location.lat)] = c;
      }
    }
    for (const [code, points] of building) this.trees.set(code, { tree: points.tree.finish(), candidates: points.candidates });
  }

  private tree(code: string): LanguagePoints | null {
    const cached = this.trees.get(code);
    if (cached) return cached;
    // Built on first use and after a change to a speaker of the language: one pass over all candidates
    // (a few ms at 100,000), cheaper in memory than keeping a list of speakers per language.
    let count = 0;
    for (const c of this.candidates.values()) if (c.languageCodes.includes(code)) count += c.locations.length;
    if (!count) return null;
    const tree = new KDBush(count);
    const candidates: MatchCandidate[] = new Array(count);
    for (const c of this.candidates.values()) {
      if (!c.languageCodes.includes(code)) continue;
      for (const location of c.locations) candidates[tree.add(location.lon, location.lat)] = c;
    }
    tree.finish();
    const points = { tree, candidates };
    this.trees.set(code, points);
    return points;
  }

  /**
   * Everyone who speaks at least one of the languages and works within `radiusKm` of the point,
   * with the distance to their nearest location. A bounding box on the tree, then exact haversine.
   */
  search(lat: number, lon: number, radiusKm: number, languageCodes: string[]): SpatialHit[] {
    const box = boundingBox(lat, lon, radiusKm);
    const cosLat = cosOfLatitude(lat);
    // Each candidate is measured once even when it has several points or speaks several of the
    // languages: a stamp on the candidate (this method never awaits, so searches cannot interleave).
    const stamp = (this.searchCount = (this.searchCount % 2_000_000_000) + 1);
    const hits: SpatialHit[] = [];
    for (const code of languageCodes) {
      const points = this.tree(code);
      if (!points) continue;
      for (const i of points.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
        const candidate = points.candidates[i];
        if (candidate.seenBy === stamp) continue;
        candidate.seenBy = stamp;
        // The nearest of all the candidate's locations (ties: the lowest neighbourhood code, as sorted at load).
        const locations = candidate.locations;
        let nearest = locations[0];
        let distanceKm = haversineKmCos(lat, lon, cosLat, nearest.lat, nearest.lon, nearest.cosLat);
        for (let k = 1; k < locations.length; k++) {
          const location = locations[k];
          const d = haversineKmCos(lat, lon, cosLat, location.lat, location.lon, location.cosLat);
          if (d < distanceKm) {
            distanceKm = d;
            nearest = location;
          }
        }
        if (distanceKm <= radiusKm) hits.push({ candidate, distanceKm, nearest });
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

  /** One shared location object per neighbourhood: 100,000 persons point at 12,000 of them. */
  private location(code: string): MatchLocation | null {
    return this.neighbourhoodLocations.get(code) ?? null;
  }

  /** Reads partners into candidates; archived partners and those without any place to measure from are left out. */
  private async readCandidates(ids: { persons: string[]; organisations: string[] } | undefined): Promise<Map<string, MatchCandidate>> {
    const out = new Map<string, MatchCandidate>();
    await this.repository.scanPartners(ids, {
      persons: (rows) => {
        for (const p of rows) {
          if (p.archivedAt) continue;
          out.set(p.id, {
            id: p.id, kind: 'PERSON', isKeyPerson: bool(p.isKeyPerson), trainedKeyPerson: bool(p.trainedKeyPerson),
            isInterpreter: bool(p.isInterpreter), interpreterFormal: p.interpreterFormal === null ? null : bool(p.interpreterFormal),
            isContactPerson: bool(p.isContactPerson), organisationKind: null,
            availability: (AVAILABILITIES.has(p.availability) ? p.availability : 'AVAILABLE') as MatchCandidate['availability'],
            lastVerifiedOn: intern(p.lastVerifiedOn),
            languageCodes: [], levelBits: 0, communities: [], topicBits: p.topics ? packTopics(p.topics.split(',')) : 0, locations: [], seenBy: 0,
          });
        }
      },
      organisations: (rows) => {
        for (const o of rows) {
          if (o.archivedAt) continue;
          const venue: MatchLocation[] = o.lat !== null && o.lon !== null
            ? [{ lat: Number(o.lat), lon: Number(o.lon), neighbourhoodCode: null, label: [o.address, o.city].filter(Boolean).join(', ') || 'van de organisatie', cosLat: cosOfLatitude(Number(o.lat)) }]
            : [];
          out.set(o.id, {
            id: o.id, kind: 'ORGANISATION', isKeyPerson: false, trainedKeyPerson: false, isInterpreter: false, interpreterFormal: null,
            isContactPerson: false, organisationKind: intern(o.kind), availability: 'AVAILABLE',
            lastVerifiedOn: intern(o.lastVerifiedOn), languageCodes: [], levelBits: 0, communities: [], topicBits: 0, locations: venue, seenBy: 0,
          });
        }
      },
      personLanguages: (rows) => {
        for (const r of rows) {
          const c = out.get(r.personId);
          if (!c || !LEVELS.has(r.level)) continue;
          const i = c.languageCodes.length;
          if (i >= 26) continue;
          c.languageCodes.push(intern(r.languageCode));
          c.levelBits += packLevels([r.level as LanguageLevel]) * 4 ** i;
        }
      },
      personCommunities: (rows) => {
        for (const r of rows) out.get(r.personId)?.communities.push(intern(r.communityCode));
      },
      personNeighbourhoods: (rows) => {
        for (const r of rows) {
          const location = this.location(r.neighbourhoodCode);
          if (location) out.get(r.personId)?.locations.push(location);
        }
      },
      organisationLanguages: (rows) => {
        for (const r of rows) {
          const c = out.get(r.organisationId);
          if (!c) continue;
          if (c.languageCodes.length >= 26) continue;
          c.languageCodes.push(intern(r.languageCode));
        }
      },
      organisationCommunities: (rows) => {
        for (const r of rows) out.get(r.organisationId)?.communities.push(intern(r.communityCode));
      },
      organisationNeighbourhoods: (rows) => {
        for (const r of rows) {
          const location = this.location(r.neighbourhoodCode);
          if (location) out.get(r.organisationId)?.locations.push(location);
        }
      },
    });
    for (const c of out.values()) {
      // A stable order, so "the nearest location" is the same whatever order rows came in.
      if (c.locations.length > 1) c.locations.sort((a, b) => (a.neighbourhoodCode ?? '').localeCompare(b.neighbourhoodCode ?? ''));
      if (c.communities.length > 1) c.communities.sort();
      // An array grown by push keeps room for 16 elements: copy to the exact size (or share one empty
      // array). At 100,000 partners this halves the index's memory. Candidates are never changed after this.
      c.languageCodes = compact(c.languageCodes);
      c.communities = compact(c.communities);
      c.locations = compact(c.locations);
    }
    return out;
  }
}

/**
 * One copy of each repeated short string (language codes, levels, topics, dates): the database
 * driver hands out a fresh string per row, and 100,000 persons repeat a few hundred values.
 */
const strings = new Map<string, string>();
function intern<T extends string | null>(value: T): T {
  if (value === null) return value;
  const known = strings.get(value);
  if (known !== undefined) return known as T;
  if (strings.size < 50_000) strings.set(value, value);
  return value;
}

const EMPTY: never[] = [];
function compact<T>(list: T[]): T[] {
  return list.length === 0 ? EMPTY : list.slice();
}

function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}
