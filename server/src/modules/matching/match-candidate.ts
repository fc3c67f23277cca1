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
  /** Language code → level; organisations have no level (null). */
  languages: Map<string, LanguageLevel | null>;
  communities: string[];
  topics: string[];
  locations: MatchLocation[];
}
