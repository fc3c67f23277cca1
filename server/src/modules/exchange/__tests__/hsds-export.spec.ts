import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/support/test-server.js';
import { type Actor, UserRole } from '../../auth/actor.js';
import { Person } from '../../person/person.entity.js';
import { HsdsExportService } from '../hsds/hsds-export.service.js';
import { uuidv5 } from '../hsds/hsds-profile.js';

let server: TestServer;
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };
const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  // The HSDS API is open to anonymous callers only with ANONYMOUS_READ=true (test/e2e/privacy.spec.ts checks the default).
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
});
afterAll(() => server?.close());

describe('GET /hsds/…', () => {
  it('pages as the HSDS API does', async () => {
    const first = await get('/hsds/organizations?per_page=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total_items: 67, total_pages: 7, page_number: 1, size: 10, first_page: true, last_page: false, empty: false });
    const last = await get('/hsds/organizations?per_page=10&page=7');
    expect(last.body).toMatchObject({ page_number: 7, size: 7, last_page: true });
    const ids = new Set([...first.body.contents, ...last.body.contents].map((o: any) => o.id));
    expect(ids.size).toBe(17);
    // One service per organisation and team, plus one per agreement with an organisation (23 of 27).
    expect((await get('/hsds/services?per_page=5')).body.total_items).toBe(67 + 23);
  });

  it('filters by language, by code or Dutch name, and suggests on a typo', async () => {
    const som = await get('/hsds/services?language=som&per_page=200');
    const somalisch = await get('/hsds/services?language=Somalisch&per_page=200');
    expect(som.body.total_items).toBeGreaterThan(3);
    expect(somalisch.body.contents.map((s: any) => s.id)).toEqual(som.body.contents.map((s: any) => s.id));
    for (const service of som.body.contents) expect(service.languages.map((l: any) => l.code)).toContain('som');
    const typo = await get('/hsds/services?language=Somalish');
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({ code: 'UNKNOWN_LANGUAGE', field: 'language' });
    expect(typo.body.message).toContain('Somalisch');
  });

  it('refuses bad paging and unknown ids with a Dutch message', async () => {
    expect((await get('/hsds/services?per_page=1000')).body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'per_page' });
    expect((await get('/hsds/services?page=0')).status).toBe(400);
    expect((await get('/hsds/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('maps an organisation with venue, languages, neighbourhoods and kind', async () => {
    const list = await get('/hsds/organizations?search=Hiil%20Wadaag');
    expect(list.body.total_items).toBe(1);
    const org = list.body.contents[0];
    const one = await get(`/hsds/organizations/${org.id}`);
    expect(one.body).toEqual(org);
    expect(org.attributes.find((a: any) => a.taxonomy_term.code === 'soort').value).toBe('MIGRANT_ORGANISATION');
    expect(org.locations[0]).toMatchObject({ location_type: 'physical', latitude: 52.07481, longitude: 5.08811 });
    expect(org.locations[0].addresses[0]).toMatchObject({ address_1: 'Hazelaarstraat 141', postal_code: '3527 VA', country: 'NL' });
    const service = org.services[0];
    expect(service.id).toBe(uuidv5(`${org.id}|service`));
    expect(service.languages.map((l: any) => l.code).sort()).toEqual(['nld', 'som']);
    const area = service.service_areas.find((a: any) => a.uri === 'urn:cbs:buurt:BU03440832');
    expect(area.extent_type).toBe('geojson');
    expect(['Polygon', 'MultiPolygon']).toContain(JSON.parse(area.extent).type);
  });

  it('leaves persons out for anonymous callers and puts them in, with their profile, for signed-in ones', async () => {
    const anonymous = await get('/hsds/organizations?per_page=200');
    const text = JSON.stringify(anonymous.body);
    const persons = await server.app.get(DataSource).getRepository(Person).find();
    for (const person of persons) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name);
    }
    expect(anonymous.body.contents.every((o: any) => o.contacts.length === 0 && o.services.every((s: any) => s.contacts.length === 0))).toBe(true);

    const hsds = server.app.get(HsdsExportService);
    const signedIn = await hsds.listServices(admin, { per_page: 200 });
    const contacts = signedIn.contents.flatMap((s: any) => s.contacts);
    const interpreter = contacts.find((c: any) => c.attributes.some((a: any) => a.value === 'INTERPRETER'));
    expect(interpreter.phones[0].number).toMatch(/^06-/);
    const terms = interpreter.attributes.map((a: any) => a.taxonomy_term.code);
    expect(terms).toEqual(expect.arrayContaining(['rol', 'tolk_formeel', 'taal', 'buurt', 'toestemming_datum', 'toestemming_wijze']));
  });

  it('maps walk-in hours to schedules with RRULE fields on the service of the venue', async () => {
    const org = (await get('/hsds/organizations?search=Hiil%20Wadaag')).body.contents[0];
    const service = org.services[0];
    const thursday = service.schedules.find((s: any) => s.byday === 'TH' && s.opens_at === '19:00');
    expect(thursday).toMatchObject({
      service_id: service.id,
      location_id: org.locations[0].id,
      service_at_location_id: service.service_at_locations[0].id,
      freq: 'WEEKLY',
      interval: 1,
      wkst: 'MO',
      closes_at: '20:30',
      valid_from: '2025-11-30',
      dtstart: '2025-11-30',
      description: 'Inloop zonder afspraak voor vragen over geld, zorg, opvoeding en post.',
    });
    expect(thursday.valid_to).toBeUndefined();
    const terms = Object.fromEntries(thursday.attributes.map((a: any) => [a.taxonomy_term.code, a.value]));
    expect(terms).toMatchObject({ spreekuur_naam: 'Spreekuur Buurtteam Zuidwest', locatie_buurt: 'BU03440832', tijdzone: 'Europe/Amsterdam' });
    expect(thursday.attributes.filter((a: any) => a.taxonomy_term.code === 'spreekuur_taal').map((a: any) => a.value)).toEqual(['nld', 'som']);
  });

  it('maps agreements to a service of the team at the partner venue; key-person agreements and persons only when signed in', async () => {
    const anonymous = (await get('/hsds/services?per_page=200')).body.contents;
    const agreements = anonymous.filter((s: any) => s.attributes.some((a: any) => a.taxonomy_term.code === 'afspraak_soort'));
    expect(agreements).toHaveLength(23);
    const hiil = agreements.find((s: any) => s.name === 'Wekelijks spreekuur bij Hiil Wadaag');
    const terms = Object.fromEntries(hiil.attributes.map((a: any) => [a.taxonomy_term.code, a.value]));
    expect(terms).toMatchObject({ afspraak_soort: 'WALK_IN_HOUR', afspraak_status: 'ACTIVE', startdatum: '2025-11-30', evaluatiedatum: '2026-11-30' });
    expect(terms.contactpersoon_team).toBeUndefined();
    expect(hiil).toMatchObject({ status: 'active', contacts: [], organization: { name: 'Buurtteam Zuidwest' } });
    expect(hiil.service_at_locations[0].location.name).toBe('Stichting Hiil Wadaag');
    expect(hiil.service_areas.map((a: any) => a.uri)).toEqual(['urn:cbs:buurt:BU03440832']);
    expect(new Set(agreements.map((s: any) => s.status))).toEqual(new Set(['active', 'inactive', 'defunct']));

    const signedIn = (await server.app.get(HsdsExportService).listServices(admin, { per_page: 200 })).contents;
    const all = signedIn.filter((s: any) => (s.attributes as any[]).some((a) => a.taxonomy_term.code === 'afspraak_soort'));
    expect(all).toHaveLength(27);
    const withPerson = all.filter((s: any) => (s.attributes as any[]).some((a) => a.taxonomy_term.code === 'partner_persoon'));
    expect(withPerson).toHaveLength(4);
    const hiilSignedIn = all.find((s: any) => s.id === hiil.id) as any;
    expect(hiilSignedIn.contacts).toHaveLength(2);
    const sideIds = hiilSignedIn.attributes.filter((a: any) => a.taxonomy_term.code.startsWith('contactpersoon_')).map((a: any) => a.value);
    expect(hiilSignedIn.contacts.map((c: any) => c.id).sort()).toEqual(sideIds.sort());
  });

  it('puts the current fixed contact person (ContactAssignment) on the organization, signed in only', async () => {
    const anonymous = (await get('/hsds/organizations?per_page=200')).body.contents;
    expect(anonymous.every((o: any) => o.contacts.length === 0)).toBe(true);
    const organizations = (await server.app.get(HsdsExportService).listOrganizations(admin, { per_page: 200 })).contents as any[];
    const contacts = organizations.flatMap((o) => o.contacts);
    expect(contacts).toHaveLength(62);
    for (const o of organizations) expect(o.contacts.length).toBeLessThanOrEqual(1);
    const since = contacts[0].attributes.find((a: any) => a.taxonomy_term.code === 'vaste_contactpersoon_sinds');
    expect(Date.parse(since.value)).not.toBeNaN();
    expect(contacts[0].name).toBeTruthy();
  });
});
