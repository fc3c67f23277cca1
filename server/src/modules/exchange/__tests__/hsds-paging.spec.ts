import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../../../../../test/support/auth.js';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { Activity } from '../../activity/activity.entity.js';
import { Agreement, AgreementStatus, AgreementType } from '../../agreement/agreement.entity.js';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { LanguageService } from '../../language/language.service.js';
import { Organisation, OrganisationKind } from '../../organisation/organisation.entity.js';
import { Availability, ConsentMethod, Person } from '../../person/person.entity.js';
import { Team, TeamKind } from '../../team/team.entity.js';
import { HSDS_MAX_PAGE, HsdsExportService, type HsdsPage, type HsdsQuery } from '../hsds/hsds-export.service.js';
import { uuidv5 } from '../hsds/hsds-profile.js';
import { LegacyHsdsExport } from './support/legacy-hsds-export.js';

/**
 * The HSDS routes page in the database (HsdsExportRepository). These tests hold the paged service to
 * the export as it was when it loaded everything (the oracle in support/legacy-hsds-export.ts): the
 * same bytes for the same page, for every page, filter and kind of caller, and the same privacy.
 */
let server: TestServer;
let hsds: HsdsExportService;
let legacy: LegacyHsdsExport;
let signedIn: Record<string, string>;
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };
const archivedIds: Record<string, string> = {};

const now = new Date().toISOString();
const person = (fields: Partial<Person>): Partial<Person> => ({
  isKeyPerson: true,
  isInterpreter: false,
  isContactPerson: false,
  trainedKeyPerson: false,
  volunteerContract: false,
  topics: [],
  availability: Availability.AVAILABLE,
  consentGivenOn: '2025-01-01',
  consentMethod: ConsentMethod.WRITTEN,
  consentRecordedBy: 'Test',
  ...fields,
});

