import { DataSource, type DataSourceOptions } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { Agreement, AgreementStatus, AgreementType } from '../../agreement/agreement.entity.js';
import { LanguageLevel } from '../../person/person-language.entity.js';
import { Availability, Person } from '../../person/person.entity.js';
import { Team, TeamKind } from '../../team/team.entity.js';
import { MatchInput } from '../dto/match.input.js';
import { MatchRole } from '../match-candidate.js';
import { MatchIndex } from '../match-index.js';
import { MatchingService } from '../matching.service.js';
import { addCommunities, addNeighbourhoods, addOrganisation, addPerson } from './fixtures.js';

const TODAY = '2026-11-24';
const { NATIVE, FLUENT, BASIC } = LanguageLevel;

// A small world around "Centrum" (52.0, 5.0). Distances from Centrum on the sphere:
// Noord 0.50 km, Oost 0.80 km, Zuid 2.00 km, Ver 6.0 km.
const CENTRUM = 'BU99990001';
const NOORD = 'BU99990002';
const OOST = 'BU99990003';
const ZUID = 'BU99990004';
const VER = 'BU99990005';

let server: TestServer;
let ds: DataSource;
let service: MatchingService;

const input = (overrides: Partial<MatchInput> = {}): MatchInput =>
  Object.assign(new MatchInput(), { neighbourhoodCode: CENTRUM, languages: ['som'], ...overrides });
const match = (overrides: Partial<MatchInput> = {}) => service.matchPartners(null, input(overrides), { today: TODAY });
const names = (result: Awaited<ReturnType<typeof match>>) => result.matches.map((m) => m.partner.name);

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  ds = server.app.get(DataSource);
  service = server.app.get(MatchingService);
  await addNeighbourhoods(ds, [
    { code: CENTRUM, name: 'Centrum', lat: 52.0, lon: 5.0 },
    { code: NOORD, name: 'Noord', lat: 52.0045, lon: 5.0 },
    { code: OOST, name: 'Oost', lat: 52.0, lon: 5.0117 },
    { code: ZUID, name: 'Zuid', lat: 51.982, lon: 5.0 },
    { code: VER, name: 'Ver', lat: 52.054, lon: 5.0 },
  ]);
  await addCommunities(ds, ['somali', 'eritrean']);
  await addPerson(ds, {
    name: 'Hodan (moedertaal, Oost)',
    languages: [
      ['som', NATIVE],
      ['nld', FLUENT],
    ],
    neighbourhoods: [OOST, VER],
    keyPerson: true,
    trained: true,
    communities: ['somali'],
  });
  await addPerson(ds, { name: 'Faisal (vloeiend, Centrum)', languages: [['som', FLUENT]], neighbourhoods: [CENTRUM], keyPerson: true, trained: true });
  await addPerson(ds, {
    name: 'Ayaan (formele tolk, Zuid)',
    languages: [['som', NATIVE]],
    neighbourhoods: [ZUID],
    interpreter: 'formal',
    registrationNumber: '12345',
    lastVerifiedOn: '2026-09-24',
  });
  await addPerson(ds, {
    name: 'Warsame (informele tolk, Noord)',
    languages: [['som', NATIVE]],
    neighbourhoods: [NOORD],
    interpreter: 'informal',
    availability: Availability.LIMITED,
    availabilityNote: 'alleen op zaterdag',
    lastVerifiedOn: '2025-06-01',
  });
  await addPerson(ds, {
    name: 'Gearchiveerd (Centrum)',
    languages: [['som', NATIVE]],
    neighbourhoods: [CENTRUM],
    keyPerson: true,
    trained: true,
    archived: true,
  });
  await addPerson(ds, {
    name: 'Ver weg (6 km)',
    languages: [['som', NATIVE]],
    neighbourhoods: [VER],
    keyPerson: true,
    trained: true,
    lastVerifiedOn: '2026-03-01',
  });
  await addPerson(ds, { name: 'Arabisch (Centrum)', languages: [['ara', NATIVE]], neighbourhoods: [CENTRUM], keyPerson: true, trained: true });
  await addPerson(ds, {
    name: 'Basis (Centrum, contactpersoon)',
    languages: [
      ['som', BASIC],
      ['tir', NATIVE],
    ],
    neighbourhoods: [CENTRUM],
    contactPerson: true,
    lastVerifiedOn: null,
    communities: ['eritrean'],
  });
  await addOrganisation(ds, {
    name: 'Somalische Vereniging',
    languages: ['som'],
    lat: 52.0,
    lon: 5.0219,
    address: 'Dorpsstraat 1',
    lastVerifiedOn: '2026-05-24',
    communities: ['somali'],
  });
}, 60_000);
afterAll(() => server?.close());

