import type { LanguageLevel } from '../person/person-language.entity.js';
import type { MatchCandidate, MatchLocation, PartnerKind } from './match-candidate.js';

/**
 * Column storage for the matcher's read model: one slot per partner, its scalar fields in typed
 * arrays and its lists (languages, communities, locations) in one flat Int32Array per list.
 *
 * Why not one object per partner: at 100,000 partners the objects, their three small arrays and
 * their boxed numbers cost about 50 MB of JavaScript heap, and the collector's headroom on top of
 * that pushed the server past its memory budget. Here the only per-partner JavaScript value is the
 * id string; the rest is about 40 bytes of typed arrays. A search materialises a `StoredCandidate`
 * view only for the partners inside the radius.
 */

const ALIVE = 1;
const ORGANISATION = 2;
const KEY_PERSON = 4;
const TRAINED_KEY_PERSON = 8;
const INTERPRETER = 16;
const FORMAL_INTERPRETER = 32;
const INFORMAL_INTERPRETER = 64;
const CONTACT_PERSON = 128;

const AVAILABILITY: MatchCandidate['availability'][] = ['AVAILABLE', 'LIMITED', 'UNAVAILABLE'];
const LEVEL_BITS: Record<string, number> = { NATIVE: 1, FLUENT: 2, BASIC: 3 };
/** levelBits packs two bits per language into a double: 26 languages fit exactly. */
export const MAX_LANGUAGES = 26;

/** One number per distinct string (language codes, community codes, kinds, dates), so columns hold small integers. */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** A copy of a typed array at another length: the first `used` items (all that fit by default), zeros after. */
function resized<T extends Uint8Array | Int32Array>(a: T, length: number, used = Math.min(a.length, length)): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a.subarray(0, used));
  return next;
}

/** An Int32Array that grows by doubling. */
class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.grow(this.length + 2);
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  grow(needed: number): void {
    let size = this.data.length;
    while (size < needed) size *= 2;
    this.data = resized(this.data, size, this.length);
  }
}

/**
 * Variable-length lists per slot in one flat array. A changed list is appended at the end and the
 * old run becomes garbage; when garbage outweighs the live items the array is compacted.
 */
export class ListColumn {
  start: Int32Array;
  count: Int32Array;
  data: Int32Array;
  used: number;
  private garbage = 0;

  constructor(start: Int32Array, count: Int32Array, data: Int32Array, used: number) {
    this.start = start;
    this.count = count;
    this.data = data;
    this.used = used;
  }

  /** Lists from (slot, value) pairs, in pair order within a slot: a counting sort, no per-slot arrays. */
  static fromPairs(pairs: IntList, slots: number): ListColumn {
    const start = new Int32Array(slots);
    const count = new Int32Array(slots);
    const p = pairs.data;
    for (let i = 0; i < pairs.length; i += 2) count[p[i]]++;
    let offset = 0;
    for (let s = 0; s < slots; s++) {
      start[s] = offset;
      offset += count[s];
    }
    const data = new Int32Array(Math.max(16, offset));
    const fill = new Int32Array(slots);
    for (let i = 0; i < pairs.length; i += 2) {
      const s = p[i];
      data[start[s] + fill[s]++] = p[i + 1];
    }
    return new ListColumn(start, count, data, offset);
  }

  resize(slots: number): void {
    this.start = resized(this.start, slots);
    this.count = resized(this.count, slots);
  }

  items(slot: number): Int32Array {
    return this.data.subarray(this.start[slot], this.start[slot] + this.count[slot]);
  }

  set(slot: number, values: ArrayLike<number>): void {
    this.garbage += this.count[slot];
    this.count[slot] = 0;
    if (this.garbage > 4096 && this.garbage > this.used / 2) this.compact();
    if (this.used + values.length > this.data.length) {
      let size = this.data.length;
      while (size < this.used + values.length) size *= 2;
      this.data = resized(this.data, size, this.used);
    }
    for (let i = 0; i < values.length; i++) this.data[this.used + i] = values[i];
    this.start[slot] = this.used;
    this.count[slot] = values.length;
    this.used += values.length;
  }

