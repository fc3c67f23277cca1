import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, UserRole } from '../../server/src/modules/auth/actor.js';
import { CsvKind } from '../../server/src/modules/exchange/csv/csv-columns.js';
import { CsvService } from '../../server/src/modules/exchange/csv/csv.service.js';
import { codeFromUri } from '../../server/src/modules/exchange/hsds/hsds-profile.js';
import { formatProblem } from '../../server/src/modules/exchange/import-report.js';
import { ReferenceData } from '../../server/src/modules/exchange/reference-data.js';
import { LanguageService } from '../../server/src/modules/language/language.service.js';
import { parseCbsGeoJson } from '../../server/src/modules/neighbourhood/import/cbs-geojson.js';
import { importNeighbourhoods } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Defect 1 of issue 12: CBS codes with letters (Amsterdam since 2022) on every route that takes a code.
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };
const square = (x: number, y: number, d = 0.005) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const amsterdam = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { statcode: 'BU0363AD03', statnaam: 'Staatsliedenbuurt-Noord', jrstatcode: '2024BU0363AD03' },
      geometry: square(4.87, 52.38),
    },
    { type: 'Feature', properties: { statcode: 'WK0363AD', statnaam: 'Staatsliedenbuurt', jrstatcode: '2024WK0363AD' }, geometry: square(4.86, 52.37, 0.03) },
  ],
});

let server: TestServer;
let member: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  member = await server.login('medewerker@example.org');
  await importNeighbourhoods(server.app.get(DataSource), parseCbsGeoJson(amsterdam), 'test');
});
afterAll(() => server?.close());

describe('CBS codes with letters on every route', () => {
  it('GraphQL: a buurtcode with letters is found (any case); a malformed one is refused naming the field', async () => {
    const res = await server.gql(`{ neighbourhood(code: "bu0363ad03") { code name municipalityName district { code name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.neighbourhood).toEqual({
      code: 'BU0363AD03',
      name: 'Staatsliedenbuurt-Noord',
      municipalityName: 'Amsterdam',
      district: { code: 'WK0363AD', name: 'Staatsliedenbuurt' },
    });
    const filtered = await server.gql(`{ persons(filter: { neighbourhoodCode: "BU0363AD03" }) { totalCount } }`, undefined, member);
    expect(filtered.errors).toBeUndefined();
    const bad = await server.gql(`{ persons(filter: { neighbourhoodCode: "BU0363AD0" }) { totalCount } }`, undefined, member);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'INVALID_CBS_CODE', field: 'filter.neighbourhoodCode' });
    expect(bad.errors![0].message).toContain('BU0363AD03');
  });

  it('CSV import: a partner active in BU0363AD03 is accepted; a malformed code is named in its row and column', async () => {
    const csv = server.app.get(CsvService);
    const header = 'extern_id;naam;rollen;tolk_formeel;talen;buurten;telefoon;e-mail;toestemming_datum;toestemming_wijze;toestemming_vastgelegd_door';
    const row = (code: string) => `A-1;Amina Test;sleutelpersoon;;som:moedertaal;${code};06-12345678;a@example.org;2026-03-01;schriftelijk;Ravi Jagesar`;
    const good = await csv.import(admin, CsvKind.PERSONS, `${header}\n${row('BU0363AD03')}`, true);
    expect(good.problems.map(formatProblem)).toEqual([]);
    const bad = await csv.import(admin, CsvKind.PERSONS, `${header}\n${row('BU0363AD0X')}`, true);
    expect(bad.problems.map(formatProblem).join('\n')).toMatch(/rij \d+, kolom buurten: .*BU0363AD0X/);
  });

  it('HSDS import: service areas and locations with letters resolve', async () => {
    expect(codeFromUri('urn:cbs:buurt:BU0363AD03')).toBe('BU0363AD03');
    expect(codeFromUri('urn:cbs:buurt:BU03440832')).toBe('BU03440832');
    expect(codeFromUri('urn:cbs:buurt:BU0363')).toBeUndefined();
    const ref = await ReferenceData.load(server.app.get(DataSource).manager, server.app.get(LanguageService));
    expect(ref.neighbourhood('BU0363AD03')).toEqual({ code: 'BU0363AD03' });
    expect(ref.neighbourhood('BU0363ZZ99').problem).toMatch(/bestaat niet/);
  });
});