describe('ranking on a hand-built data set', () => {
  it('orders by score with every reason and weakness spelled out', async () => {
    const result = await match();
    expect(result.place).toEqual({ lat: 52, lon: 5, neighbourhoodCode: CENTRUM, neighbourhoodName: 'Centrum' });
    expect(result.totalCount).toBe(6);
    expect(names(result)).toEqual([
      'Faisal (vloeiend, Centrum)',
      'Hodan (moedertaal, Oost)',
      'Ayaan (formele tolk, Zuid)',
      'Warsame (informele tolk, Noord)',
      'Somalische Vereniging',
      'Basis (Centrum, contactpersoon)',
    ]);
    const [faisal, hodan, ayaan, warsame, vereniging, basis] = result.matches;
    // 0.35 language + 0.20 × 1/(1 + 0.8/2) distance + 0.15 trained key person + 0.10 verified + 0.05 available.
    expect(hodan.score).toBe(0.793);
    expect(hodan.distanceKm).toBeCloseTo(0.8, 2);
    expect(hodan.reasons.map((r) => r.text)).toEqual([
      'Spreekt Somalisch (moedertaal)',
      'Actief in Oost, 0,8 km',
      'Getrainde sleutelpersoon',
      'Laatst gecontroleerd 1 maand geleden',
      'Beschikbaar',
    ]);
    expect(hodan.weaknesses).toEqual([]);
    expect(hodan.mapPoint).toEqual({ lat: 52, lon: 5.0117, neighbourhoodCode: OOST });

    // 0.35 × 0.7 fluent + 0.20 at 0 km + 0.05 in the searched buurt itself + 0.15 + 0.10 + 0.05.
    expect(faisal.score).toBe(0.795);
    expect(faisal.distanceKm).toBe(0);
    expect(faisal.reasons.map((r) => [r.code, r.text])).toEqual([
      ['LANGUAGE', 'Spreekt Somalisch (vloeiend)'],
      ['NEARBY', 'Actief in Centrum, de gezochte buurt'],
      ['KEY_PERSON', 'Getrainde sleutelpersoon'],
      ['VERIFIED', 'Laatst gecontroleerd 1 maand geleden'],
      ['AVAILABLE', 'Beschikbaar'],
    ]);

    // 0.35 + 0.20 × 1/(1 + 2/2) + 0.15 formal interpreter + 0.10 + 0.05.
    expect(ayaan.score).toBe(0.75);
    expect(warsame.score).toBe(0.64);
    expect(vereniging.score).toBe(0.58);
    expect(basis.score).toBe(0.495);
    expect(ayaan.reasons.map((r) => r.text)).toEqual([
      'Spreekt Somalisch (moedertaal)',
      'Actief in Zuid, 2,0 km',
      'Formele tolk (Rbtv 12345)',
      'Laatst gecontroleerd 2 maanden geleden',
      'Beschikbaar',
    ]);
    expect(ayaan.weaknesses).toEqual([]);

    expect(warsame.reasons.map((r) => r.text)).toEqual(['Spreekt Somalisch (moedertaal)', 'Actief in Noord, 0,5 km']);
    expect(warsame.weaknesses.map((r) => [r.code, r.text])).toEqual([
      ['INFORMAL_INTERPRETER', 'Informele tolk'],
      ['STALE', 'Niet gecontroleerd sinds 2025'],
      ['LIMITED_AVAILABILITY', 'Beperkt beschikbaar: alleen op zaterdag'],
    ]);

    expect(vereniging.kind).toBe('ORGANISATION');
    expect(vereniging.distanceKm).toBeCloseTo(1.5, 1);
    expect(vereniging.reasons.map((r) => r.text)).toEqual([
      'Werkt in het Somalisch',
      'Locatie Dorpsstraat 1, 1,5 km',
      'Migrantenorganisatie',
      'Laatst gecontroleerd 6 maanden geleden',
    ]);
    expect(vereniging.weaknesses).toEqual([]);

    expect(basis.reasons.map((r) => r.text)).toEqual([
      'Spreekt Somalisch (basis)',
      'Actief in Centrum, de gezochte buurt',
      'Vaste contactpersoon',
      'Beschikbaar',
    ]);
    expect(basis.weaknesses.map((r) => r.text)).toEqual(['Alleen basiskennis Somalisch', 'Nooit gecontroleerd']);
    expect(result.suggestions).toEqual([]);
  });

  it('working in the searched buurt itself counts: a fluent speaker there edges out a native speaker 0.8 km away', async () => {
    const result = await match();
    const hodan = result.matches.find((m) => m.partner.name.startsWith('Hodan'))!;
    const faisal = result.matches.find((m) => m.partner.name.startsWith('Faisal'))!;
    expect(faisal.distanceKm).toBe(0);
    expect(hodan.distanceKm).toBeCloseTo(0.8, 2);
    // Language 0.35 × (1 − 0.7) = 0.105 for Hodan; distance 0.20 × (1 − 1/1.4) = 0.057 and the buurt itself 0.05 for Faisal.
    expect(faisal.score - hodan.score).toBeCloseTo(0.002, 5);
    expect(result.matches.indexOf(faisal)).toBeLessThan(result.matches.indexOf(hodan));
  });

  it('never shows an informal interpreter when formal interpreters only is asked', async () => {
    const all = await match({ roles: [MatchRole.INTERPRETER] });
    expect(names(all)).toEqual(['Ayaan (formele tolk, Zuid)', 'Warsame (informele tolk, Noord)']);
    const formal = await match({ roles: [MatchRole.INTERPRETER], formalInterpretersOnly: true });
    expect(names(formal)).toEqual(['Ayaan (formele tolk, Zuid)']);
    const anyRole = await match({ formalInterpretersOnly: true });
    expect(names(anyRole)).not.toContain('Warsame (informele tolk, Noord)');
    expect(anyRole.totalCount).toBe(5);
  });

  it('never shows archived records or records outside the radius', async () => {
    const result = await match({ radiusKm: 50, limit: 100 });
    expect(names(result)).not.toContain('Gearchiveerd (Centrum)');
    expect(names(result)).toContain('Ver weg (6 km)');
    const five = await match({ radiusKm: 5, limit: 100 });
    expect(names(five)).not.toContain('Ver weg (6 km)');
    expect(names(five)).not.toContain('Gearchiveerd (Centrum)');
    const small = await match({ radiusKm: 0.6 });
    expect(names(small)).toEqual(['Faisal (vloeiend, Centrum)', 'Warsame (informele tolk, Noord)', 'Basis (Centrum, contactpersoon)']);
    for (const m of small.matches) expect(m.distanceKm).toBeLessThanOrEqual(0.6);
  });

  it('measures from the nearest neighbourhood a person works in', async () => {
    // Hodan works in Oost (0.8 km) and Ver (6 km): from Ver she is at 0 km.
    const result = await match({ neighbourhoodCode: VER, radiusKm: 1 });
    expect(names(result)).toEqual(['Hodan (moedertaal, Oost)', 'Ver weg (6 km)']);
    expect(result.matches[0].distanceKm).toBe(0);
  });

  it('filters by role, community and topic; several languages widen the search', async () => {
    expect(names(await match({ roles: [MatchRole.ORGANISATION] }))).toEqual(['Somalische Vereniging']);
    expect(names(await match({ roles: [MatchRole.CONTACT_PERSON] }))).toEqual(['Basis (Centrum, contactpersoon)']);
    const somali = await match({ communities: ['somali'] });
    expect(names(somali)).toEqual(['Hodan (moedertaal, Oost)', 'Somalische Vereniging']);
    expect(somali.matches[0].reasons.map((r) => r.text)).toContain('Actief in de somali gemeenschap');
    const two = await match({ languages: ['Tigrinya', 'Arabisch'] });
    expect(names(two)).toEqual(['Arabisch (Centrum)', 'Basis (Centrum, contactpersoon)']);
    expect(two.matches[0].weaknesses.map((r) => r.text)).toEqual(['Spreekt geen Tigrinya']);
  });

  it('searches from a point, and names the nearest neighbourhood', async () => {
    const result = await match({ neighbourhoodCode: undefined, lat: 52.0001, lon: 5.0001, radiusKm: 0.3 });
    expect(result.place.neighbourhoodCode).toBe(CENTRUM);
    expect(names(result)).toEqual(['Faisal (vloeiend, Centrum)', 'Basis (Centrum, contactpersoon)']);
  });

  it('says which filter to widen when nothing is found', async () => {
    const narrow = await match({ radiusKm: 0.3, roles: [MatchRole.INTERPRETER], formalInterpretersOnly: true });
    expect(narrow.matches).toEqual([]);
    expect(narrow.suggestions).toEqual([
      {
        field: 'radiusKm',
        text: 'Vergroot de straal naar 5 km: 1 partner',
        messageKey: 'WIDEN_RADIUS',
        params: [
          { name: 'radius', value: '5' },
          { name: 'count', value: '1' },
        ],
        count: 1,
        radiusKm: 5,
      },
      { field: 'roles', text: 'Zoek in alle rollen: 2 partners', messageKey: 'ALL_ROLES', params: [{ name: 'count', value: '2' }], count: 2 },
    ]);
    const nobody = await match({ languages: ['Pools'] });
    expect(nobody.suggestions).toEqual([
      {
        field: 'languages',
        text: expect.stringContaining('Pools'),
        messageKey: 'NO_SPEAKERS',
        params: expect.arrayContaining([{ name: 'languageCodes', value: 'pol' }]),
        count: 0,
      },
    ]);
  });

  it('leaves out a person marked not available, says so, and lists them last when asked', async () => {
    await addPerson(ds, {
      name: 'Emre (niet beschikbaar, Centrum)',
      languages: [['tur', NATIVE]],
      neighbourhoods: [CENTRUM],
      keyPerson: true,
      trained: true,
      availability: Availability.UNAVAILABLE,
    });
    const without = await match({ languages: ['tur'] });
    expect(without.matches).toEqual([]);
    expect(without.totalCount).toBe(0);
    expect(without.suggestions).toEqual([
      {
        field: 'includeUnavailable',
        text: 'Toon ook wie nu niet beschikbaar is: 1 partner',
        messageKey: 'INCLUDE_UNAVAILABLE',
        params: [{ name: 'count', value: '1' }],
        count: 1,
      },
    ]);
    const withThem = await match({ languages: ['tur'], includeUnavailable: true });
    expect(names(withThem)).toEqual(['Emre (niet beschikbaar, Centrum)']);
    expect(withThem.matches[0].weaknesses.map((w) => [w.code, w.text])).toContainEqual(['UNAVAILABLE', 'Nu niet beschikbaar']);
  });
});

