import type { Geometry, Polygon, MultiPolygon } from 'geojson';

/** The shape of seeds/neighbourhoods/*.json. */
export interface NeighbourhoodSeed {
  source: string;
  municipality: { code: string; name: string };
  districts: { code: string; name: string; geometry: Polygon | MultiPolygon | null }[];
  neighbourhoods: { code: string; name: string; districtCode: string; centroid: [number, number]; geometry: Geometry }[];
}

type Level = 'NATIVE' | 'FLUENT' | 'BASIC';

/** The shape of seeds/demo/network.json. Keys tie records together inside the file only. */
export interface DemoNetwork {
  communities: { code: string; nameNl: string; nameEn: string }[];
  teams: {
    key: string;
    name: string;
    kind: string;
    municipalityCode: string;
    phone?: string;
    email?: string;
    neighbourhoodCodes: string[];
    lastVerifiedOn: string | null;
  }[];
  organisations: {
    key: string;
    name: string;
    kind: string;
    description?: string;
    website?: string;
    phone?: string;
    email?: string;
    address?: string;
    postcode?: string;
    city?: string;
    lat?: number;
    lon?: number;
    languageCodes: string[];
    communityCodes: string[];
    neighbourhoodCodes: string[];
    lastVerifiedOn: string | null;
  }[];
  persons: {
    key: string;
    name: string;
    isKeyPerson: boolean;
    isInterpreter: boolean;
    interpreterFormal: boolean | null;
    registrationNumber?: string | null;
    isContactPerson: boolean;
    trainedKeyPerson: boolean;
    volunteerContract: boolean;
    phone?: string;
    email?: string;
    organisationKey?: string | null;
    teamKey?: string | null;
    topics: string[];
    availability: string;
    availabilityNote?: string | null;
    consentGivenOn: string;
    consentMethod: string;
    consentRecordedBy: string;
    lastVerifiedOn: string | null;
    languages: { code: string; level: Level }[];
    communityCodes: string[];
    neighbourhoodCodes: string[];
  }[];
  /** Reach (issue 16): the usual languages per community code, and the teams' neighbourhood analysis. */
  communityLanguages?: Record<string, string[]>;
  communityPresences?: {
    neighbourhoodCode: string;
    communityCode: string | null;
    languageCode: string | null;
    estimate: number | null;
    band: string | null;
    source: string;
    observedOn: string;
    note: string | null;
  }[];
  /** Demo accounts; all have the password "demo". */
  users?: { email: string; role: string; teamKeys: string[] }[];
  /** Registry (issue 3); optional so older network files still load. */
  contactAssignments?: {
    partyType: 'TEAM' | 'ORGANISATION';
    teamKey?: string;
    organisationKey?: string;
    personKey: string;
    since: string;
    until: string | null;
    note: string | null;
  }[];
  agreements?: {
    key: string;
    title: string;
    type: string;
    status: string;
    teamKey: string;
    organisationKey: string | null;
    personKey: string | null;
    neighbourhoodCodes: string[];
    teamContactPersonKey: string | null;
    partnerContactPersonKey: string | null;
    teamCommitment: string | null;
    partnerCommitment: string | null;
    appreciate: string | null;
    inform: string | null;
    facilitate: string | null;
    align: string | null;
    volunteerCompensation: string | null;
    startsOn: string;
    reviewOn: string | null;
    endsOn: string | null;
    endReason: string | null;
    lastVerifiedOn: string | null;
  }[];
  activities?: {
    key: string;
    name: string;
    description: string | null;
    weekday: number;
    startTime: string;
    endTime: string;
    validFrom: string;
    validUntil: string | null;
    venueName: string;
    venueAddress: string | null;
    neighbourhoodCode: string;
    organisationKey: string | null;
    agreementKey: string | null;
    languageCodes: string[];
    lastVerifiedOn: string | null;
  }[];
}
