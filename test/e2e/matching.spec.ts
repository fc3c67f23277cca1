import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let signedIn: Record<string, string>;
/** GraphQL as a signed-in team member: matching returns persons, which are for signed-in users only. */
const gql = (query: string, variables?: Record<string, unknown>) => server.gql(query, variables, signedIn);
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  signedIn = await loginAs(server, DEMO_USERS.member);
});
afterAll(() => server?.close());

const MATCH = /* GraphQL */ `
  query ($input: MatchInput!) {
    matchPartners(input: $input) {
      place {
        lat
        lon
        neighbourhoodCode
        neighbourhoodName
      }
      languages {
        code
        nameNl
      }
      radiusKm
      totalCount
      suggestions {
        field
        text
        count
      }
      matches {
        kind
        score
        distanceKm
        mapPoint {
          lat
          lon
          neighbourhoodCode
        }
        reasons {
          code
          text
        }
        weaknesses {
          code
          text
        }
        partner {
          __typename
          ... on Person {
            id
            name
            roles
            interpreterFormal
            archivedAt
            languages {
              level
              language {
                code
              }
            }
            neighbourhoods {
              code
              name
            }
          }
          ... on Organisation {
            id
            name
            kind
            archivedAt
            languages {
              code
            }
          }
        }
      }
    }
  }
`;

describe('matchPartners over HTTP on the demo data', () => {
  it('finds Somali speakers near Kanaleneiland, ranked, at different distances, each with reasons', async () => {
    const res = await gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: ['Somalisch'] } });
    expect(res.errors).toBeUndefined();
    const result = res.data.matchPartners;
    expect(result.place).toMatchObject({ neighbourhoodCode: 'BU03440832', neighbourhoodName: 'Kanaleneiland-Noord' });
    expect(result.languages).toEqual([{ code: 'som', nameNl: 'Somalisch' }]);
    expect(result.radiusKm).toBe(5);
    const matches = result.matches;
    expect(matches.length).toBeGreaterThanOrEqual(5);
    expect(result.totalCount).toBeGreaterThanOrEqual(matches.length);
    expect(new Set(matches.map((m: any) => Math.floor(m.distanceKm))).size).toBeGreaterThanOrEqual(3);
    for (const [i, m] of matches.entries()) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(m.score).toBeLessThanOrEqual(matches[i - 1].score);
      expect(m.distanceKm).toBeLessThanOrEqual(5);
      expect(m.partner.archivedAt).toBeNull();
      expect(m.reasons[0].code).toBe('LANGUAGE');
      expect(m.reasons[0].text).toMatch(/^(Spreekt Somalisch \((moedertaal|vloeiend|basis)\)|Werkt in het Somalisch)$/);
      expect(m.reasons[1].code).toBe('NEARBY');
      expect(m.reasons[1].text).toMatch(/^(Actief in .+|Locatie .+), \d+,\d km$|de gezochte buurt$/);
      if (m.partner.__typename === 'Person') {
        expect(m.kind).toBe('PERSON');
        expect(m.partner.languages.map((l: any) => l.language.code)).toContain('som');
        // Measured to a neighbourhood centre the person works in, never an address.
        expect(m.partner.neighbourhoods.map((n: any) => n.code)).toContain(m.mapPoint.neighbourhoodCode);
      } else {
        expect(m.partner.languages.map((l: any) => l.code)).toContain('som');
      }
    }
    const top = matches[0];
    expect(top.reasons.map((r: any) => r.text)).toContain('Spreekt Somalisch (moedertaal)');
  });

  it('understands "som", "so", "Somali" and "SOMALISCH" as the same language', async () => {
    const results = await Promise.all(
      ['som', 'so', 'Somali', 'SOMALISCH'].map((language) => gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: [language], limit: 100 } })),
    );
    const ids = results.map((r) => r.data.matchPartners.matches.map((m: any) => m.partner.id));
    for (const list of ids) expect(list).toEqual(ids[0]);
  });

  it('leaves out informal interpreters when formal only is asked, and persons when organisations are asked', async () => {
    const formal = await gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: ['ara'], radiusKm: 50, limit: 100, formalInterpretersOnly: true } });
    expect(formal.errors).toBeUndefined();
    for (const m of formal.data.matchPartners.matches) {
      if (m.partner.__typename === 'Person' && m.partner.roles.includes('INTERPRETER')) expect(m.partner.interpreterFormal).toBe(true);
      expect(m.weaknesses.map((w: any) => w.code)).not.toContain('INFORMAL_INTERPRETER');
    }
    const organisations = await gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: ['ara'], roles: ['ORGANISATION'] } });
    expect(organisations.data.matchPartners.matches.length).toBeGreaterThan(0);
    expect(organisations.data.matchPartners.matches.every((m: any) => m.partner.__typename === 'Organisation')).toBe(true);
  });

  it('searches from a point', async () => {
    const res = await gql(MATCH, { input: { lat: 52.0762, lon: 5.0891, languages: ['Tigrinya'], radiusKm: 10 } });
    expect(res.errors).toBeUndefined();
    expect(res.data.matchPartners.place.neighbourhoodCode).toBe('BU03440832');
  });
});

describe('matchPartners refuses bad input, naming the field', () => {
  const errorOf = async (input: Record<string, unknown>) => {
    const res = await gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: ['som'], ...input } });
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0].extensions?.stacktrace).toBeUndefined();
    return res.errors![0];
  };

  it('an unknown language, with the closest suggestion', async () => {
    const error = await errorOf({ languages: ['Somalish'] });
    expect(error.extensions).toMatchObject({ code: 'UNKNOWN_LANGUAGE', field: 'languages.0' });
    expect(error.message).toContain('Somalisch (som)');
    expect(error.extensions?.suggestions).toContainEqual({ code: 'som', nameNl: 'Somalisch', nameEn: 'Somali' });
  });

  it('no language at all', async () => {
    expect((await errorOf({ languages: [] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'languages' });
  });

  it('a radius or limit out of range', async () => {
    const radius = await errorOf({ radiusKm: 51 });
    expect(radius.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusKm' });
    expect(radius.message).toContain('50');
    expect((await errorOf({ radiusKm: 0 })).extensions).toMatchObject({ field: 'radiusKm' });
    expect((await errorOf({ limit: 101 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect((await errorOf({ limit: 0 })).extensions).toMatchObject({ field: 'limit' });
  });

  it('coordinates outside the Netherlands', async () => {
    const paris = await errorOf({ neighbourhoodCode: null, lat: 48.85, lon: 2.35 });
    expect(paris.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lat' });
    expect(paris.message).toContain('Nederland');
    expect((await errorOf({ neighbourhoodCode: null, lat: 52.1, lon: 8.5 })).extensions).toMatchObject({ field: 'lon' });
  });

  it('an unknown or malformed neighbourhood, or no place at all', async () => {
    expect((await errorOf({ neighbourhoodCode: 'BU03449999' })).extensions).toMatchObject({ code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCode' });
    expect((await errorOf({ neighbourhoodCode: 'Kanaleneiland' })).extensions).toMatchObject({ code: 'INVALID_CBS_CODE', field: 'neighbourhoodCode' });
    expect((await errorOf({ neighbourhoodCode: null })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'neighbourhoodCode' });
  });
});

describe('matchPartners without signing in', () => {
  it('is refused with UNAUTHENTICATED: the answer names key persons', async () => {
    const res = await server.gql(MATCH, { input: { neighbourhoodCode: 'BU03440832', languages: ['som'] } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data?.matchPartners ?? null).toBeNull();
  });
});