describe('the index follows writes', () => {
  it('picks up a new person, a move, an archiving and a removal without a restart', async () => {
    const index = server.app.get(MatchIndex);
    const before = await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 });
    expect(names(before)).toEqual(['Ayaan (formele tolk, Zuid)']);

    const nieuw = await addPerson(ds, { name: 'Nieuw (Zuid)', languages: [['som', NATIVE]], neighbourhoods: [ZUID], keyPerson: true, trained: true });
    // Both score 0.9 at 0 km: the id breaks the tie.
    expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 })).sort()).toEqual(['Ayaan (formele tolk, Zuid)', 'Nieuw (Zuid)']);

    // Moving: only the many-to-many changes.
    const repo = ds.getRepository(Person);
    const loaded = await repo.findOneOrFail({ where: { id: nieuw.id }, relations: { neighbourhoods: true } });
    loaded.neighbourhoods = [{ code: VER } as never];
    await repo.save(loaded);
    expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).toEqual(['Ayaan (formele tolk, Zuid)']);
    expect(names(await match({ neighbourhoodCode: VER, radiusKm: 0.5 }))).toContain('Nieuw (Zuid)');

    // Archiving through a query-builder update, which carries no entity: the feed still names the
    // partner (a trigger writes it), so only that partner is re-read, never the whole index.
    const loads = index.fullLoads;
    await repo.createQueryBuilder().update().set({ archivedAt: '2026-11-24T00:00:00.000Z' }).where('id = :id', { id: nieuw.id }).execute();
    expect(names(await match({ neighbourhoodCode: VER, radiusKm: 0.5 }))).not.toContain('Nieuw (Zuid)');

    await repo.update({ id: nieuw.id }, { archivedAt: null });
    expect(names(await match({ neighbourhoodCode: VER, radiusKm: 0.5 }))).toContain('Nieuw (Zuid)');
    // A bulk delete by criteria, and the join rows cascading with it.
    await repo.delete({ id: nieuw.id });
    expect(names(await match({ neighbourhoodCode: VER, radiusKm: 0.5 }))).not.toContain('Nieuw (Zuid)');
    expect(index.fullLoads).toBe(loads);
  });

  it('a formal interpreter registered before level and end date were required (legacy row) ranks below a complete one and says why', async () => {
    const complete = await addPerson(ds, { name: 'Compleet (formele tolk, Ver)', languages: [['som', NATIVE]], neighbourhoods: [VER], interpreter: 'formal' });
    const legacy = await addPerson(ds, { name: 'Oud (formele tolk, Ver)', languages: [['som', NATIVE]], neighbourhoods: [VER], interpreter: 'formal' });
    // As the rows from before the requirement are: formal, without level and end date (written as an old import would).
    await ds.getRepository(Person).update({ id: legacy.id }, { interpreterLevel: null, registrationEndsOn: null });
    const result = await match({ neighbourhoodCode: VER, radiusKm: 0.5, roles: [MatchRole.INTERPRETER] });
    expect(names(result)).toEqual(['Compleet (formele tolk, Ver)', 'Oud (formele tolk, Ver)']);
    const old = result.matches.find((m) => m.partner.name.startsWith('Oud'))!;
    expect(old.weaknesses.map((w) => w.code)).toContain('REGISTRATION_INCOMPLETE');
    expect(result.matches[0].weaknesses.map((w) => w.code)).not.toContain('REGISTRATION_INCOMPLETE');
    await ds.getRepository(Person).delete({ id: complete.id });
    await ds.getRepository(Person).delete({ id: legacy.id });
  });

  it('learns of writes by another process (an importer) at its next search, without a full reload', async () => {
    const index = server.app.get(MatchIndex);
    // A second data source: what a CLI importer or another server in its own process is to this one.
    const other = new DataSource({ ...ds.options, migrationsRun: false } as DataSourceOptions);
    await other.initialize();
    try {
      const loads = index.fullLoads;
      const outsider = await addPerson(other, { name: 'Van buiten (Zuid)', languages: [['som', NATIVE]], neighbourhoods: [ZUID], keyPerson: true });
      expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).toContain('Van buiten (Zuid)');
      await other.getRepository(Person).update({ id: outsider.id }, { archivedAt: '2026-11-24T00:00:00.000Z' });
      expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).not.toContain('Van buiten (Zuid)');
      await other.getRepository(Person).delete({ id: outsider.id });
      expect(index.fullLoads).toBe(loads);
    } finally {
      await other.destroy();
    }
  });

  it('prunes feed rows older than the retention, and still follows the feed afterwards', async () => {
    const index = server.app.get(MatchIndex);
    await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 });
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM directory_change'))[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    // Nothing is old enough yet.
    expect(await index.pruneFeed()).toBe(0);
    // Eleven minutes on: the rows up to the position remembered at the first read go.
    await index.pruneFeed(Date.now() + MatchIndex.RETENTION_MS + 60_000);
    const pruned = await count();
    // On PostgreSQL the cut is a transaction horizon, which any long transaction in the cluster (another
    // database's test) holds back: fewer rows may go there, never a row a reader still needs.
    if (ds.options.type === 'postgres') expect(pruned).toBeLessThanOrEqual(before);
    else expect(pruned).toBeLessThan(before);
    const person = await addPerson(ds, { name: 'Na het opschonen (Zuid)', languages: [['som', NATIVE]], neighbourhoods: [ZUID], keyPerson: true });
    expect(await count()).toBeGreaterThan(pruned);
    expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).toContain('Na het opschonen (Zuid)');
    await ds.getRepository(Person).delete({ id: person.id });
    expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).not.toContain('Na het opschonen (Zuid)');
  });

  it('forgets changes of a rolled-back transaction', async () => {
    const person = await ds.getRepository(Person).findOneByOrFail({ name: 'Ayaan (formele tolk, Zuid)' });
    await expect(
      ds.transaction(async (em) => {
        await em.save(Person, { ...person, archivedAt: '2026-11-24T00:00:00.000Z' });
        // A search during the transaction re-reads the row: on SQLite (one connection) it sees the
        // uncommitted archiving and drops Ayaan, on PostgreSQL (a pool) it still sees the old row …
        const during = names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }));
        expect(during.length).toBeLessThanOrEqual(1);
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    // … and after the rollback the index reads the row again.
    expect(names(await match({ neighbourhoodCode: ZUID, radiusKm: 0.5 }))).toEqual(['Ayaan (formele tolk, Zuid)']);
  });
});