/** Records the demo data lacks: names that sort or fold differently, wildcards, archived partners, audit trails. */
async function addEdgeCases(ds: DataSource): Promise<void> {
  const organisations = ds.getRepository(Organisation);
  const teams = ds.getRepository(Team);
  const persons = ds.getRepository(Person);
  const hiil = await organisations.findOneByOrFail({ name: 'Stichting Hiil Wadaag' });
  const zuidwest = await teams.findOneByOrFail({ name: 'Buurtteam Zuidwest' });
  const org = (name: string, description: string | null, extra: Partial<Organisation> = {}) =>
    organisations.save(
      organisations.create({
        name,
        description,
        kind: OrganisationKind.MIGRANT_ORGANISATION,
        languages: [{ code: 'som' }],
        neighbourhoods: [{ code: 'BU03440832' }],
        ...extra,
      } as Organisation),
    );
  await org('de Kleine Brug', 'Buurthuis aan de gracht');
  const umit = await org('Ümit Vereniging', 'ÉÉN VOOR ALLEN');
  await org('İlkay Huis', null, { languages: [{ code: 'tur' }] } as Partial<Organisation>);
  await org('Stichting 100%_korting', 'Korting: 50% op alles_ en een \\ schuine streep');
  // The same name as a demo organisation: the id decides the order.
  await org('Stichting Hiil Wadaag', 'Zelfde naam, ander record', { address: 'Teststraat 1', postcode: '3527 VA', city: 'Utrecht', lat: 52.07, lon: 5.08 });
  await org('KELVIN \u212A-huis', null);
  await persons.save(
    persons.create(
      person({
        name: 'Özlem Öztürk',
        isKeyPerson: false,
        isInterpreter: true,
        interpreterFormal: true,
        registrationNumber: '12345',
        organisationId: umit.id,
      }) as Person,
    ),
  );

  // Archived: an organisation with a person, an agreement and a walk-in hour; a team with an agreement.
  const gone = await org('Gearchiveerde Stichting', null, { archivedAt: now });
  archivedIds.organisation = gone.id;
  await persons.save(persons.create(person({ name: 'Persoon van gearchiveerde stichting', organisationId: gone.id }) as Person));
  const goneTeam = await teams.save(
    teams.create({ name: 'Gearchiveerd Buurtteam', kind: TeamKind.NEIGHBOURHOOD_TEAM, municipalityCode: 'GM0344', archivedAt: now } as Team),
  );
  archivedIds.team = goneTeam.id;
  const agreements = ds.getRepository(Agreement);
  const agreement = (fields: Partial<Agreement>) =>
    agreements.save(
      agreements.create({
        title: 'Testafspraak',
        type: AgreementType.REFERRAL_ROUTE,
        status: AgreementStatus.ACTIVE,
        startsOn: '2026-01-01',
        neighbourhoods: [{ code: 'BU03440832' }],
        ...fields,
      } as Agreement),
    );
  archivedIds.agreementWithArchivedPartner = (
    await agreement({ teamId: zuidwest.id, organisationId: gone.id, title: 'Afspraak met gearchiveerde partner' })
  ).id;
  archivedIds.agreementOfArchivedTeam = (await agreement({ teamId: goneTeam.id, organisationId: hiil.id, title: 'Afspraak van gearchiveerd team' })).id;
  // Same start date as another agreement of the team: the id decides the order.
  const same = await agreement({ teamId: zuidwest.id, organisationId: umit.id, title: 'Verwijsroute 100% Ümit', startsOn: '2025-11-30' });
  archivedIds.archivedAgreement = (await agreement({ teamId: zuidwest.id, organisationId: umit.id, title: 'Gearchiveerde afspraak', archivedAt: now })).id;
  // A walk-in hour of an agreement at an archived organisation hangs at the agreement's service.
  const activities = ds.getRepository(Activity);
  await activities.save(
    activities.create({
      name: 'Spreekuur op oude plek',
      weekday: 2,
      startTime: '10:00',
      endTime: '11:00',
      validFrom: '2026-01-01',
      venueName: 'Oude plek',
      neighbourhoodCode: 'BU03440832',
      organisationId: gone.id,
      agreementId: same.id,
      languages: [{ code: 'som' }, { code: 'nld' }],
    } as Activity),
  );

  // Persons of no organisation or team whose names sort differently by code point than in Dutch.
  await persons.save(persons.create(person({ name: 'ayşe Kleine Letter' }) as Person));
  await persons.save(persons.create(person({ name: 'Ayşe Test', isKeyPerson: false, isInterpreter: true, interpreterFormal: false }) as Person));
  await persons.save(persons.create(person({ name: 'Zeynep Gearchiveerd', archivedAt: now }) as Person));

  // Audit trails (the demo data has none): two entries at the same moment, order by id.
  const audit = ds.getRepository(AuditEntry);
  const contact = await persons.findOneByOrFail({ organisationId: hiil.id, archivedAt: IsNull() });
  const anyAgreement = await ds.getRepository(Agreement).findOneByOrFail({ organisationId: Not(IsNull()), archivedAt: IsNull() });
  const at = '2026-02-03T10:00:00.000Z';
  for (const [entityType, entityId, before, after] of [
    ['Organisation', hiil.id, { name: 'Oude naam', phone: null }, { name: hiil.name, phone: '030-1234567' }],
    ['Organisation', hiil.id, { website: null }, { website: 'https://example.org', updatedAt: now }],
    ['Team', zuidwest.id, null, { name: zuidwest.name, kind: zuidwest.kind }],
    ['Person', contact.id, { email: 'oud@example.org' }, { email: 'nieuw@example.org', languages: ['som:NATIVE'] }],
    ['Agreement', anyAgreement.id, { status: 'DRAFT' }, { status: 'ACTIVE' }],
  ] as const) {
    await audit.insert({
      id: randomUUID(),
      at,
      userId: null,
      userEmail: entityType === 'Team' ? null : 'beheerder@example.org',
      action: `update${entityType}`,
      entityType,
      entityId,
      beforeJson: before ? JSON.stringify(before) : null,
      afterJson: JSON.stringify(after),
    });
  }
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
  const ds = server.app.get(DataSource);
  await addEdgeCases(ds);
  hsds = server.app.get(HsdsExportService);
  legacy = new LegacyHsdsExport(ds, server.app.get(LanguageService), server.app.get(AccessPolicy));
  signedIn = await loginAs(server, DEMO_USERS.member);
});
afterAll(() => server?.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, text: await res.text() };
};

