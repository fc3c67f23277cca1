import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation } from '../../server/src/modules/organisation/organisation.entity.js';
import { sharedPath } from '../support/shared.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The HSDS 3.1 API against its contract, ../shared/hsds/single-openapi.json (read there, never copied):
 * every route and method of the OpenAPI file is called, every answer (errors too) is validated with
 * ajv, paging is walked, and each query parameter is shown to have its effect or to be refused.
 */
const openapi = JSON.parse(readFileSync(sharedPath('hsds', 'single-openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, any>>;
  components: Record<string, unknown>;
};

// The schemas, under the addresses the OpenAPI file and the schemas themselves use for each other.
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (a: Ajv) => void;
addFormats(ajv);
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';
const schema = (file: string) => JSON.parse(readFileSync(sharedPath('hsds', file), 'utf8'));
for (const file of readdirSync(sharedPath('hsds')).filter((f) => /^single-.*\.json$/.test(f) && f !== 'single-openapi.json')) {
  ajv.addSchema(schema(file), `${BASE}/${file.slice('single-'.length)}`);
}
ajv.addSchema(schema('service.json'), `${BASE}/compiled/service.json`);
ajv.addSchema(schema('organization.json'), `${BASE}/compiled/organization.json`);
// The "list" forms (one-to-one fields) are not in ../shared: the single-table schema is exactly those fields.
ajv.addSchema({ $ref: `${BASE}/service.json` }, `${BASE}/compiled/service_list.json`);
ajv.addSchema({ $ref: `${BASE}/organization.json` }, `${BASE}/compiled/organization_list.json`);
ajv.addSchema({ $ref: `${BASE}/service_at_location.json` }, `${BASE}/compiled/service_at_location_list.json`);

/**
 * The spec's answer for a route and method. One correction: GET /service_at_locations/{id} is declared as
 * a compiled *service*; upstream fixed that to a service_at_location (openreferral/specification PR #574,
 * January 2026), which is what we answer, so it is validated as one, with its service as a compiled service.
 */
function responseValidator(path: string, method: string): ValidateFunction {
  const declared = openapi.paths[path][method].responses['200'].content['application/json'].schema;
  if (path === '/service_at_locations/{id}') {
    expect(declared.$ref).toBe(`${BASE}/compiled/service.json`);
    return ajv.compile({
      allOf: [{ $ref: `${BASE}/service_at_location.json` }],
      properties: { service: { $ref: `${BASE}/compiled/service.json` } },
      required: ['service', 'location'],
    });
  }
  return ajv.compile({ ...declared, components: openapi.components });
}

/**
 * The spec declares no error answers. Ours are one shape on every route (docs/hsds-profile.md, "Fouten"):
 * checked here, and the test notices when the spec starts to declare some.
 */
const validateError = ajv.compile({
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: { code: { type: 'string', pattern: '^[A-Z_]+$' }, message: { type: 'string', minLength: 10 }, field: { type: 'string', minLength: 1 } },
});

let server: TestServer;
let signedIn: Record<string, string>;
const covered = new Set<string>();
const validators = new Map<string, ValidateFunction>();

/**
 * One request on its own connection. The server runs in this process: after seconds of synchronous
 * validation its keep-alive timer is overdue and would close a pooled socket just as fetch writes the
 * next request on it (ECONNRESET), so no connection is reused.
 */
function send(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
  signedIn = await server.login('medewerker@example.org');
});
afterAll(() => server?.close());

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** Calls `route` (a path of the OpenAPI file, `{id}` filled in), validates the answer, and notes what was covered. */
async function call(route: string, options: { id?: string; query?: string; method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const method = (options.method ?? 'GET').toLowerCase();
  const path = route.replace('{id}', encodeURIComponent(options.id ?? ''));
  const res = await send(`${server.url}/hsds${path}${options.query ? `?${options.query}` : ''}`, method.toUpperCase(), options.headers);
  const text = res.text;
  const body = text ? JSON.parse(text) : undefined;
  covered.add(`${method} ${route} ${res.status}`);
  if (res.status === 200) {
    const key = `${method} ${route}`;
    if (!validators.has(key)) validators.set(key, responseValidator(route, method));
    const validate = validators.get(key)!;
    expect(validate(body), `${key}?${options.query ?? ''}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  } else {
    for (const status of Object.keys(openapi.paths[route]?.[method]?.responses ?? {})) expect(status, 'the spec now declares errors').toMatch(/^2/);
    expect(validateError(body), `${method} ${route} ${res.status}: ${JSON.stringify(body)} ${ajv.errorsText(validateError.errors)}`).toBe(true);
  }
  return { status: res.status, body, headers: res.headers };
}

/** Every item of a list route, walking its pages; checks that no item comes twice and none is lost. */
async function all(route: string, query = '', perPage = 200, headers?: Record<string, string>): Promise<any[]> {
  const items: any[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const { status, body } = await call(route, { query: `${query}${query ? '&' : ''}page=${page}&per_page=${perPage}`, headers });
    expect(status, `${route}?${query}`).toBe(200);
    if (total === -1) total = body.total_items;
    expect(body).toMatchObject({
      total_items: total,
      page_number: page,
      size: body.contents.length,
      first_page: page === 1,
      total_pages: Math.ceil(total / perPage),
    });
    items.push(...body.contents);
    if (body.last_page) break;
    expect(body.size).toBe(perPage);
  }
  expect(items.length).toBe(total);
  expect(new Set(items.map((i) => i.id)).size, `${route}: an item twice`).toBe(items.length);
  return items;
}

const ids = (items: any[]) => items.map((i) => i.id);
const attributeValues = (object: any, code: string) => (object.attributes ?? []).filter((a: any) => a.taxonomy_term.code === code).map((a: any) => a.value);
const LIST_ROUTES = ['/services', '/organizations', '/service_at_locations', '/taxonomies', '/taxonomy_terms'];

describe('every route of the OpenAPI file', () => {
  it('GET / names the HSDS version, the profile and the OpenAPI file as URIs', async () => {
    const { status, body } = await call('/');
    expect(status).toBe(200);
    expect(body.version).toBe('3.1');
    expect(body.openapi_url).toMatch(/^https:\/\/.*openapi\.json$/);
    const profile = await send(body.profile);
    expect(profile.status).toBe(200);
    expect(profile.text).toContain('HSDS 3.1-profiel van de sociale kaart');
  });

  it('lists page as the spec says (default 20, perPage beside per_page), and no item is lost or doubled across pages', async () => {
    for (const route of LIST_ROUTES) {
      const everything = await all(route, '', 200);
      expect(everything.length, route).toBeGreaterThan(0);
      for (const perPage of [7, 20]) expect(ids(await all(route, '', perPage)), `${route} per ${perPage}`).toEqual(ids(everything));
      const first = await call(route);
      expect(first.body.size).toBe(Math.min(20, everything.length));
      const camel = await call(route, { query: 'perPage=7&page=2' });
      expect(ids(camel.body.contents)).toEqual(ids(everything.slice(7, 14)));
      expect((await call(route, { query: 'perPage=7&per_page=7' })).status).toBe(200);
      expect((await call(route, { query: 'perPage=7&per_page=8' })).body.field).toBe('perPage');
      const beyond = await call(route, { query: `page=${Math.ceil(everything.length / 20) + 1}` });
      expect(beyond.body).toMatchObject({ size: 0, contents: [], last_page: true, empty: false, total_items: everything.length });
    }
  }, 120_000);

  it('every {id} route answers what the list gives, and 404 for an unknown id', async () => {
    const services = await all('/services');
    for (const service of [services[0], services.find((s) => s.organization?.attributes?.some((a: any) => a.value.startsWith('team:')))]) {
      const one = await call('/services/{id}', { id: service.id });
      expect(one.body).toEqual(service);
    }
    const agreement = services.find((s) => attributeValues(s, 'afspraak_soort').length);
    expect((await call('/services/{id}', { id: agreement.id })).body).toEqual(agreement);
    const organizations = await all('/organizations');
    expect((await call('/organizations/{id}', { id: organizations[0].id })).body).toEqual(organizations[0]);
    expect((await call('/organizations/{id}', { id: organizations.at(-1).id })).body).toEqual(organizations.at(-1));
    const locations = await all('/service_at_locations', 'full=true');
    for (const location of [locations[0], locations.at(-1)]) expect((await call('/service_at_locations/{id}', { id: location.id })).body).toEqual(location);
    const taxonomies = await all('/taxonomies');
    expect((await call('/taxonomies/{id}', { id: taxonomies[1].id })).body).toEqual(taxonomies[1]);
    const terms = await all('/taxonomy_terms');
    const term = (await call('/taxonomy_terms/{id}', { id: terms[3].id })).body;
    expect(term).toMatchObject(terms[3]);
    expect(term.taxonomy_detail.id).toBe(terms[3].taxonomy_id);

    for (const route of ['/services/{id}', '/organizations/{id}', '/service_at_locations/{id}', '/taxonomies/{id}', '/taxonomy_terms/{id}']) {
      for (const id of ['5b1d2a9e-0000-5000-8000-000000000000', 'geen-id']) {
        const { status, body } = await call(route, { id });
        expect(status, `${route} ${id}`).toBe(404);
        expect(body).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      }
    }
  }, 120_000);

  it("methods the installation does not offer (the spec's POST searches, writes) are 405 with Allow", async () => {
    for (const [route, methods] of Object.entries(openapi.paths)) {
      const id = '5b1d2a9e-0000-5000-8000-000000000000';
      for (const method of ['post', 'put', 'patch', 'delete']) {
        const { status, headers, body } = await call(route, { id, method });
        expect(status, `${method} ${route}`).toBe(405);
        expect(headers.get('allow')).toBe('GET, HEAD, OPTIONS');
        expect(body.code).toBe('METHOD_NOT_ALLOWED');
      }
      void methods;
      const head = await send(`${server.url}/hsds${route.replace('{id}', id)}`, 'HEAD');
      expect([200, 404]).toContain(head.status);
    }
  });

  it('refuses with 400 naming the parameter: unknown, of another route, repeated, malformed', async () => {
    const refused: [string, string, string][] = [
      ['/services', 'colour=blue', 'colour'],
      ['/services', 'postcode=3511&proximity=500', 'postcode'],
      ['/organizations', 'organization_id=5b1d2a9e-0000-5000-8000-000000000000', 'organization_id'],
      ['/organizations', 'minimal=true', 'minimal'],
      ['/taxonomies', 'language=som', 'language'],
      ['/taxonomy_terms', 'full=true', 'full'],
      ['/services', 'page=0', 'page'],
      ['/services', 'page=1e2', 'page'],
      ['/services', 'per_page=201', 'per_page'],
      ['/services', 'perPage=0', 'perPage'],
      ['/services', 'search=a&search=b', 'search'],
      ['/services', 'minimal=yes', 'minimal'],
      ['/services', 'full=1', 'full'],
      ['/services', 'minimal=true&full=true', 'minimal'],
      ['/organizations', 'full_service=maybe', 'full_service'],
      ['/organizations', 'full=false&full_service=true', 'full_service'],
      ['/services', 'organization_id=acme', 'organization_id'],
      ['/services', 'modified_after=gisteren', 'modified_after'],
      ['/services', 'modified_after=2026-13-45', 'modified_after'],
      ['/services', 'taxonomy_id=5b1d2a9e-0000-5000-8000-000000000000', 'taxonomy_id'],
      ['/services', 'taxonomy_term_id=5b1d2a9e-0000-5000-8000-000000000000', 'taxonomy_term_id'],
      ['/services', 'format=xml', 'format'],
      ['/services', 'format=ndjson&page=2', 'page'],
      ['/services', 'language=klingon', 'language'],
      ['/service_at_locations', 'postcode=3511', 'proximity'],
      ['/service_at_locations', 'proximity=500', 'postcode'],
      ['/service_at_locations', 'postcode=ABCD&proximity=500', 'postcode'],
      ['/service_at_locations', 'postcode=5999&proximity=500', 'postcode'],
      ['/service_at_locations', 'postcode=3511&proximity=-5', 'proximity'],
      ['/service_at_locations', 'postcode=3511&proximity=1000000', 'proximity'],
      ['/taxonomy_terms', 'top_only=true&parent_id=5b1d2a9e-0000-5000-8000-000000000000', 'top_only'],
      ['/taxonomy_terms', 'parent_id=5b1d2a9e-0000-5000-8000-000000000000', 'parent_id'],
      ['/organizations/{id}', 'full=true', 'full'],
      ['/services/{id}', 'page=1', 'page'],
    ];
    const organisation = (await call('/organizations', { query: 'per_page=1' })).body.contents[0].id;
    for (const [route, query, field] of refused) {
      const { status, body } = await call(route, { query, id: organisation });
      expect(status, `${route}?${query}`).toBe(400);
      expect(body.field, `${route}?${query}: ${body.message}`).toBe(field);
      expect(body.message).toMatch(/[a-z]{3}/);
    }
  });
});

describe('each query parameter has its effect', () => {
  it('search, language and organization_id narrow the lists', async () => {
    const services = await all('/services');
    const found = await all('/services', 'search=tolk');
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(services.length);
    for (const s of found) expect(`${s.name} ${s.description ?? ''}`.toLowerCase()).toContain('tolk');
    const somali = await all('/services', 'language=Somalisch');
    expect(somali.length).toBeGreaterThan(0);
    for (const s of somali) expect(s.languages.map((l: any) => l.code)).toContain('som');
    const team = services.find((s) => attributeValues(s, 'afspraak_soort').length).organization.id;
    const ofTeam = await all('/services', `organization_id=${team}`);
    expect(ofTeam.length).toBeGreaterThan(1);
    expect(ofTeam.every((s) => s.organization_id === team)).toBe(true);
    expect(ids(ofTeam)).toEqual(ids(services.filter((s) => s.organization_id === team)));
    const locations = await all('/service_at_locations', `organization_id=${team}`);
    expect(locations.length).toBeGreaterThan(0);
    expect(locations.every((l) => l.service.organization_id === team)).toBe(true);
    expect((await all('/taxonomy_terms', 'search=tolk')).map((t) => t.code)).toEqual(expect.arrayContaining(['INTERPRETER_FORMAL', 'INTERPRETER_INFORMAL']));
  }, 120_000);

  it('taxonomy_id and taxonomy_term_id: kinds, communities, roles and topics (roles and topics through persons: signed in only)', async () => {
    const terms = await all('/taxonomy_terms');
    const term = (taxonomy: string, code: string) => terms.find((t) => t.taxonomy === taxonomy && t.code === code);
    const organizations = await all('/organizations');
    const migrant = await all('/organizations', `taxonomy_term_id=${term('soort', 'MIGRANT_ORGANISATION').id}`);
    expect(migrant.length).toBeGreaterThan(0);
    expect(ids(migrant)).toEqual(ids(organizations.filter((o) => attributeValues(o, 'soort')[0] === 'MIGRANT_ORGANISATION')));
    const teams = await all('/organizations', `taxonomy_term_id=${term('soort', 'TEAM').id}`);
    expect(ids(teams)).toEqual(ids(organizations.filter((o) => attributeValues(o, 'soort')[0].startsWith('team:'))));
    const kinds = await all('/organizations', `taxonomy_id=${term('soort', 'TEAM').taxonomy_id}`);
    expect(ids(kinds)).toEqual(ids(organizations));

    const services = await all('/services');
    const somali = await all('/services', `taxonomy_term_id=${term('gemeenschap', 'somali').id}`);
    expect(somali.length).toBeGreaterThan(0);
    expect(ids(somali)).toEqual(ids(services.filter((s) => attributeValues(s, 'gemeenschap').includes('somali'))));
    const anyCommunity = await all('/services', `taxonomy_id=${term('gemeenschap', 'somali').taxonomy_id}`);
    expect(ids(anyCommunity)).toEqual(ids(services.filter((s) => attributeValues(s, 'gemeenschap').length)));

    const formal = term('rol', 'INTERPRETER_FORMAL');
    expect(formal.parent_id).toBe(term('rol', 'INTERPRETER').id);
    expect((await call('/services', { query: `taxonomy_term_id=${formal.id}` })).body.total_items).toBe(0);
    const withFormal = await all('/services', `taxonomy_term_id=${formal.id}`, 200, signedIn);
    expect(withFormal.length).toBeGreaterThan(0);
    for (const s of withFormal) {
      expect(
        s.contacts.some((c: any) => attributeValues(c, 'tolk_formeel').includes('ja')),
        s.name,
      ).toBe(true);
    }
    const debts = await all('/services', `taxonomy_term_id=${term('thema', 'DEBTS').id}`, 200, signedIn);
    expect(debts.length).toBeGreaterThan(0);
    for (const s of debts)
      expect(
        s.contacts.some((c: any) => attributeValues(c, 'thema').includes('DEBTS')),
        s.name,
      ).toBe(true);
    expect((await call('/services', { query: `taxonomy_id=${formal.taxonomy_id}&taxonomy_term_id=${term('thema', 'DEBTS').id}` })).body.field).toBe(
      'taxonomy_term_id',
    );
    const attributeTerm = terms.find((t) => t.taxonomy === 'sociale-kaart-nl');
    expect((await call('/services', { query: `taxonomy_term_id=${attributeTerm.id}` })).body.field).toBe('taxonomy_term_id');
  }, 120_000);

  it('top_only and parent_id walk the hierarchy of the terms', async () => {
    const terms = await all('/taxonomy_terms');
    const top = await all('/taxonomy_terms', 'top_only=true');
    expect(ids(top)).toEqual(ids(terms.filter((t) => !t.parent_id)));
    const team = terms.find((t) => t.code === 'TEAM');
    const children = await all('/taxonomy_terms', `parent_id=${team.id}`);
    expect(children.map((t) => t.code)).toEqual(['team:NEIGHBOURHOOD_TEAM', 'team:SOCIAL_DISTRICT_TEAM', 'team:YOUTH_AND_FAMILY', 'team:OTHER']);
    const roles = await all('/taxonomy_terms', `taxonomy_id=${team.taxonomy_id}`);
    expect(roles.every((t) => t.taxonomy === 'soort')).toBe(true);
    expect(ids(await all('/taxonomy_terms', 'top_only=false'))).toEqual(ids(terms));
  });

  it('modified_after: only what changed at or after that moment', async () => {
    const organizations = await all('/organizations');
    const changed = organizations.find((o) => attributeValues(o, 'soort')[0] === 'COMMUNITY_CENTRE' && o.locations.length);
    await server.app
      .get(DataSource)
      .createQueryBuilder()
      .update(Organisation)
      .set({ updatedAt: '2090-06-01T12:00:00.000Z' })
      .where('id = :id', { id: changed.id })
      .execute();
    const services = await all('/services', 'modified_after=2090-06-01T12:00:00Z');
    expect(services.map((s) => s.organization_id)).toEqual([changed.id]);
    expect((await all('/services', 'modified_after=2090-06-01T14:00:00%2B02:00')).length).toBe(1);
    expect((await all('/services', 'modified_after=2090-06-02')).length).toBe(0);
    expect((await all('/service_at_locations', 'modified_after=2090-01-01')).map((l) => l.service.organization_id)).toEqual([changed.id]);
    expect((await all('/services', 'modified_after=2000-01-01')).length).toBe((await all('/services')).length);
    const minimal = await all('/services', 'minimal=true&modified_after=2090-01-01');
    expect(minimal[0].last_modified).toBe('2090-06-01T12:00:00.000Z');
  });

  it('minimal, full and full_service choose how much of each object comes', async () => {
    const full = await all('/services');
    const minimal = await all('/services', 'minimal=true');
    expect(ids(minimal)).toEqual(ids(full));
    for (const s of minimal) expect(Object.keys(s).every((k) => ['id', 'name', 'status', 'last_modified'].includes(k))).toBe(true);
    const basic = await all('/services', 'full=false');
    expect(ids(basic)).toEqual(ids(full));
    for (const s of basic) {
      expect(Object.values(s).some(Array.isArray), s.name).toBe(false);
      expect(s.last_modified).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const validateFull = ajv.getSchema(`${BASE}/compiled/service.json`)!;
    for (const s of await all('/services', 'full=true')) expect(validateFull(s), ajv.errorsText(validateFull.errors)).toBe(true);

    const organizations = await all('/organizations');
    const basicOrganizations = await all('/organizations', 'full=false');
    expect(ids(basicOrganizations)).toEqual(ids(organizations));
    expect(basicOrganizations.every((o) => !('services' in o) && !Object.values(o).some(Array.isArray))).toBe(true);
    const simpleServices = await all('/organizations', 'full_service=false');
    expect(simpleServices.every((o) => o.services.length && o.services.every((s: any) => !Object.values(s).some(Array.isArray)))).toBe(true);
    expect(await all('/organizations', 'full_service=true')).toEqual(organizations);
    const one = organizations[0];
    const simple = (await call('/organizations/{id}', { id: one.id, query: 'full_service=false' })).body;
    expect(simple.services.map((s: any) => s.id)).toEqual(one.services.map((s: any) => s.id));
    expect(simple.services[0].service_areas).toBeUndefined();

    const locations = await all('/service_at_locations');
    for (const l of locations) expect(Object.values(l.service).some(Array.isArray)).toBe(false);
    const fullLocations = await all('/service_at_locations', 'full=true');
    expect(ids(fullLocations)).toEqual(ids(locations));
    for (const l of fullLocations) expect(validateFull(l.service), ajv.errorsText(validateFull.errors)).toBe(true);
  }, 120_000);

  it('format=ndjson streams every result, one object per line, without pages', async () => {
    for (const [route, query] of [
      ['/services', 'search=tolk'],
      ['/organizations', ''],
      ['/service_at_locations', 'full=false'],
      ['/taxonomy_terms', 'top_only=true'],
    ]) {
      const paged = await all(route, query);
      const res = await send(`${server.url}/hsds${route}?${query}&format=ndjson`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = res.text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((line) => JSON.parse(line))).toEqual(paged);
    }
  }, 120_000);

  it('postcode and proximity: only locations within that many metres of the PC4 centroid, nearest first', async () => {
    const centroids = JSON.parse(readFileSync(sharedPath('data', 'pc4-centroids.json'), 'utf8'));
    const centre = centroids.data?.['3511'] ?? centroids['3511'];
    expect(centre).toBeDefined();
    const km = (l: any) => {
      const rad = Math.PI / 180;
      const a =
        Math.sin(((l.location.latitude - centre.lat) * rad) / 2) ** 2 +
        Math.cos(centre.lat * rad) * Math.cos(l.location.latitude * rad) * Math.sin(((l.location.longitude - centre.lon) * rad) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(a));
    };
    const everything = (await all('/service_at_locations')).filter((l) => l.location.latitude !== undefined);
    for (const metres of [1500, 3000, 100_000]) {
      const near = await all('/service_at_locations', `postcode=3511&proximity=${metres}`, 5);
      const expected = everything.filter((l) => km(l) <= metres / 1000);
      expect(new Set(ids(near)), `${metres} m`).toEqual(new Set(ids(expected)));
      const distances = near.map(km);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    }
    expect((await all('/service_at_locations', 'postcode=3511&proximity=1500')).length).toBeGreaterThan(0);
    expect((await all('/service_at_locations', 'postcode=3511&proximity=1500')).length).toBeLessThan(everything.length);
    expect(ids(await all('/service_at_locations', 'postcode=3511%20AB&proximity=1500'))).toEqual(
      ids(await all('/service_at_locations', 'postcode=3511&proximity=1500')),
    );
    // Far from Utrecht (Groningen): nothing within 5 km.
    expect((await all('/service_at_locations', 'postcode=9711&proximity=5000')).length).toBe(0);
  }, 120_000);
});

describe('privacy stays as it was', () => {
  it('anonymous callers get no person in any route or shape; signed-in callers do', async () => {
    const personal = (items: any[]) => JSON.stringify(items).match(/"contacts":\[\{/g)?.length ?? 0;
    for (const [route, query] of [
      ['/services', ''],
      ['/services', 'full=true'],
      ['/organizations', ''],
      ['/service_at_locations', 'full=true'],
    ]) {
      expect(personal(await all(route, query)), `${route}?${query}`).toBe(0);
    }
    expect(personal(await all('/services', '', 200, signedIn))).toBeGreaterThan(0);
    const anonymousServices = await all('/services');
    const memberServices = await all('/services', '', 200, signedIn);
    expect(memberServices.length).toBeGreaterThan(anonymousServices.length);
    for (const s of memberServices.filter((x) => !anonymousServices.some((a) => a.id === x.id)).slice(0, 3)) {
      expect((await call('/services/{id}', { id: s.id })).status).toBe(404);
      expect((await call('/services/{id}', { id: s.id, headers: signedIn })).body).toEqual(s);
    }
  }, 120_000);
});

describe('coverage', () => {
  it('every path and method of the OpenAPI file was called, and answered 200 for GET', () => {
    for (const [path, methods] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(methods).filter((m) => m !== 'parameters')) {
        if (method === 'get') expect(covered.has(`get ${path} 200`), `get ${path}`).toBe(true);
        else expect(covered.has(`${method} ${path} 405`), `${method} ${path}`).toBe(true);
      }
    }
  });
});
