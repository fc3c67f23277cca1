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
    key: string; name: string; kind: string; municipalityCode: string; phone?: string; email?: string;
    neighbourhoodCodes: string[]; lastVerifiedOn: string | null;
  }[];
  organisations: {
    key: string; name: string; kind: string; description?: string; website?: string; phone?: string; email?: string;
    address?: string; postcode?: string; city?: string; lat?: number; lon?: number; languageCodes: string[];
    communityCodes: string[]; neighbourhoodCodes: string[]; lastVerifiedOn: string | null;
  }[];
  persons: {
    key: string; name: string; isKeyPerson: boolean; isInterpreter: boolean; interpreterFormal: boolean | null;
    registrationNumber?: string | null; isContactPerson: boolean; trainedKeyPerson: boolean; volunteerContract: boolean;
    phone?: string; email?: string; organisationKey?: string | null; teamKey?: string | null; topics: string[];
    availability: string; availabilityNote?: string | null; consentGivenOn: string; consentMethod: string;
    consentRecordedBy: string; lastVerifiedOn: string | null; languages: { code: string; level: Level }[];
    communityCodes: string[]; neighbourhoodCodes: string[];
  }[];
  /** Demo accounts; all have the password "demo". */
  users?: { email: string; role: string; teamKeys: string[] }[];
}
