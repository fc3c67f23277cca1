import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { nowIso } from '../server/src/common/base.entity.js';
import { demoDateShiftDays, shiftDates } from './demo-dates.js';
import { projectRoot } from '../server/src/config.js';
import { Activity } from '../server/src/modules/activity/activity.entity.js';
import { weeklyRule } from '../server/src/modules/activity/recurrence.js';
import { Agreement } from '../server/src/modules/agreement/agreement.entity.js';
import { refreshAllMunicipalities } from '../server/src/modules/neighbourhood/municipality-scope.js';
import { Community } from '../server/src/modules/community/community.entity.js';
import { demoOrganisationProfile, demoPersonProfile } from './demo-profile.js';
import { ContactAssignment } from '../server/src/modules/contact-assignment/contact-assignment.entity.js';
import { CBS_BOUNDARY_ATTRIBUTION } from '../server/src/modules/neighbourhood/cbs-code.js';
import { District } from '../server/src/modules/neighbourhood/district.entity.js';
import { parseCbsGeoJson } from '../server/src/modules/neighbourhood/import/cbs-geojson.js';
import { Municipality } from '../server/src/modules/neighbourhood/municipality.entity.js';
import { Neighbourhood } from '../server/src/modules/neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../server/src/modules/organisation/organisation.entity.js';
import { PersonLanguage } from '../server/src/modules/person/person-language.entity.js';
import { Person } from '../server/src/modules/person/person.entity.js';
import { Team } from '../server/src/modules/team/team.entity.js';
import { User } from '../server/src/modules/auth/user.entity.js';
import { hashPassword } from '../server/src/modules/auth/password.js';
import type { DemoNetwork, NeighbourhoodSeed } from './seed-types.js';

export const APPROXIMATE_BOUNDARY_SOURCE = 'Benadering (Voronoi-cellen rond CBS-buurtcentra), geen CBS-grens';

export function readSeed<T>(relative: string): T {
  return JSON.parse(readFileSync(join(projectRoot(), 'seeds', relative), 'utf8')) as T;
}

/** Inserts in chunks: SQLite limits the number of bound parameters in one statement. */
async function insertChunked(em: EntityManager, target: string | Function, rows: object[], size = 50): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await em
      .createQueryBuilder()
      .insert()
      .into(target as never)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/** The real CBS 2024 boundaries of the demo municipality, shipped in seeds/neighbourhoods (CC BY 4.0). */
export const DEMO_BOUNDARY_FILES = { buurten: 'neighbourhoods/utrecht-buurten.geojson', wijken: 'neighbourhoods/utrecht-wijken.geojson' };

/**
 * Loads the demo municipality's buurten and wijken with their real CBS boundaries; null when this
 * installation ships no boundary files (then the approximate cells of loadNeighbourhoods are used).
 */
export async function loadCbsNeighbourhoods(em: EntityManager): Promise<number | null> {
  const path = (relative: string) => join(projectRoot(), 'seeds', relative);
  if (!existsSync(path(DEMO_BOUNDARY_FILES.buurten)) || !existsSync(path(DEMO_BOUNDARY_FILES.wijken))) return null;
  const buurten = parseCbsGeoJson(readFileSync(path(DEMO_BOUNDARY_FILES.buurten), 'utf8'));
  const wijken = parseCbsGeoJson(readFileSync(path(DEMO_BOUNDARY_FILES.wijken), 'utf8'));
  const source = `${CBS_BOUNDARY_ATTRIBUTION} (CC BY 4.0)`;
  const municipalities = new Map(buurten.neighbourhoods.map((n) => [n.municipalityCode, n.municipalityName]));
  await insertChunked(
    em,
    Municipality,
    [...municipalities].map(([code, name]) => ({ code, name, geometryJson: null })),
  );
  await insertChunked(
    em,
    District,
    wijken.districts.map((d) => ({
      code: d.code,
      name: d.name,
      municipalityCode: d.municipalityCode,
      municipalityName: d.municipalityName,
      geometryJson: JSON.stringify(d.geometry),
    })),
  );
  await insertChunked(
    em,
    Neighbourhood,
    buurten.neighbourhoods.map((n) => ({
      code: n.code,
      name: n.name,
      districtCode: n.districtCode,
      municipalityCode: n.municipalityCode,
      municipalityName: n.municipalityName,
      geometryJson: JSON.stringify(n.geometry),
      centroidLon: n.centroid[0],
      centroidLat: n.centroid[1],
      boundaryApproximate: false,
      boundarySource: source,
    })),
  );
  return buurten.neighbourhoods.length;
}

