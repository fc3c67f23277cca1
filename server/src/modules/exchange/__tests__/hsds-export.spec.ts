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
  server = await startTestServer({ seed: true });
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
    expect((await get('/hsds/services?per_page=5')).body.total_items).toBe(67);
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
});