  private compact(): void {
    const live = this.used - this.garbage;
    const data = new Int32Array(Math.max(16, live * 2));
    let offset = 0;
    for (let s = 0; s < this.start.length; s++) {
      const n = this.count[s];
      if (!n) continue;
      data.set(this.data.subarray(this.start[s], this.start[s] + n), offset);
      this.start[s] = offset;
      offset += n;
    }
    this.data = data;
    this.used = offset;
    this.garbage = 0;
  }
}

/** Code-unit order, as the database's binary collation and Array.prototype.sort sort codes. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The neighbourhood centres partners are placed at, sorted by code, so list order is code order. */
export interface NeighbourhoodTable {
  /** Shared location objects: a hit's nearest location is one of these (or a venue). */
  locations: MatchLocation[];
  indexByCode: Map<string, number>;
  lat: Float64Array;
  lon: Float64Array;
  cosLat: Float64Array;
}

export interface PersonFields {
  id: string;
  isKeyPerson: boolean;
  trainedKeyPerson: boolean;
  isInterpreter: boolean;
  interpreterFormal: boolean | null;
  isContactPerson: boolean;
  availability: string;
  lastVerifiedOn: string | null;
  topicBits: number;
  /** Issue 15: PROFILE_* bits and the end dates of the volunteer contract and the Rbtv registration (epoch days, 0 none). */
  profileBits?: number;
  contractEnds?: number;
  registrationEnds?: number;
}

export interface OrganisationFields {
  id: string;
  kind: string;
  lastVerifiedOn: string | null;
  venue: MatchLocation | null;
}

/** The string tables shared by a batch and the columns it is written into. */
export interface Dictionaries {
  languages: Interner;
  communities: Interner;
  texts: Interner;
}

/**
 * Partners as read from the database, in the column layout, before they enter the index: a full
 * load becomes the index's columns as they are; a refresh of a few partners is copied slot by slot.
 */
export class PartnerBatch {
  readonly ids: string[] = [];
  readonly ordinalById = new Map<string, number>();
  private flags = new Uint8Array(1024);
  private availability = new Uint8Array(1024);
  private organisationKind = new Int32Array(1024);
  private verified = new Int32Array(1024);
  private topicBits = new Int32Array(1024);
  private profileBits = new Int32Array(1024);
  private contractEnds = new Int32Array(1024);
  private registrationEnds = new Int32Array(1024);
  readonly venues = new Map<number, MatchLocation>();
  private readonly languagePairs = new IntList();
  private readonly communityPairs = new IntList();
  private readonly locationPairs = new IntList();