/** The fallback for an installation without boundary files: approximate cells around the CBS centres. */
export async function loadNeighbourhoods(em: EntityManager, seed: NeighbourhoodSeed): Promise<number> {
  const { municipality } = seed;
  await insertChunked(
    em,
    District,
    seed.districts.map((d) => ({
      code: d.code,
      name: d.name,
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      geometryJson: d.geometry ? JSON.stringify(d.geometry) : null,
    })),
  );
  await insertChunked(
    em,
    Neighbourhood,
    seed.neighbourhoods.map((n) => ({
      code: n.code,
      name: n.name,
      districtCode: n.districtCode,
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      geometryJson: JSON.stringify(n.geometry),
      centroidLon: n.centroid[0],
      centroidLat: n.centroid[1],
      boundaryApproximate: true,
      boundarySource: APPROXIMATE_BOUNDARY_SOURCE,
    })),
  );
  return seed.neighbourhoods.length;
}

export interface DemoCounts {
  neighbourhoods: number;
  teams: number;
  organisations: number;
  persons: number;
  contactAssignments: number;
  agreements: number;
  activities: number;
  users: number;
}

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'demo';

/** Loads the network part of the demo data; keys in the file become fresh UUIDs. */
export async function loadNetwork(em: EntityManager, network: DemoNetwork): Promise<Omit<DemoCounts, 'neighbourhoods'> & { users: number }> {
  const now = nowIso();
  const record = (lastVerifiedOn: string | null) => ({ id: randomUUID(), isDemo: true, lastVerifiedOn, createdAt: now, updatedAt: now });
  const teamIds = new Map<string, string>();
  const organisationIds = new Map<string, string>();

  // The migration seeds the communities of the first version (a managed list since issue 15): only the others are added.
  const presentCommunities = new Set((await em.getRepository(Community).find({ select: { code: true } })).map((c) => c.code));
  await insertChunked(
    em,
    Community,
    network.communities.filter((c) => !presentCommunities.has(c.code)),
  );

  const teams = network.teams.map((t) => {
    const row = {
      ...record(t.lastVerifiedOn),
      name: t.name,
      kind: t.kind,
      municipalityCode: t.municipalityCode,
      phone: t.phone ?? null,
      email: t.email ?? null,
    };
    teamIds.set(t.key, row.id);
    return row;
  });
  await insertChunked(em, Team, teams);
  await insertChunked(
    em,
    'team_neighbourhood',
    network.teams.flatMap((t) => t.neighbourhoodCodes.map((code) => ({ teamId: teamIds.get(t.key), neighbourhoodCode: code }))),
    200,
  );

  const organisations = network.organisations.map((o) => {
    const row = {
      ...record(o.lastVerifiedOn),
      name: o.name,
      kind: o.kind,
      description: o.description ?? null,
      website: o.website ?? null,
      phone: o.phone ?? null,
      email: o.email ?? null,
      address: o.address ?? null,
      postcode: o.postcode ?? null,
      city: o.city ?? null,
      lat: o.lat ?? null,
      lon: o.lon ?? null,
      ...demoOrganisationProfile(o),
    };
    organisationIds.set(o.key, row.id);
    return row;
  });
  await insertChunked(em, Organisation, organisations, 30);
  await insertChunked(
    em,
    'organisation_language',
    network.organisations.flatMap((o) => o.languageCodes.map((code) => ({ organisationId: organisationIds.get(o.key), languageCode: code }))),
    200,
  );
  await insertChunked(
    em,
    'organisation_community',
    network.organisations.flatMap((o) => o.communityCodes.map((code) => ({ organisationId: organisationIds.get(o.key), communityCode: code }))),
    200,
  );
  await insertChunked(
    em,
    'organisation_neighbourhood',
    network.organisations.flatMap((o) => o.neighbourhoodCodes.map((code) => ({ organisationId: organisationIds.get(o.key), neighbourhoodCode: code }))),
    200,
  );

  const personIds = new Map<string, string>();
  const persons = network.persons.map((p) => {
    const row = {
      ...record(p.lastVerifiedOn),
      name: p.name,
      isKeyPerson: p.isKeyPerson,
      isInterpreter: p.isInterpreter,
      interpreterFormal: p.isInterpreter ? p.interpreterFormal : null,
      registrationNumber: p.registrationNumber ?? null,
      isContactPerson: p.isContactPerson,
      trainedKeyPerson: p.trainedKeyPerson,
      volunteerContract: p.volunteerContract,
      phone: p.phone ?? null,
      email: p.email ?? null,
      organisationId: p.organisationKey ? (organisationIds.get(p.organisationKey) ?? null) : null,
      teamId: p.teamKey ? (teamIds.get(p.teamKey) ?? null) : null,
      topics: p.topics,
      availability: p.availability,
      availabilityNote: p.availabilityNote ?? null,
      consentGivenOn: p.consentGivenOn,
      consentMethod: p.consentMethod,
      consentRecordedBy: p.consentRecordedBy,
      ...demoPersonProfile(p),
    };
    personIds.set(p.key, row.id);
    return row;
  });
  await insertChunked(em, Person, persons, 20);
  await insertChunked(
    em,
    PersonLanguage,
    network.persons.flatMap((p) => p.languages.map((l) => ({ personId: personIds.get(p.key), languageCode: l.code, level: l.level }))),
    200,
  );
  await insertChunked(
    em,
    'person_community',
    network.persons.flatMap((p) => p.communityCodes.map((code) => ({ personId: personIds.get(p.key), communityCode: code }))),
    200,
  );
  await insertChunked(
    em,
    'person_neighbourhood',
    network.persons.flatMap((p) => p.neighbourhoodCodes.map((code) => ({ personId: personIds.get(p.key), neighbourhoodCode: code }))),
    200,
  );

  const users = await Promise.all(
    (network.users ?? []).map(async (u) => ({
      id: randomUUID(),
      email: u.email,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: u.role,
      isDemo: true,
      disabledAt: null,
      lastSignInAt: null,
      createdAt: now,
      updatedAt: now,
      teamKeys: u.teamKeys,
    })),
  );
  await insertChunked(
    em,
    User,
    users.map(({ teamKeys: _teamKeys, ...row }) => row),
  );
  await insertChunked(
    em,
    'user_team',
    users.flatMap((u) => u.teamKeys.map((key) => ({ userId: u.id, teamId: teamIds.get(key) }))),
  );

  const registry = await loadRegistry(em, network, { teamIds, organisationIds, personIds }, record);
  await insertChunked(
    em,
    'community_language',
    Object.entries(network.communityLanguages ?? {})
      .filter(([communityCode]) => !presentCommunities.has(communityCode))
      .flatMap(([communityCode, codes]) => codes.map((languageCode) => ({ communityCode, languageCode }))),
    200,
  );
  await insertChunked(
    em,
    'community_presence',
    (network.communityPresences ?? []).map((p) => ({ id: randomUUID(), ...p, isDemo: true, createdAt: now, updatedAt: now })),
    50,
  );
  return { teams: teams.length, organisations: organisations.length, persons: persons.length, users: users.length, ...registry };
}