describe('bad input', () => {
  it('an unknown language names languages.N and suggests the closest', async () => {
    const error = await match({ languages: ['som', 'Somalish'] }).catch((e) => e);
    expect(error.extensions).toMatchObject({ code: 'UNKNOWN_LANGUAGE', field: 'languages.1' });
    expect(error.message).toContain('Somalisch (som)');
  });

  it('a place must be a known neighbourhood or a whole point', async () => {
    await expect(match({ neighbourhoodCode: 'BU12' })).rejects.toMatchObject({ extensions: { code: 'INVALID_CBS_CODE', field: 'neighbourhoodCode' } });
    await expect(match({ neighbourhoodCode: 'BU99999999' })).rejects.toMatchObject({
      extensions: { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCode' },
    });
    await expect(match({ neighbourhoodCode: undefined })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'neighbourhoodCode' } });
    await expect(match({ neighbourhoodCode: undefined, lat: 52 })).rejects.toMatchObject({ extensions: { field: 'lon' } });
    await expect(match({ lat: 52, lon: 5 })).rejects.toMatchObject({ extensions: { field: 'neighbourhoodCode' } });
    await expect(match({ communities: ['somali', 'marsmannetjes'] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'communities.1' } });
  });
});

describe('an active agreement with a team covering the place', () => {
  it('raises the score by the agreement weight and names the team; drafts, ended and other places do not count', async () => {
    const before = await match({ radiusKm: 1 });
    const faisalBefore = before.matches.find((m) => m.partner.name.startsWith('Faisal'))!;
    const faisal = await ds.getRepository(Person).findOneByOrFail({ name: 'Faisal (vloeiend, Centrum)' });
    const team = await ds.getRepository(Team).save(
      ds.getRepository(Team).create({
        name: 'Buurtteam Centrum',
        kind: TeamKind.NEIGHBOURHOOD_TEAM,
        municipalityCode: 'GM9999',
        phone: null,
        email: null,
        isDemo: false,
        externalId: null,
        lastVerifiedOn: null,
        archivedAt: null,
        neighbourhoods: [{ code: CENTRUM } as never],
      }),
    );
    const agreement = (status: AgreementStatus, startsOn: string, endsOn: string | null, personId: string) =>
      ds.getRepository(Agreement).save(
        ds.getRepository(Agreement).create({
          title: 'Spreekuur',
          type: AgreementType.WALK_IN_HOUR,
          status,
          teamId: team.id,
          personId,
          organisationId: null,
          startsOn,
          endsOn,
          isDemo: false,
          externalId: null,
          lastVerifiedOn: null,
          archivedAt: null,
          neighbourhoods: [],
        }),
      );
    const hodan = await ds.getRepository(Person).findOneByOrFail({ name: 'Hodan (moedertaal, Oost)' });
    await agreement(AgreementStatus.DRAFT, '2026-01-01', null, hodan.id);
    await agreement(AgreementStatus.ACTIVE, '2025-01-01', '2026-01-01', hodan.id);
    await agreement(AgreementStatus.ACTIVE, '2026-02-01', null, faisal.id);

    const after = await match({ radiusKm: 1 });
    const faisalAfter = after.matches.find((m) => m.partner.name.startsWith('Faisal'))!;
    expect(faisalAfter.score).toBeCloseTo(faisalBefore.score + 0.1, 5);
    expect(faisalAfter.reasons.map((r) => r.text)).toContain('Actieve samenwerkingsafspraak met Buurtteam Centrum');
    const hodanAfter = after.matches.find((m) => m.partner.name.startsWith('Hodan'))!;
    expect(hodanAfter.reasons.map((r) => r.code)).not.toContain('AGREEMENT');
    // Faisal (0.795 + 0.1 = 0.895) now leads Hodan (0.793) by more than a near tie.
    expect(names(after).slice(0, 2)).toEqual(['Faisal (vloeiend, Centrum)', 'Hodan (moedertaal, Oost)']);

    // The team does not cover Noord: searching from there, the agreement does not count.
    const fromNoord = await match({ neighbourhoodCode: NOORD, radiusKm: 1 });
    expect(fromNoord.matches.find((m) => m.partner.name.startsWith('Faisal'))!.reasons.map((r) => r.code)).not.toContain('AGREEMENT');
  });
});