  constructor(
    readonly dictionaries: Dictionaries,
    private readonly neighbourhoods: NeighbourhoodTable,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  private add(id: string): number {
    // A partner read twice (it cannot happen with primary keys, but cheap to guard) keeps one slot: the last row wins.
    const known = this.ordinalById.get(id);
    if (known !== undefined) return known;
    const ordinal = this.ids.length;
    if (ordinal === this.flags.length) {
      const length = this.flags.length * 2;
      this.flags = resized(this.flags, length);
      this.availability = resized(this.availability, length);
      this.organisationKind = resized(this.organisationKind, length);
      this.verified = resized(this.verified, length);
      this.topicBits = resized(this.topicBits, length);
      this.profileBits = resized(this.profileBits, length);
      this.contractEnds = resized(this.contractEnds, length);
      this.registrationEnds = resized(this.registrationEnds, length);
    }
    this.ids.push(id);
    this.ordinalById.set(id, ordinal);
    return ordinal;
  }

  addPerson(p: PersonFields): void {
    const o = this.add(p.id);
    this.flags[o] =
      ALIVE |
      (p.isKeyPerson ? KEY_PERSON : 0) |
      (p.trainedKeyPerson ? TRAINED_KEY_PERSON : 0) |
      (p.isInterpreter ? INTERPRETER : 0) |
      (p.interpreterFormal === true ? FORMAL_INTERPRETER : p.interpreterFormal === false ? INFORMAL_INTERPRETER : 0) |
      (p.isContactPerson ? CONTACT_PERSON : 0);
    this.availability[o] = Math.max(0, AVAILABILITY.indexOf(p.availability as MatchCandidate['availability']));
    this.organisationKind[o] = -1;
    this.verified[o] = p.lastVerifiedOn ? this.dictionaries.texts.id(p.lastVerifiedOn) : -1;
    this.topicBits[o] = p.topicBits;
    this.profileBits[o] = p.profileBits ?? 0;
    this.contractEnds[o] = p.contractEnds ?? 0;
    this.registrationEnds[o] = p.registrationEnds ?? 0;
  }

  addOrganisation(org: OrganisationFields): void {
    const o = this.add(org.id);
    this.flags[o] = ALIVE | ORGANISATION;
    this.availability[o] = 0;
    this.organisationKind[o] = this.dictionaries.texts.id(org.kind);
    this.verified[o] = org.lastVerifiedOn ? this.dictionaries.texts.id(org.lastVerifiedOn) : -1;
    this.topicBits[o] = 0;
    this.profileBits[o] = 0;
    this.contractEnds[o] = 0;
    this.registrationEnds[o] = 0;
    if (org.venue) {
      this.venues.set(o, org.venue);
      this.locationPairs.push(o, -1);
    }
  }

  /** A language of a partner in this batch; level null for an organisation. Ignored beyond 26 languages. */
  addLanguage(id: string, code: string, level: LanguageLevel | null): void {
    const o = this.ordinalById.get(id);
    if (o === undefined) return;
    this.languagePairs.push(o, this.dictionaries.languages.id(code) * 4 + (level ? LEVEL_BITS[level] : 0));
  }

  addCommunity(id: string, code: string): void {
    const o = this.ordinalById.get(id);
    if (o !== undefined) this.communityPairs.push(o, this.dictionaries.communities.id(code));
  }

  /** A neighbourhood the partner works in; unknown codes are left out (there is nothing to measure from). */
  addNeighbourhood(id: string, code: string): void {
    const o = this.ordinalById.get(id);
    const n = this.neighbourhoods.indexByCode.get(code);
    if (o !== undefined && n !== undefined) this.locationPairs.push(o, n);
  }

  /** The batch as columns, slot = ordinal. Lists are put in their canonical order here. */
  toColumns(): PartnerColumns {
    const n = this.size;
    const languages = ListColumn.fromPairs(this.languagePairs, n);
    const communities = ListColumn.fromPairs(this.communityPairs, n);
    const locations = ListColumn.fromPairs(this.locationPairs, n);
    const communityCodes = this.dictionaries.communities.values;
    for (let s = 0; s < n; s++) {
      // At most 26 languages (levelBits), first come first kept, as the rows were read.
      if (languages.count[s] > MAX_LANGUAGES) languages.count[s] = MAX_LANGUAGES;
      // Locations by neighbourhood code (the venue, -1, first), so "the nearest" breaks ties the same way every time.
      if (locations.count[s] > 1) locations.items(s).sort();
      if (communities.count[s] > 1) {
        const sorted = [...communities.items(s)].sort((a, b) => compareCodes(communityCodes[a], communityCodes[b]));
        communities.items(s).set(sorted);
      }
    }
    return new PartnerColumns(this.dictionaries, this.neighbourhoods, {
      ids: this.ids,
      flags: this.flags.slice(0, n),
      availability: this.availability.slice(0, n),
      organisationKind: this.organisationKind.slice(0, n),
      verified: this.verified.slice(0, n),
      topicBits: this.topicBits.slice(0, n),
      profileBits: this.profileBits.slice(0, n),
      contractEnds: this.contractEnds.slice(0, n),
      registrationEnds: this.registrationEnds.slice(0, n),
      venues: this.venues,
      languages,
      communities,
      locations,
    });
  }
}

interface ColumnData {
  ids: string[];
  flags: Uint8Array;
  availability: Uint8Array;
  organisationKind: Int32Array;
  verified: Int32Array;
  topicBits: Int32Array;
  profileBits: Int32Array;
  contractEnds: Int32Array;
  registrationEnds: Int32Array;
  venues: Map<number, MatchLocation>;
  languages: ListColumn;
  communities: ListColumn;
  locations: ListColumn;
}

/** The matcher's partners, one slot each. Slots of removed partners are reused. */
export class PartnerColumns {
  ids: string[];
  private slotById: Map<string, number>;
  flags: Uint8Array;
  availability: Uint8Array;
  organisationKind: Int32Array;
  verified: Int32Array;
  topicBits: Int32Array;
  profileBits: Int32Array;
  contractEnds: Int32Array;
  registrationEnds: Int32Array;
  private venues: Map<number, MatchLocation>;
  readonly languages: ListColumn;
  readonly communities: ListColumn;
  readonly locations: ListColumn;
  private free: number[] = [];