const FILTERS: HsdsQuery[] = [
  {},
  { language: 'som' },
  { language: 'Turks' },
  { search: 'buurtteam' },
  { search: 'STICHTING hiil' },
  { search: 'ümit' },
  { search: 'één' },
  { search: 'k-huis' },
  { search: 'ilkay' },
  { search: 'ayşe' },
  { search: '100%_' },
  { search: '%' },
  { search: '_' },
  { search: '\\' },
  { search: 'tolk (informeel)' },
  { search: 'sleutelpersoon:' },
  { search: 'samenwerkingsafspraak verwijsroute' },
  { search: 'spreekuur bij de partner tussen' },
  { language: 'som', search: 'hiil' },
  { search: '   ' },
];

describe('paged in the database, the same bytes as the export that loaded everything', () => {
  for (const [who, actor] of [
    ['anonymous', null],
    ['signed in', admin],
  ] as const) {
    for (const route of ['organizations', 'services'] as const) {
      it(`${who}: every page of /hsds/${route} for every filter, with 7 and with 200 per page`, async () => {
        const list = (service: HsdsExportService | LegacyHsdsExport, query: HsdsQuery) =>
          route === 'organizations' ? service.listOrganizations(actor, query) : service.listServices(actor, query);
        for (const filter of FILTERS) {
          for (const perPage of [7, 200]) {
            let last: HsdsPage | undefined;
            for (let page = 1; !last?.last_page; page++) {
              const query = { ...filter, page: String(page), per_page: String(perPage) };
              const [paged, expected] = await Promise.all([list(hsds, query), list(legacy, query)]);
              expect(JSON.stringify(paged), `${route} ${JSON.stringify(query)}`).toBe(JSON.stringify(expected));
              last = paged;
            }
          }
        }
        // Every page of every filter against the oracle that loads everything: about 30 s signed in on a loaded machine.
      }, 180_000);
    }
  }

  it('the filters find what the edge cases are there for', async () => {
    const names = async (query: HsdsQuery, route: 'organizations' | 'services' = 'organizations') =>
      (route === 'organizations' ? await hsds.listOrganizations(admin, query) : await hsds.listServices(admin, query)).contents.map((o) => o.name);
    expect(await names({ search: 'één' })).toEqual(['Ümit Vereniging']);
    expect(await names({ search: 'ümit' })).toEqual(['Ümit Vereniging']);
    // The Kelvin sign is a capital K; İ lower-cases to i with a dot above, as in JavaScript.
    expect(await names({ search: 'k-huis' })).toEqual(['KELVIN \u212A-huis']);
    expect(await names({ search: 'lkay' })).toEqual(['İlkay Huis']);
    expect(await names({ search: '100%_' })).toEqual(['Stichting 100%_korting']);
    expect(await names({ search: '%' })).toEqual(['Stichting 100%_korting']);
    expect(await names({ search: 'ayşe' }, 'services')).toEqual(['Tolk (informeel): Ayşe Test', 'Sleutelpersoon: ayşe Kleine Letter']);
    // Database order: name by code point, so a capital comes before a small letter (above too), then the id.
    const all = (await hsds.listOrganizations(null, { per_page: 200 })).contents.map((o) => o.name as string);
    expect(all.lastIndexOf('Stichting Hiil Wadaag')).toBeLessThan(all.indexOf('de Kleine Brug'));
    expect(all.indexOf('de Kleine Brug')).toBeLessThan(all.indexOf('Ümit Vereniging'));
    expect(all.filter((n) => n === 'Stichting Hiil Wadaag')).toHaveLength(2);
    expect(all).not.toContain('Gearchiveerde Stichting');
    expect(all).not.toContain('Gearchiveerd Buurtteam');
  });

  it('one organization and one service by id: the same as in the list, for every id; archived and unknown ids are 404', async () => {
    for (const actor of [null, admin]) {
      const organizations = (await legacy.listOrganizations(actor, { per_page: 200 })).contents;
      for (const o of organizations) expect(JSON.stringify(await hsds.getOrganization(actor, o.id as string))).toBe(JSON.stringify(o));
      const services: any[] = [];
      for (let page = 1; ; page++) {
        const result = await legacy.listServices(actor, { page, per_page: 200 });
        services.push(...result.contents);
        if (result.last_page) break;
      }
      for (const s of services) expect(JSON.stringify(await hsds.getService(actor, s.id))).toBe(JSON.stringify(s));
    }
    const missing = [
      archivedIds.organisation,
      archivedIds.team,
      archivedIds.agreementWithArchivedPartner,
      archivedIds.agreementOfArchivedTeam,
      archivedIds.archivedAgreement,
      uuidv5(`${archivedIds.organisation}|service`),
      uuidv5(`${randomUUID()}|service`),
      randomUUID(),
      'geen-uuid',
    ];
    for (const id of missing) {
      await expect(hsds.getService(admin, id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'id' } });
      await expect(hsds.getOrganization(admin, id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'id' } });
    }
  });

  it('exportAll (files, round trip) is the same as before', async () => {
    for (const actor of [null, admin]) expect(JSON.stringify(await hsds.exportAll(actor))).toBe(JSON.stringify(await legacy.exportAll(actor)));
  });

  it('over HTTP the body is the same bytes, anonymous and signed in; persons only signed in', async () => {
    for (const path of ['/hsds/organizations?per_page=9&page=3', '/hsds/services?per_page=13&page=7', '/hsds/services?search=tolk&per_page=5&page=2']) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(200);
      const query = Object.fromEntries(new URL(path, server.url).searchParams);
      const list = path.startsWith('/hsds/organizations') ? 'listOrganizations' : 'listServices';
      expect(anonymous.text).toBe(JSON.stringify(await legacy[list](null, query)));
      const member = await get(path, signedIn);
      expect(member.text).toBe(JSON.stringify(await legacy[list](admin, query)));
    }
    const anonymousServices = JSON.parse((await get('/hsds/services?per_page=200&search=tolk')).text);
    expect(anonymousServices.contents.every((s: any) => s.contacts.length === 0 && s.organization)).toBe(true);
    const memberServices = JSON.parse((await get('/hsds/services?per_page=200&search=tolk', signedIn)).text);
    expect(memberServices.contents.some((s: any) => !s.organization && s.contacts.length === 1)).toBe(true);
  });
});