/** Fixed contact persons with history, agreements and walk-in hours (issue 3). */
async function loadRegistry(
  em: EntityManager,
  network: DemoNetwork,
  ids: { teamIds: Map<string, string>; organisationIds: Map<string, string>; personIds: Map<string, string> },
  record: (lastVerifiedOn: string | null) => { id: string; isDemo: boolean; lastVerifiedOn: string | null; createdAt: string; updatedAt: string },
): Promise<{ contactAssignments: number; agreements: number; activities: number }> {
  const id = (map: Map<string, string>, key: string | null | undefined) => (key ? (map.get(key) ?? null) : null);
  const assignments = (network.contactAssignments ?? []).map((c) => ({
    id: randomUUID(),
    isDemo: true,
    createdAt: c.since,
    partyType: c.partyType,
    teamId: id(ids.teamIds, c.teamKey),
    organisationId: id(ids.organisationIds, c.organisationKey),
    personId: ids.personIds.get(c.personKey)!,
    since: c.since,
    until: c.until,
    note: c.note,
  }));
  await insertChunked(em, ContactAssignment, assignments, 50);

  const agreementIds = new Map<string, string>();
  const agreements = (network.agreements ?? []).map((a) => {
    const row = {
      ...record(a.lastVerifiedOn),
      title: a.title,
      type: a.type,
      status: a.status,
      teamId: ids.teamIds.get(a.teamKey)!,
      organisationId: id(ids.organisationIds, a.organisationKey),
      personId: id(ids.personIds, a.personKey),
      teamContactPersonId: id(ids.personIds, a.teamContactPersonKey),
      partnerContactPersonId: id(ids.personIds, a.partnerContactPersonKey),
      teamCommitment: a.teamCommitment,
      partnerCommitment: a.partnerCommitment,
      appreciate: a.appreciate,
      inform: a.inform,
      facilitate: a.facilitate,
      align: a.align,
      volunteerCompensation: a.volunteerCompensation,
      startsOn: a.startsOn,
      reviewOn: a.reviewOn,
      endsOn: a.endsOn,
      endReason: a.endReason,
    };
    agreementIds.set(a.key, row.id);
    return row;
  });
  await insertChunked(em, Agreement, agreements, 20);
  await insertChunked(
    em,
    'agreement_neighbourhood',
    (network.agreements ?? []).flatMap((a) => a.neighbourhoodCodes.map((code) => ({ agreementId: agreementIds.get(a.key), neighbourhoodCode: code }))),
    200,
  );

  const activityIds = new Map<string, string>();
  const activities = (network.activities ?? []).map((a) => {
    const row = {
      ...record(a.lastVerifiedOn),
      name: a.name,
      description: a.description,
      weekday: a.weekday,
      recurrence: weeklyRule(a.weekday),
      startTime: a.startTime,
      endTime: a.endTime,
      validFrom: a.validFrom,
      validUntil: a.validUntil,
      venueName: a.venueName,
      venueAddress: a.venueAddress,
      neighbourhoodCode: a.neighbourhoodCode,
      organisationId: id(ids.organisationIds, a.organisationKey),
      agreementId: id(agreementIds, a.agreementKey),
    };
    activityIds.set(a.key, row.id);
    return row;
  });
  await insertChunked(em, Activity, activities, 20);
  await insertChunked(
    em,
    'activity_language',
    (network.activities ?? []).flatMap((a) => a.languageCodes.map((code) => ({ activityId: activityIds.get(a.key), languageCode: code }))),
    200,
  );
  return { contactAssignments: assignments.length, agreements: agreements.length, activities: activities.length };
}

/**
 * Loads the whole demo data set (Utrecht's neighbourhoods and the fictional network) in one
 * transaction: either all of it is there afterwards, or none of it.
 */
export async function loadDemoData(dataSource: DataSource): Promise<DemoCounts> {
  const network = shiftDates(readSeed<DemoNetwork>('demo/network.json'), demoDateShiftDays());
  return dataSource.transaction(async (em) => {
    const neighbourhoods = (await loadCbsNeighbourhoods(em)) ?? (await loadNeighbourhoods(em, readSeed<NeighbourhoodSeed>('neighbourhoods/utrecht.json')));
    const counts = { neighbourhoods, ...(await loadNetwork(em, network)) };
    await refreshAllMunicipalities(em);
    return counts;
  });
}

/** The database is empty when it has no neighbourhoods: the demo data is only ever loaded then. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Neighbourhood).count()) === 0;
}
