import { registerEnumType } from '@nestjs/graphql';
import type { LanguageLevel } from '../person/person-language.entity.js';

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
  registrationNumber: string | null;
  isContactPerson: boolean;
  organisationKind: string | null;
  availability: 'AVAILABLE' | 'LIMITED' | 'UNAVAILABLE';
  availabilityNote: string | null;
  lastVerifiedOn: string | null;
  /** ISO 639-3 codes, with the level at the same index; organisations have no level (null). Arrays, not a Map: 100,000 small Maps cost tens of MB. */
  languageCodes: string[];
  languageLevels: (LanguageLevel | null)[];
  communities: string[];
  topics: string[];
  locations: MatchLocation[];
}

/** The level at which the candidate speaks the language: null for an organisation, undefined when not at all. */
export function levelOf(c: MatchCandidate, code: string): LanguageLevel | null | undefined {
  const i = c.languageCodes.indexOf(code);
  return i < 0 ? undefined : c.languageLevels[i];
}

export function speaks(c: MatchCandidate, code: string): boolean {
  return c.languageCodes.includes(code);
}