describe('paging', () => {
  it('pages never overlap or skip: every per_page gives the same sequence', async () => {
    const sequence = async (route: string, perPage: number, headers: Record<string, string> = {}) => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const body = JSON.parse((await get(`/hsds/${route}?per_page=${perPage}&page=${page}`, headers)).text) as HsdsPage;
        ids.push(...body.contents.map((o) => o.id as string));
        expect(body.size).toBe(body.contents.length);
        if (body.last_page) return { ids, total: body.total_items };
      }
    };
    for (const [route, headers] of [
      ['organizations', {}],
      ['services', {}],
      ['services', signedIn],
    ] as const) {
      const all = await sequence(route, 200, headers);
      expect(all.ids).toHaveLength(all.total);
      expect(new Set(all.ids).size).toBe(all.total);
      for (const perPage of [1, 11, 64]) expect((await sequence(route, perPage, headers)).ids).toEqual(all.ids);
    }
  }, 120_000);

  it('a page after the last is empty, with the right totals', async () => {
    const body = JSON.parse((await get(`/hsds/organizations?per_page=50&page=${HSDS_MAX_PAGE}`)).text) as HsdsPage;
    expect(body).toMatchObject({ page_number: HSDS_MAX_PAGE, size: 0, contents: [], first_page: false, last_page: true, empty: false });
    expect(body.total_items).toBeGreaterThan(67);
    const none = JSON.parse((await get('/hsds/services?search=bestaatnietinhetregister')).text) as HsdsPage;
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });

  const refused: [string, string][] = [
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['page=', 'page'],
    ['page=1e2', 'page'],
    ['page=%201', 'page'],
    ['page=0x10', 'page'],
    ['page=1&page=2', 'page'],
    [`page=${HSDS_MAX_PAGE + 1}`, 'page'],
    ['page=99999999999999999999', 'page'],
    ['per_page=0', 'per_page'],
    ['per_page=201', 'per_page'],
    ['per_page=1000', 'per_page'],
    ['per_page=abc', 'per_page'],
    ['per_page=2.5', 'per_page'],
    ['per_page=', 'per_page'],
    ['per_page=5&per_page=6', 'per_page'],
    [`search=${'a'.repeat(201)}`, 'search'],
    [`search=${Array.from({ length: 11 }, (_, i) => `w${i}`).join('+')}`, 'search'],
    ['search=a&search=b', 'search'],
    ['language=som&language=tir', 'language'],
  ];
  for (const route of ['organizations', 'services']) {
    it(`/hsds/${route} refuses bad paging and filters with 400, a Dutch message and the parameter named`, async () => {
      for (const [query, field] of refused) {
        const res = await get(`/hsds/${route}?${query}`, signedIn);
        expect(res.status, query).toBe(400);
        const body = JSON.parse(res.text);
        expect(body, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(body.message, query).toMatch(new RegExp(`^${field} `));
      }
      const typo = JSON.parse((await get(`/hsds/${route}?language=Somalish&page=0`)).text);
      expect(typo).toMatchObject({ code: 'UNKNOWN_LANGUAGE', field: 'language' });
      // Within bounds everything goes.
      for (const query of ['page=1&per_page=1', 'page=2&per_page=200', 'per_page=50', 'page=01'])
        expect((await get(`/hsds/${route}?${query}`)).status, query).toBe(200);
    });
  }

  it('reads a page in a fixed number of queries, whatever its size (set-based, not one query per row)', async () => {
    const ds = server.app.get(DataSource);
    const logger = ds.logger;
    const original = logger.logQuery.bind(logger);
    const count = async (run: () => Promise<unknown>) => {
      let queries = 0;
      logger.logQuery = (...args) => {
        queries++;
        return original(...args);
      };
      try {
        await run();
      } finally {
        logger.logQuery = original;
      }
      return queries;
    };
    for (const actor of [null, admin]) {
      // Organisations only (the first 40 are), then organisations and teams.
      expect(await count(() => hsds.listOrganizations(actor, { per_page: 40 }))).toBe(
        await count(() => hsds.listOrganizations(actor, { per_page: 3, page: 2 })),
      );
      expect(await count(() => hsds.listOrganizations(actor, { per_page: 200 }))).toBe(await count(() => hsds.listOrganizations(actor, { per_page: 60 })));
      const services = [
        await count(() => hsds.listServices(actor, { per_page: 200 })),
        await count(() => hsds.listServices(actor, { per_page: 200, page: 2 })),
      ];
      expect(Math.max(...services)).toBeLessThan(40);
      // service_at_locations too, and near a postcode (ids and points in the box, then the page).
      // Organisations' venues only (the first 30 are), then venues and agreements.
      expect(await count(() => hsds.listServiceAtLocations(actor, { per_page: 3, full: 'true' }))).toBe(
        await count(() => hsds.listServiceAtLocations(actor, { per_page: 30, full: 'true' })),
      );
      expect(await count(() => hsds.listServiceAtLocations(actor, { per_page: 60, full: 'true' }))).toBe(
        await count(() => hsds.listServiceAtLocations(actor, { per_page: 200, full: 'true' })),
      );
      expect(await count(() => hsds.listServiceAtLocations(actor, { per_page: 60, postcode: '3511', proximity: '5000' }))).toBe(
        await count(() => hsds.listServiceAtLocations(actor, { per_page: 200, postcode: '3511', proximity: '5000' })),
      );
    }
  });
});
