import { Injectable, Logger } from '@nestjs/common';
import KDBush from 'kdbush';
import { LanguageLevel } from '../person/person-language.entity.js';
import { boundingBox, haversineKm } from './geo.js';
import type { MatchCandidate, MatchLocation } from './match-candidate.js';
import { MatchRepository, type PartnerRows } from './match.repository.js';

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
  candidates: MatchCandidate[];
  locations: MatchLocation[];
}

const LEVELS = new Set<string>(Object.values(LanguageLevel));

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
export class MatchIndex {
  private readonly logger = new Logger('MatchIndex');
  private candidates = new Map<string, MatchCandidate>();
  private neighbourhoods = new Map<string, IndexedNeighbourhood>();
  private neighbourhoodList: IndexedNeighbourhood[] = [];
  private neighbourhoodTree: KDBush | null = null;
  private communityNames = new Map<string, string>();
  private trees = new Map<string, LanguagePoints>();
  /** Language code → candidates who speak it; kept up to date, trees are built from these. */
  private speakers = new Map<string, Set<MatchCandidate>>();

  private loaded = false;
  private allDirty = true;
  private dirtyPersons = new Set<string>();
  private dirtyOrganisations = new Set<string>();
  private pending: Promise<void> | null = null;

  constructor(private readonly repository: MatchRepository) {}

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
      points += c.locations.length * c.languages.size;
    }
    return { persons, organisations, points };
  }

  /** Applies pending changes; concurrent callers share one reload. */
  async ensureFresh(): Promise<void> {
    while (this.allDirty || this.dirtyPersons.size || this.dirtyOrganisations.size) {
      this.pending ??= this.applyChanges().finally(() => (this.pending = null));
      await this.pending;
    }
  }

  private async applyChanges(): Promise<void> {
    if (this.allDirty || !this.loaded) {
      this.allDirty = false;
      this.dirtyPersons.clear();
      this.dirtyOrganisations.clear();
      await this.loadAll();
      return;
    }
    const persons = [...this.dirtyPersons];
    const organisations = [...this.dirtyOrganisations];
    this.dirtyPersons.clear();
    this.dirtyOrganisations.clear();
    const rows = await this.repository.partners({ persons, organisations });
    const fresh = this.toCandidates(rows);
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
    this.neighbourhoodTree = this.neighbourhoodList.length ? new KDBush(this.neighbourhoodList.length) : null;
    if (this.neighbourhoodTree) {
      for (const n of this.neighbourhoodList) this.neighbourhoodTree.add(n.lon, n.lat);
      this.neighbourhoodTree.finish();
    }
    this.communityNames = new Map(communities.map((c) => [c.code, c.nameNl]));
    const fresh = this.toCandidates(await this.repository.partners());
    this.candidates = new Map();
    this.speakers = new Map();
    this.trees = new Map();
    for (const candidate of fresh.values()) this.link(candidate);
    this.loaded = true;
    const { persons, organisations, points } = this.size;
    this.logger.log(`Index geladen in ${Date.now() - started} ms: ${persons} personen, ${organisations} organisaties, ${points} punten`);
  }

  private link(candidate: MatchCandidate): void {
    this.candidates.set(candidate.id, candidate);
    for (const code of candidate.languages.keys()) {
      let set = this.speakers.get(code);
      if (!set) this.speakers.set(code, (set = new Set()));
      set.add(candidate);
      this.trees.delete(code);
    }
  }

  private unlink(candidate: MatchCandidate): void {
    for (const code of candidate.languages.keys()) {
      this.speakers.get(code)?.delete(candidate);
      this.trees.delete(code);
    }
  }

  private tree(code: string): LanguagePoints | null {
    const cached = this.trees.get(code);
    if (cached) return cached;
    const speakers = this.speakers.get(code);
    if (!speakers?.size) return null;
    const candidates: MatchCandidate[] = [];
    const locations: MatchLocation[] = [];
    for (const c of speakers) {
      for (const location of c.locations) {
        candidates.push(c);
        locations.push(location);
      }
    }
    if (!candidates.length) return null;
    const tree = new KDBush(candidates.length);
    for (const location of locations) tree.add(location.lon, location.lat);
    tree.finish();
    const points = { tree, candidates, locations };
    this.trees.set(code, points);
    return points;
  }

  /**
   * Everyone who speaks at least one of the languages and works within `radiusKm` of the point,
   * with the distance to their nearest location. A bounding box on the tree, then exact haversine.
   */
  search(lat: number, lon: number, radiusKm: number, languageCodes: string[]): SpatialHit[] {
    const box = boundingBox(lat, lon, radiusKm);
    const best = new Map<MatchCandidate, SpatialHit>();
    for (const code of languageCodes) {
      const points = this.tree(code);
      if (!points) continue;
      for (const i of points.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
        const location = points.locations[i];
        const distanceKm = haversineKm(lat, lon, location.lat, location.lon);
        if (distanceKm > radiusKm) continue;
        const candidate = points.candidates[i];
        const hit = best.get(candidate);
        if (!hit) best.set(candidate, { candidate, distanceKm, nearest: location });
        else if (distanceKm < hit.distanceKm || (distanceKm === hit.distanceKm && (location.neighbourhoodCode ?? '') < (hit.nearest.neighbourhoodCode ?? ''))) {
          hit.distanceKm = distanceKm;
          hit.nearest = location;
        }
      }
    }
    return [...best.values()];
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

  get communities(): Map<string, string> {
    return this.communityNames;
  }

  private location(code: string): MatchLocation | null {
    const n = this.neighbourhoods.get(code);
    return n ? { lat: n.lat, lon: n.lon, neighbourhoodCode: n.code, label: n.name } : null;
  }

  /** Rows to candidates; archived partners and those without any place to measure from are left out. */
  private toCandidates(rows: PartnerRows): Map<string, MatchCandidate> {
    const out = new Map<string, MatchCandidate>();
    for (const p of rows.persons) {
      if (p.archivedAt) continue;
      out.set(p.id, {
        id: p.id, kind: 'PERSON', isKeyPerson: bool(p.isKeyPerson), trainedKeyPerson: bool(p.trainedKeyPerson),
        isInterpreter: bool(p.isInterpreter), interpreterFormal: p.interpreterFormal === null ? null : bool(p.interpreterFormal),
        registrationNumber: p.registrationNumber, isContactPerson: bool(p.isContactPerson), organisationKind: null,
        availability: (['AVAILABLE', 'LIMITED', 'UNAVAILABLE'].includes(p.availability) ? p.availability : 'AVAILABLE') as MatchCandidate['availability'],
        availabilityNote: p.availabilityNote, lastVerifiedOn: p.lastVerifiedOn,
        languages: new Map(), communities: [], topics: p.topics ? p.topics.split(',').filter(Boolean) : [], locations: [],
      });
    }
    for (const o of rows.organisations) {
      if (o.archivedAt) continue;
      const venue: MatchLocation[] = o.lat !== null && o.lon !== null
        ? [{ lat: Number(o.lat), lon: Number(o.lon), neighbourhoodCode: null, label: [o.address, o.city].filter(Boolean).join(', ') || 'van de organisatie' }]
        : [];
      out.set(o.id, {
        id: o.id, kind: 'ORGANISATION', isKeyPerson: false, trainedKeyPerson: false, isInterpreter: false, interpreterFormal: null,
        registrationNumber: null, isContactPerson: false, organisationKind: o.kind, availability: 'AVAILABLE', availabilityNote: null,
        lastVerifiedOn: o.lastVerifiedOn, languages: new Map(), communities: [], topics: [], locations: venue,
      });
    }
    for (const r of rows.personLanguages) {
      if (LEVELS.has(r.level)) out.get(r.personId)?.languages.set(r.languageCode, r.level as LanguageLevel);
    }
    for (const r of rows.personCommunities) out.get(r.personId)?.communities.push(r.communityCode);
    for (const r of rows.personNeighbourhoods) {
      const location = this.location(r.neighbourhoodCode);
      if (location) out.get(r.personId)?.locations.push(location);
    }
    for (const r of rows.organisationLanguages) out.get(r.organisationId)?.languages.set(r.languageCode, null);
    for (const r of rows.organisationCommunities) out.get(r.organisationId)?.communities.push(r.communityCode);
    for (const r of rows.organisationNeighbourhoods) {
      const location = this.location(r.neighbourhoodCode);
      if (location) out.get(r.organisationId)?.locations.push(location);
    }
    for (const c of out.values()) {
      // A stable order, so "the nearest location" is the same whatever order rows came in.
      c.locations.sort((a, b) => (a.neighbourhoodCode ?? '').localeCompare(b.neighbourhoodCode ?? ''));
      c.communities.sort();
    }
    return out;
  }
}

function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}