  constructor(
    readonly dictionaries: Dictionaries,
    readonly neighbourhoods: NeighbourhoodTable,
    data: ColumnData,
  ) {
    this.ids = data.ids;
    this.slotById = new Map(data.ids.map((id, slot) => [id, slot]));
    this.flags = data.flags;
    this.availability = data.availability;
    this.organisationKind = data.organisationKind;
    this.verified = data.verified;
    this.topicBits = data.topicBits;
    this.profileBits = data.profileBits;
    this.contractEnds = data.contractEnds;
    this.registrationEnds = data.registrationEnds;
    this.venues = data.venues;
    this.languages = data.languages;
    this.communities = data.communities;
    this.locations = data.locations;
  }

  /** Slots in use, alive or free: loops run to here and skip the dead. */
  get slotCount(): number {
    return this.ids.length;
  }

  isAlive(slot: number): boolean {
    return (this.flags[slot] & ALIVE) !== 0;
  }

  isOrganisation(slot: number): boolean {
    return (this.flags[slot] & ORGANISATION) !== 0;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** The language ids (into dictionaries.languages) a slot speaks. */
  languageIdsOf(slot: number): number[] {
    return Array.from(this.languages.items(slot), (v) => v >> 2);
  }

  venueOf(slot: number): MatchLocation | undefined {
    return this.venues.get(slot);
  }

  /** Copies partner `ordinal` of a batch into this index (a new slot, or the partner's own). */
  put(batch: PartnerBatch, batchColumns: PartnerColumns, ordinal: number): void {
    const id = batch.ids[ordinal];
    let slot = this.slotById.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.ids.length;
      if (slot === this.ids.length) {
        this.ids.push(id);
        if (slot >= this.flags.length) this.resize(Math.max(16, this.flags.length * 2));
      } else {
        this.ids[slot] = id;
      }
      this.slotById.set(id, slot);
    }
    this.flags[slot] = batchColumns.flags[ordinal];
    this.availability[slot] = batchColumns.availability[ordinal];
    this.organisationKind[slot] = batchColumns.organisationKind[ordinal];
    this.verified[slot] = batchColumns.verified[ordinal];
    this.topicBits[slot] = batchColumns.topicBits[ordinal];
    this.profileBits[slot] = batchColumns.profileBits[ordinal];
    this.contractEnds[slot] = batchColumns.contractEnds[ordinal];
    this.registrationEnds[slot] = batchColumns.registrationEnds[ordinal];
    const venue = batchColumns.venues.get(ordinal);
    if (venue) this.venues.set(slot, venue);
    else this.venues.delete(slot);
    this.languages.set(slot, batchColumns.languages.items(ordinal));
    this.communities.set(slot, batchColumns.communities.items(ordinal));
    this.locations.set(slot, batchColumns.locations.items(ordinal));
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.ids[slot] = '';
    this.flags[slot] = 0;
    this.venues.delete(slot);
    this.languages.set(slot, []);
    this.communities.set(slot, []);
    this.locations.set(slot, []);
    this.free.push(slot);
  }

  private resize(slots: number): void {
    this.flags = resized(this.flags, slots);
    this.availability = resized(this.availability, slots);
    this.organisationKind = resized(this.organisationKind, slots);
    this.verified = resized(this.verified, slots);
    this.topicBits = resized(this.topicBits, slots);
    this.profileBits = resized(this.profileBits, slots);
    this.contractEnds = resized(this.contractEnds, slots);
    this.registrationEnds = resized(this.registrationEnds, slots);
    this.languages.resize(slots);
    this.communities.resize(slots);
    this.locations.resize(slots);
  }

