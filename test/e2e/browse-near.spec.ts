import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/src/modules/matching/geo.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * "Near" in the browse search (issue 13.3): persons and organisations near a postcode or a neighbourhood,
 * within a radius, through GraphQL over HTTP on the demo data. Bad input: a Dutch message at the field, and nothing found.
 */
let server: TestServer;
let coordinator: Record<string, string>;
const gql = (query: string, variables?: Record<string, unknown>) => server.gql(query, variables, coordinator);
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  coordinator = await server.login('coordinator@example.org');
});
afterAll(() => server?.close());

const KANALENEILAND_NOORD = 'BU03440832';

const NEAR = /* GraphQL */ `
  query ($near: NearFilter, $code: String) {
    persons(filter: { near: $near, neighbourhoodCode: $code }, page: { limit: 200 }) {
      totalCount
      items {
        id
        neighbourhoods {
          code
          centroidLat
          centroidLon
        }
      }
    }
    organisations(filter: { near: $near, neighbourhoodCode: $code }, page: { limit: 200 }) {
      totalCount
      items {
        id
        name
        lat
        lon
        neighbourhoods {
          code
          centroidLat
          centroidLon
        }
      }
    }
  }
`;

describe('near in the browse search', () => {
  it('finds persons active in a neighbourhood within the radius of a neighbourhood: more with a larger radius, every one near', async () => {
    const centre = (await gql(`{ neighbourhood(code: "${KANALENEILAND_NOORD}") { centroidLat centroidLon } }`)).data.neighbourhood;
    const inside = await gql(NEAR, { code: KANALENEILAND_NOORD });
    const small = await gql(NEAR, { near: { neighbourhoodCode: KANALENEILAND_NOORD, radiusKm: 1 } });
    const large = await gql(NEAR, { near: { neighbourhoodCode: KANALENEILAND_NOORD, radiusKm: 5 } });
    for (const res of [inside, small, large]) expect(res.errors).toBeUndefined();
    // The buurt itself is always near; a larger circle holds at least as many.
    const ids = (res: any) => new Set(res.data.persons.items.map((p: any) => p.id));
    for (const id of ids(inside)) expect(ids(small).has(id)).toBe(true);
    expect(small.data.persons.totalCount).toBeGreaterThan(inside.data.persons.totalCount);
    expect(large.data.persons.totalCount).toBeGreaterThan(small.data.persons.totalCount);
    for (const person of small.data.persons.items) {
      const nearest = Math.min(...person.neighbourhoods.map((n: any) => haversineKm(centre.centroidLat, centre.centroidLon, n.centroidLat, n.centroidLon)));
      expect(nearest).toBeLessThanOrEqual(1);
    }
    // And nobody further away: every person outside the answer works only in neighbourhoods beyond 1 km.
    const all = await gql(NEAR, {});
    for (const person of all.data.persons.items.filter((p: any) => !ids(small).has(p.id))) {
      for (const n of person.neighbourhoods) expect(haversineKm(centre.centroidLat, centre.centroidLon, n.centroidLat, n.centroidLon)).toBeGreaterThan(1);
    }
  });

  it('finds an organisation by its venue near a postcode, placed by postcode or by a point on the map, and not one placed far away', async () => {
    const create = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id lat lon locationSource } }`;
    const byPostcode = await gql(create, { input: { name: 'Buurthuis Postcodetest', kind: 'COMMUNITY_CENTRE', postcode: '3526 KL' } });
    expect(byPostcode.errors).toBeUndefined();
    expect(byPostcode.data.createOrganisation.locationSource).toBe('POSTCODE');
    const pc = byPostcode.data.createOrganisation;
    const byClick = await gql(create, { input: { name: 'Moskee Kaartklik', kind: 'RELIGIOUS_ORGANISATION', lat: pc.lat + 0.003, lon: pc.lon + 0.003 } });
    expect(byClick.data.createOrganisation.locationSource).toBe('MANUAL');
    const farAway = await gql(create, { input: { name: 'Stichting Ver Weg', kind: 'OTHER', lat: 53.2, lon: 6.56 } });
    expect(farAway.errors).toBeUndefined();

    const res = await gql(NEAR, { near: { postcode: '3526', radiusKm: 1 } });
    expect(res.errors).toBeUndefined();
    const names = res.data.organisations.items.map((o: any) => o.name);
    expect(names).toContain('Buurthuis Postcodetest');
    expect(names).toContain('Moskee Kaartklik');
    expect(names).not.toContain('Stichting Ver Weg');
    for (const o of res.data.organisations.items) {
      const venueNear = o.lat != null && haversineKm(pc.lat, pc.lon, o.lat, o.lon) <= 1;
      const servesNear = o.neighbourhoods.some((n: any) => haversineKm(pc.lat, pc.lon, n.centroidLat, n.centroidLon) <= 1);
      expect(venueNear || servesNear).toBe(true);
    }
  });

  it('refuses an unknown postcode, both or neither place, and a radius out of range, with a Dutch message at the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ postcode: '0000' }, 'filter.near.postcode', /Postcode 0000 is onbekend/],
      [{ postcode: '3526', neighbourhoodCode: KANALENEILAND_NOORD }, 'filter.near', /niet allebei/],
      [{ radiusKm: 2 }, 'filter.near', /postcode of een buurt/],
      [{ neighbourhoodCode: 'BU99999999' }, 'filter.near.neighbourhoodCode', /bestaat niet/],
    ];
    for (const [near, field, message] of cases) {
      const res = await gql(NEAR, { near });
      expect(res.errors?.length, JSON.stringify(near)).toBeGreaterThan(0);
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.data ?? null).toBeNull();
    }
    const tooFar = await gql(NEAR, { near: { postcode: '3526', radiusKm: 100 } });
    expect(tooFar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(tooFar.errors)).toMatch(/straal mag hoogstens 25 km zijn/);
  });
});
