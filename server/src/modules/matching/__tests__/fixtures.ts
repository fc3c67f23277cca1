import { InterpreterKind, InterpreterLevel, type InterpreterMode } from '../../capability/profile.enums.js';
import type { DataSource } from 'typeorm';
import { Community } from '../../community/community.entity.js';
import { District } from '../../neighbourhood/district.entity.js';
import { Neighbourhood } from '../../neighbourhood/neighbourhood.entity.js';
import { Organisation, OrganisationKind } from '../../organisation/organisation.entity.js';
import { LanguageLevel, PersonLanguage } from '../../person/person-language.entity.js';
import { Availability, ConsentMethod, Person, Topic } from '../../person/person.entity.js';

/** A small hand-built world for ranking tests, written through TypeORM like the registry does. */
export const TEST_DISTRICT = 'WK999901';

export async function addNeighbourhoods(ds: DataSource, list: { code: string; name: string; lat: number; lon: number }[]): Promise<void> {
  await ds
    .getRepository(District)
    .save({ code: TEST_DISTRICT, name: 'Testwijk', municipalityCode: 'GM9999', municipalityName: 'Testgemeente', geometryJson: null });
  await ds.getRepository(Neighbourhood).save(
    list.map((n) => ({
      code: n.code,
      name: n.name,
      districtCode: TEST_DISTRICT,
      municipalityCode: 'GM9999',
      municipalityName: 'Testgemeente',
      geometryJson: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [n.lon - 0.001, n.lat - 0.001],
            [n.lon + 0.001, n.lat - 0.001],
            [n.lon + 0.001, n.lat + 0.001],
            [n.lon - 0.001, n.lat - 0.001],
          ],
        ],
      }),
      centroidLat: n.lat,
      centroidLon: n.lon,
      boundaryApproximate: true,
      boundarySource: 'test',
    })),
  );
}

export async function addCommunities(ds: DataSource, codes: string[]): Promise<void> {
  await ds
    .getRepository(Community)
    .save(codes.map((code) => ({ code, nameNl: `${code[0].toUpperCase()}${code.slice(1)} gemeenschap`, nameEn: `${code} community` })));
}

export interface PersonSpec {
  name: string;
  languages: [string, LanguageLevel][];
  neighbourhoods: string[];
  keyPerson?: boolean;
  trained?: boolean;
  interpreter?: 'formal' | 'informal';
  registrationNumber?: string;
  contactPerson?: boolean;
  availability?: Availability;
  availabilityNote?: string;
  lastVerifiedOn?: string | null;
  archived?: boolean;
  communities?: string[];
  topics?: Topic[];
  /** Key persons have a running volunteer contract unless a test says otherwise (issue 15). */
  volunteerContract?: boolean;
  volunteerContractEndsOn?: string | null;
  registrationEndsOn?: string | null;
  fallbackList?: boolean;
  interpreterModes?: InterpreterMode[];
}

export async function addPerson(ds: DataSource, spec: PersonSpec): Promise<Person> {
  const repo = ds.getRepository(Person);
  const person = repo.create({
    name: spec.name,
    isKeyPerson: spec.keyPerson ?? false,
    trainedKeyPerson: spec.trained ?? false,
    isInterpreter: !!spec.interpreter,
    interpreterFormal: spec.interpreter ? spec.interpreter === 'formal' : null,
    registrationNumber: spec.registrationNumber ?? null,
    isContactPerson: spec.contactPerson ?? false,
    volunteerContract: spec.volunteerContract ?? !!spec.keyPerson,
    volunteerContractStartsOn: (spec.volunteerContract ?? !!spec.keyPerson) ? '2026-01-01' : null,
    volunteerContractEndsOn: spec.volunteerContractEndsOn ?? null,
    interpreterKind: spec.interpreter
      ? spec.interpreter === 'formal'
        ? InterpreterKind.FORMAL
        : spec.fallbackList
          ? InterpreterKind.FALLBACK_LIST
          : InterpreterKind.INFORMAL
      : null,
    interpreterLevel: spec.interpreter === 'formal' ? InterpreterLevel.C1 : null,
    registrationEndsOn: spec.interpreter === 'formal' ? (spec.registrationEndsOn ?? '2030-01-01') : null,
    interpreterModes: spec.interpreterModes ?? [],
    topics: spec.topics ?? [],
    availability: spec.availability ?? Availability.AVAILABLE,
    availabilityNote: spec.availabilityNote ?? null,
    consentGivenOn: '2026-01-01',
    consentMethod: ConsentMethod.WRITTEN,
    consentRecordedBy: 'Test',
    lastVerifiedOn: spec.lastVerifiedOn === undefined ? '2026-10-24' : spec.lastVerifiedOn,
    archivedAt: spec.archived ? '2026-11-01T00:00:00.000Z' : null,
    isDemo: false,
    externalId: null,
    phone: null,
    email: null,
    organisationId: null,
    teamId: null,
    communities: (spec.communities ?? []).map((code) => ({ code }) as Community),
    neighbourhoods: spec.neighbourhoods.map((code) => ({ code }) as Neighbourhood),
    languages: spec.languages.map(([languageCode, level]) => Object.assign(new PersonLanguage(), { languageCode, level })),
  });
  return repo.save(person);
}

export interface OrganisationSpec {
  name: string;
  languages: string[];
  lat?: number;
  lon?: number;
  address?: string;
  neighbourhoods?: string[];
  kind?: OrganisationKind;
  lastVerifiedOn?: string | null;
  archived?: boolean;
  communities?: string[];
}

export async function addOrganisation(ds: DataSource, spec: OrganisationSpec): Promise<Organisation> {
  const repo = ds.getRepository(Organisation);
  return repo.save(
    repo.create({
      name: spec.name,
      kind: spec.kind ?? OrganisationKind.MIGRANT_ORGANISATION,
      description: null,
      website: null,
      phone: null,
      email: null,
      address: spec.address ?? null,
      postcode: null,
      city: null,
      lat: spec.lat ?? null,
      lon: spec.lon ?? null,
      lastVerifiedOn: spec.lastVerifiedOn === undefined ? '2026-10-24' : spec.lastVerifiedOn,
      archivedAt: spec.archived ? '2026-11-01T00:00:00.000Z' : null,
      isDemo: false,
      externalId: null,
      languages: spec.languages.map((code) => ({ code }) as never),
      communities: (spec.communities ?? []).map((code) => ({ code }) as Community),
      neighbourhoods: (spec.neighbourhoods ?? []).map((code) => ({ code }) as Neighbourhood),
    }),
  );
}