  /** The scorer's view of one slot: valid until the next refresh (detach() what is kept across an await). */
  candidate(slot: number): StoredCandidate {
    return new StoredCandidate(this, slot);
  }

  /** A location value of the locations column: a neighbourhood index, or -1 for the venue. */
  location(slot: number, value: number): MatchLocation {
    return value < 0 ? this.venues.get(slot)! : this.neighbourhoods.locations[value];
  }
}

/**
 * A partner as the scorer sees it (MatchCandidate), read from the columns. The lists are built on
 * first use: most hits are judged on their languages and flags alone.
 */
export class StoredCandidate implements MatchCandidate {
  readonly id: string;
  readonly kind: PartnerKind;
  readonly isKeyPerson: boolean;
  readonly trainedKeyPerson: boolean;
  readonly isInterpreter: boolean;
  readonly interpreterFormal: boolean | null;
  readonly isContactPerson: boolean;
  readonly organisationKind: string | null;
  readonly availability: MatchCandidate['availability'];
  readonly lastVerifiedOn: string | null;
  readonly topicBits: number;
  readonly profileBits: number;
  readonly contractEnds: number;
  readonly registrationEnds: number;
  // Private fields (#) so logging or serialising a candidate never walks the whole column store.
  readonly #columns: PartnerColumns;
  readonly #slot: number;
  #languageList: string[] | null = null;
  #levels = 0;
  #communityList: string[] | null = null;
  #locationList: MatchLocation[] | null = null;

  constructor(columns: PartnerColumns, slot: number) {
    this.#columns = columns;
    this.#slot = slot;
    const flags = columns.flags[slot];
    const texts = columns.dictionaries.texts.values;
    const kind = columns.organisationKind[slot];
    const verified = columns.verified[slot];
    this.id = columns.ids[slot];
    this.kind = flags & ORGANISATION ? 'ORGANISATION' : 'PERSON';
    this.isKeyPerson = (flags & KEY_PERSON) !== 0;
    this.trainedKeyPerson = (flags & TRAINED_KEY_PERSON) !== 0;
    this.isInterpreter = (flags & INTERPRETER) !== 0;
    this.interpreterFormal = flags & FORMAL_INTERPRETER ? true : flags & INFORMAL_INTERPRETER ? false : null;
    this.isContactPerson = (flags & CONTACT_PERSON) !== 0;
    this.organisationKind = kind < 0 ? null : texts[kind];
    this.availability = AVAILABILITY[columns.availability[slot]];
    this.lastVerifiedOn = verified < 0 ? null : texts[verified];
    this.topicBits = columns.topicBits[slot];
    this.profileBits = columns.profileBits[slot];
    this.contractEnds = columns.contractEnds[slot];
    this.registrationEnds = columns.registrationEnds[slot];
  }

  get languageCodes(): string[] {
    if (!this.#languageList) {
      const codes = this.#columns.dictionaries.languages.values;
      const items = this.#columns.languages.items(this.#slot);
      const list: string[] = new Array(items.length);
      let levels = 0;
      for (let i = 0; i < items.length; i++) {
        list[i] = codes[items[i] >> 2];
        levels += (items[i] & 3) * 4 ** i;
      }
      this.#languageList = list;
      this.#levels = levels;
    }
    return this.#languageList;
  }

  get levelBits(): number {
    void this.languageCodes;
    return this.#levels;
  }

  get communities(): string[] {
    if (!this.#communityList) {
      const codes = this.#columns.dictionaries.communities.values;
      this.#communityList = Array.from(this.#columns.communities.items(this.#slot), (v) => codes[v]);
    }
    return this.#communityList;
  }

  get locations(): MatchLocation[] {
    this.#locationList ??= Array.from(this.#columns.locations.items(this.#slot), (v) => this.#columns.location(this.#slot, v));
    return this.#locationList;
  }
}
