import { registerEnumType } from '@nestjs/graphql';
import { LanguageLevel } from '../person/person-language.entity.js';
import { Topic } from '../person/person.entity.js';

export enum MatchRole {
  KEY_PERSON = 'KEY_PERSON',
  INTERPRETER = 'INTERPRETER',
  CONTACT_PERSON = 'CONTACT_PERSON',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(MatchRole, { name: 'MatchRole', description: 'sleutelpersoon, tolk, contactpersoon, organisatie' });

export type PartnerKind = 'PERSON' | 'ORGANISATION';

/** A place a partner works: a neighbourhood centre (persons, served neighbourhoods) or an organisation's venue. */
export interface MatchLocation {
  lat: number;
  lon: number;
  /** Null for a venue. */
  neighbourhoodCode: string | null;
  /** Neighbourhood name, or the venue address. */
  label: string;
  /** cos(lat), kept so the distance needs two sines instead of two sines and two cosines. */
  cosLat: number;
}

/**
 * What the matcher knows of a partner: the read model held in memory by MatchIndex, so ranking
 * needs no database round trip. Never holds a person's contact details or any finer location
 * than the neighbourhoods they work in.
 */
export interface MatchCandidate {
  id: string;
  kind: PartnerKind;
  isKeyPerson: boolean;
  trainedKeyPerson: boolean;
  isInterpreter: boolean;
  interpreterFormal: boolean | null;
  isContactPerson: boolean;
  organisationKind: string | null;
  availability: 'AVAILABLE' | 'LIMITED' | 'UNAVAILABLE';
  lastVerifiedOn: string | null;
  /** ISO 639-3 codes. */
  languageCodes: string[];
  /** The level of languageCodes[i] in bits 2i..2i+1: 0 none (organisations), 1 native, 2 fluent, 3 basic. */
  levelBits: number;
  communities: string[];
  /** Bit i set when the person works on TOPIC_ORDER[i]. */
  topicBits: number;
  locations: MatchLocation[];
  /** Issue 15: PROFILE_* bits, and the end dates (epoch days, 0 none) of the volunteer contract and the Rbtv registration. */
  profileBits?: number;
  contractEnds?: number;
  registrationEnds?: number;
}

export const PROFILE_VOLUNTEER_CONTRACT = 1;
/** Interprets by telephone or video: matched without distance. */
export const PROFILE_REMOTE = 2;
/** On the Rbtv fallback list (uitwijklijst): not formal, and said so. */
export const PROFILE_FALLBACK_LIST = 4;
/** A formal interpreter registered before level and end date were required: ranks as not formal, and says why. */
export const PROFILE_REGISTRATION_INCOMPLETE = 8;

/** Days since 1970-01-01 of a YYYY-MM-DD date; 0 for none. */
export function epochDay(iso: string | null | undefined): number {
  return iso ? Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000) : 0;
}

export const dayIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A key person with a volunteer contract that has not ended. */
export function hasValidContract(c: MatchCandidate, todayDay: number): boolean {
  const bits = c.profileBits ?? 0;
  return (bits & PROFILE_VOLUNTEER_CONTRACT) !== 0 && (!c.contractEnds || c.contractEnds >= todayDay);
}

/** A formal interpreter whose Rbtv registration has ended. */
export function registrationExpired(c: MatchCandidate, todayDay: number): boolean {
  return c.isInterpreter && c.interpreterFormal === true && !!c.registrationEnds && c.registrationEnds < todayDay;
}

/** A formal interpreter whose registration lacks its level or end date (person.rules.ts, formalRegistrationGaps). */
export const registrationIncomplete = (c: MatchCandidate) =>
  c.isInterpreter && c.interpreterFormal === true && ((c.profileBits ?? 0) & PROFILE_REGISTRATION_INCOMPLETE) !== 0;

export const isRemoteInterpreter = (c: MatchCandidate) => c.isInterpreter && ((c.profileBits ?? 0) & PROFILE_REMOTE) !== 0;
export const isFallbackList = (c: MatchCandidate) => c.isInterpreter && ((c.profileBits ?? 0) & PROFILE_FALLBACK_LIST) !== 0;

/**
 * A copy that no longer reads the index: the index's views read columns that a refresh may reuse
 * for another partner, so whatever is kept across an await is detached first.
 */
export function detach(c: MatchCandidate): MatchCandidate {
  return {
    id: c.id,
    kind: c.kind,
    isKeyPerson: c.isKeyPerson,
    trainedKeyPerson: c.trainedKeyPerson,
    isInterpreter: c.isInterpreter,
    interpreterFormal: c.interpreterFormal,
    isContactPerson: c.isContactPerson,
    organisationKind: c.organisationKind,
    availability: c.availability,
    lastVerifiedOn: c.lastVerifiedOn,
    languageCodes: c.languageCodes,
    levelBits: c.levelBits,
    communities: c.communities,
    topicBits: c.topicBits,
    locations: c.locations,
    profileBits: c.profileBits,
    contractEnds: c.contractEnds,
    registrationEnds: c.registrationEnds,
  };
}

const LEVEL_BY_BITS: (LanguageLevel | null)[] = [null, LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.BASIC];
const BITS_BY_LEVEL: Record<string, number> = { NATIVE: 1, FLUENT: 2, BASIC: 3 };

/** Packs levels (null for an organisation's languages) into MatchCandidate.levelBits; at most 26 languages. */
export function packLevels(levels: (LanguageLevel | null)[]): number {
  let bits = 0;
  levels.slice(0, 26).forEach((level, i) => (bits += (level ? BITS_BY_LEVEL[level] : 0) * 4 ** i));
  return bits;
}

/** The level at which the candidate speaks the language: null for an organisation, undefined when not at all. */
export function levelOf(c: MatchCandidate, code: string): LanguageLevel | null | undefined {
  const i = c.languageCodes.indexOf(code);
  return i < 0 ? undefined : LEVEL_BY_BITS[Math.floor(c.levelBits / 4 ** i) % 4];
}

/** Topic codes in bit order. */
export const TOPIC_ORDER = Object.values(Topic) as string[];

export function packTopics(topics: string[]): number {
  let bits = 0;
  for (const topic of topics) {
    const i = TOPIC_ORDER.indexOf(topic);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}

export function hasTopic(c: MatchCandidate, topic: string): boolean {
  const i = TOPIC_ORDER.indexOf(topic);
  return i >= 0 && (c.topicBits & (1 << i)) !== 0;
}

export function speaks(c: MatchCandidate, code: string): boolean {
  return c.languageCodes.includes(code);
}
