import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const MAP = `query($input: PartnerMapInput!) { partnerMap(input: $input) {
  extent { south west north east }
  personsTotal organisationsTotal personsPlaced organisationsPlaced personsHidden truncated
  clusters { lat lon count persons organisations expansionZoom kind partnerId name }
} }`;
const LISTS = `query($f: PersonFilter, $o: OrganisationFilter) { persons(filter: $f, page: { limit: 1 }) { totalCount } organisations(filter: $o, page: { limit: 1 }) { totalCount } }`;

type Cluster = {
  count: number;
  persons: number;
  organisations: number;
  kind: string | null;
  partnerId: string | null;
  name: string | null;
  expansionZoom: number | null;
};
const sum = (clusters: Cluster[], key: 'count' | 'persons' | 'organisations') => clusters.reduce((n, c) => n + c[key], 0);

describe('partnerMap: every partner, clustered on the server', () => {
  let server: TestServer;
  let member: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ seed: true });
    member = await server.login('medewerker@example.org');
  });
  afterAll(() => server?.close());

  it('signed in, the clusters hold every placed partner, told apart, and the totals are those of the lists', async () => {
    const res = await server.gql(MAP, { input: { zoom: 10 } }, member);
    expect(res.errors).toBeUndefined();
    const map = res.data.partnerMap;
    const lists = (await server.gql(LISTS, {}, member)).data;
    expect(map.personsTotal).toBe(lists.persons.totalCount);
    expect(map.organisationsTotal).toBe(lists.organisations.totalCount);
    expect(map.personsTotal).toBeGreaterThan(200); // more than the old overview's one page
    expect(sum(map.clusters, 'count')).toBe(map.personsPlaced + map.organisationsPlaced);
    expect(sum(map.clusters, 'persons')).toBe(map.personsPlaced);
    expect(sum(map.clusters, 'organisations')).toBe(map.organisationsPlaced);
    expect(map.clusters.length).toBeLessThan(map.personsPlaced); // clustered, not one marker each
    expect(map.extent.south).toBeLessThan(map.extent.north);
    for (const c of map.clusters as Cluster[]) {
      expect(c.persons + c.organisations).toBe(c.count);
      if (c.count > 1) expect(c.expansionZoom).toBeGreaterThan(10);
      else expect(c.partnerId && c.kind && c.name).toBeTruthy();
    }
    expect(map.personsHidden).toBe(false);
  });

  it('a search gives the same totals as the lists, and all of its hits are in the clusters', async () => {
    const filter = { language: 'Somalisch' };
    const map = (await server.gql(MAP, { input: { zoom: 12, ...filter } }, member)).data.partnerMap;
    const lists = (await server.gql(LISTS, { f: filter, o: filter }, member)).data;
    expect(map.personsTotal).toBe(lists.persons.totalCount);
    expect(map.organisationsTotal).toBe(lists.organisations.totalCount);
    expect(sum(map.clusters, 'count')).toBe(map.personsPlaced + map.organisationsPlaced);
  });

  it('zoomed in on a box, gives single partners there and nothing outside it', async () => {
    const all = (await server.gql(MAP, { input: { zoom: 18 } }, member)).data.partnerMap;
    const singles = (all.clusters as (Cluster & { lat: number; lon: number })[]).filter((c) => c.count === 1);
    expect(singles.length).toBeGreaterThan(0);
    const one = singles[0]!;
    const bounds = { south: one.lat - 0.001, north: one.lat + 0.001, west: one.lon - 0.001, east: one.lon + 0.001 };
    const near = (await server.gql(MAP, { input: { zoom: 18, bounds } }, member)).data.partnerMap;
    expect(near.clusters.some((c: Cluster) => c.partnerId === one.partnerId)).toBe(true);
    expect(near.clusters.length).toBeLessThan(all.clusters.length);
    for (const c of near.clusters) expect(c.lat >= bounds.south && c.lat <= bounds.north && c.lon >= bounds.west && c.lon <= bounds.east).toBe(true);
  });

  it('a newly registered organisation with only a postcode is on the map at once, placed at its PC4 centre', async () => {
    const before = (await server.gql(MAP, { input: { zoom: 10 } }, member)).data.partnerMap;
    const admin = await server.login('beheerder@example.org');
    const created = await server.gql(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id lat lon locationSource } }`,
      {
        input: {
          name: 'Stichting Kaarttest',
          kind: 'MIGRANT_ORGANISATION',
          postcode: '3526 AB',
          languageCodes: ['som'],
          communityCodes: ['somali'],
          neighbourhoodCodes: ['BU03440832'],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrganisation).toMatchObject({ locationSource: 'POSTCODE' });
    expect(created.data.createOrganisation.lat).toBeCloseTo(52.07, 1);
    const after = (await server.gql(MAP, { input: { zoom: 10 } }, member)).data.partnerMap;
    expect(after.organisationsTotal).toBe(before.organisationsTotal + 1);
    expect(after.organisationsPlaced).toBe(before.organisationsPlaced + 1);
    const near = (await server.gql(MAP, { input: { zoom: 18, name: 'Kaarttest' } }, member)).data.partnerMap;
    expect(near.clusters).toEqual([
      expect.objectContaining({ partnerId: created.data.createOrganisation.id, kind: 'ORGANISATION', name: 'Stichting Kaarttest' }),
    ]);
  });

  it.each([
    ['a zoom level beyond 22', { zoom: 30 }, 'zoom'],
    ['a latitude beyond 90', { zoom: 10, bounds: { south: -100, west: 4, north: 53, east: 6 } }, 'bounds.south'],
  ])('refuses %s with a code and the field', async (_label, input, field) => {
    const res = await server.gql(MAP, { input }, member);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('not signed in and without ANONYMOUS_READ, refuses', async () => {
    const res = await server.gql(MAP, { input: { zoom: 10 } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res.data ?? null)).not.toMatch(/PERSON/);
  });
});

describe('partnerMap with ANONYMOUS_READ=true', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: true, config: { anonymousRead: true } });
  });
  afterAll(() => server?.close());

  it('gives organisations only, and says that persons were left out', async () => {
    const res = await server.gql(MAP, { input: { zoom: 18 } });
    expect(res.errors).toBeUndefined();
    const map = res.data.partnerMap;
    expect(map).toMatchObject({ personsHidden: true, personsTotal: 0, personsPlaced: 0 });
    expect(map.organisationsPlaced).toBeGreaterThan(0);
    expect(sum(map.clusters, 'persons')).toBe(0);
    expect(map.clusters.every((c: Cluster) => c.kind !== 'PERSON')).toBe(true);
  });
});
