import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let member: Record<string, string>;
/** Persons are for signed-in users: these tests read as a team member. */
const gql = (query: string, variables?: Record<string, unknown>) => server.gql(query, variables, member);
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  member = await server.login('medewerker@example.org');
});
afterAll(() => server?.close());

const SOMALI_PERSONS = /* GraphQL */ `
  query ($language: String) {
    persons(filter: { language: $language }, page: { limit: 200 }) {
      totalCount
      items {
        id
        name
        languages {
          level
          language {
            code
            nameNl
          }
        }
        mapPoint {
          lat
          lon
          neighbourhoodCode
        }
      }
    }
  }
`;

describe('GraphQL over HTTP on the demo data', () => {
  it("lists Utrecht's 111 neighbourhoods with district, centre and boundary", async () => {
    const res = await gql(
      `{ neighbourhoods(municipalityCode: "GM0344") { code name districtCode district { name } centroidLat centroidLon geometry boundaryApproximate } }`,
    );
    expect(res.errors).toBeUndefined();
    const list = res.data.neighbourhoods;
    expect(list).toHaveLength(111);
    const kanaleneiland = list.filter((n: any) => n.name.includes('Kanaleneiland'));
    expect(kanaleneiland.length).toBeGreaterThanOrEqual(2);
    expect(kanaleneiland.every((n: any) => n.districtCode === 'WK034408')).toBe(true);
    for (const n of list) {
      expect(n.code).toMatch(/^BU0344\d{4}$/);
      expect(['Polygon', 'MultiPolygon']).toContain(n.geometry.type);
      expect(n.centroidLat).toBeGreaterThan(52.0);
      expect(n.centroidLat).toBeLessThan(52.2);
      expect(n.centroidLon).toBeGreaterThan(4.9);
      expect(n.centroidLon).toBeLessThan(5.3);
    }
  });

  it('finds one neighbourhood by code and 10 districts', async () => {
    const res = await gql(`{ neighbourhood(code: "BU03440832") { code name district { code name } } districts(municipalityCode: "GM0344") { code } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.neighbourhood.district.code).toBe('WK034408');
    expect(res.data.districts).toHaveLength(10);
  });

  it('finds the same persons for "som", "Somalisch" and "SOMALI"', async () => {
    const results = await Promise.all(['som', 'Somalisch', 'SOMALI', 'so'].map((language) => gql(SOMALI_PERSONS, { language })));
    for (const res of results) expect(res.errors).toBeUndefined();
    const ids = results.map((res) => res.data.persons.items.map((p: any) => p.id).sort());
    expect(ids[0].length).toBeGreaterThan(3);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    expect(ids[3]).toEqual(ids[0]);
    for (const person of results[0].data.persons.items) {
      expect(person.languages.map((l: any) => l.language.code)).toContain('som');
      expect(person.mapPoint.neighbourhoodCode).toMatch(/^BU0344/);
    }
  });

  it('combines language, role and neighbourhood, and pages with a total', async () => {
    const all = await gql(`{ persons(filter: { role: KEY_PERSON }, page: { limit: 5 }) { totalCount hasMore items { isKeyPerson roles } } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data.persons.items).toHaveLength(5);
    expect(all.data.persons.hasMore).toBe(true);
    expect(all.data.persons.items.every((p: any) => p.isKeyPerson && p.roles.includes('KEY_PERSON'))).toBe(true);

    const somaliKeyPersons = await gql(
      `{ persons(filter: { language: "Somali", role: KEY_PERSON }, page: { limit: 200 }) { totalCount items { neighbourhoods { code } } } }`,
    );
    const somaliKanaleneiland = await gql(`{ neighbourhoods(municipalityCode: "GM0344") { code name } }`);
    const kanaleneilandCodes = somaliKanaleneiland.data.neighbourhoods.filter((n: any) => n.name.includes('Kanaleneiland')).map((n: any) => n.code);
    const here = await Promise.all(
      kanaleneilandCodes.map((code: string) =>
        gql(`query($code: String) { persons(filter: { language: "som", role: KEY_PERSON, neighbourhoodCode: $code }) { items { neighbourhoods { code } } } }`, {
          code,
        }),
      ),
    );
    const inKanaleneiland = here.flatMap((r) => r.data.persons.items);
    expect(inKanaleneiland.length).toBeGreaterThan(0);
    expect(inKanaleneiland.length).toBeLessThan(somaliKeyPersons.data.persons.totalCount);
  });

  it('lists organisations by language and teams with their neighbourhoods', async () => {
    const res = await gql(
      `{ organisations(filter: { language: "Arabisch" }) { totalCount items { name kind lat lon languages { code } } } teams { name neighbourhoods { code } } languages { code nameNl nameEn } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organisations.totalCount).toBeGreaterThan(0);
    expect(res.data.organisations.items.every((o: any) => o.languages.some((l: any) => l.code === 'ara'))).toBe(true);
    expect(res.data.teams.length).toBeGreaterThanOrEqual(8);
    const codes = res.data.languages.map((l: any) => l.code);
    for (const code of ['som', 'tir', 'ara', 'rif', 'tur', 'prs', 'pol', 'pap']) expect(codes).toContain(code);
  });

  it("never exposes a person's phone or e-mail as a field", async () => {
    const res = await gql(`{ persons { items { phone } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('bad input', () => {
  it('an unknown language names the field and suggests the closest languages', async () => {
    const res = await gql(SOMALI_PERSONS, { language: 'Somalish' });
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    const error = res.errors![0];
    expect(error.extensions?.code).toBe('UNKNOWN_LANGUAGE');
    expect(error.extensions?.field).toBe('filter.language');
    expect(error.message).toContain('Somalisch (som)');
    expect(error.extensions?.stacktrace).toBeUndefined();
  });

  it('a malformed CBS code is refused with INVALID_CBS_CODE', async () => {
    const res = await gql(`{ neighbourhood(code: "Kanaleneiland") { code } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'INVALID_CBS_CODE', field: 'code' });
    const filtered = await gql(`{ persons(filter: { neighbourhoodCode: "BU12" }) { totalCount } }`);
    expect(filtered.errors![0].extensions).toMatchObject({ code: 'INVALID_CBS_CODE', field: 'filter.neighbourhoodCode' });
  });

  it('a page size over the maximum is refused', async () => {
    const res = await gql(`{ persons(page: { limit: 5000 }) { totalCount } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(res.errors![0].message).toContain('200');
  });

  it('a filter of the wrong type is a validation error naming the field, not a 500', async () => {
    const res = await gql(`query($f: PersonFilter) { persons(filter: $f) { totalCount } }`, { f: { role: 'TOVENAAR' } });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('f.role');
    const literal = await gql(`{ persons(filter: { language: 12 }) { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(literal.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
