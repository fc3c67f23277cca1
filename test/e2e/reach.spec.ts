import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNetwork } from '../support/demo-accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 16 over HTTP: a policy officer reads every aggregate and no personal data (every answer is
 * scanned for the seeded persons' names, phones and e-mails); counts 1–4 reach them and anonymous
 * callers as "minder dan 5".
 */
const network = demoNetwork();
const personal = network.persons.flatMap((p) => [p.name, p.phone, p.email]).filter((v): v is string => !!v && v.length > 5);
const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return personal.filter((value) => text.includes(value));
};

const COUNT = 'value masked label';
const CELL = `areaCode groupKey status band observedOn missing estimate { ${COUNT} } keyPersons { ${COUNT} } formalInterpreters { ${COUNT} } informalInterpreters { ${COUNT} }
  organisations { ${COUNT} } activeAgreements { ${COUNT} } walkInHours { ${COUNT} } fixedContacts { ${COUNT} } stalePartners { ${COUNT} }`;
const MATRIX = `query($input: ReachMatrixInput) { reachMatrix(input: $input) { level municipalityCode computedOn settings { distanceKm walkInDistanceKm minPartners minAgreementsOrHours }
  areas { code name districtCode status } groups { key kind communityCode languageCodes nameNl nameEn } cells { ${CELL} } gaps { areaCode groupKey status text } } }`;

/** Every AggregateCount in an answer. */
function counts(value: unknown, out: { value: number | null; masked: boolean; label: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v) => counts(v, out));
  else if (value && typeof value === 'object') {
    if ('masked' in value && 'label' in value && 'value' in value) out.push(value as never);
    else Object.values(value).forEach((v) => counts(v, out));
  }
  return out;
}

let server: TestServer;
let officer: Record<string, string>;
let member: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
  officer = await server.login('beleid@example.org');
  member = await server.login('medewerker@example.org');
}, 120_000);
afterAll(() => server?.close());

describe('policy officer (beleidsmedewerker): aggregates only', () => {
  it('reads every aggregate: matrix by buurt and by wijk, one community, one language, groups, trend, coverage, a cell', async () => {
    const answers = [
      await server.gql(MATRIX, {}, officer),
      await server.gql(MATRIX, { input: { level: 'DISTRICT' } }, officer),
      await server.gql(MATRIX, { input: { communityCode: 'eritrean' } }, officer),
      await server.gql(MATRIX, { input: { language: 'Tigrinya' } }, officer),
      await server.gql(
        `{ reachGroups { key nameNl languageCodes } reachTrend { month red amber green cells } personCoverage { neighbourhoodCode languageCode keyPersons formalInterpreters informalInterpreters masked } }`,
        {},
        officer,
      ),
      await server.gql(
        `{ organisations { totalCount items { name phone email communities { code } } } teams { name } neighbourhoods { code name } communities { code } }`,
        {},
        officer,
      ),
      await server.gql(
        `query { reachCell(neighbourhoodCode: "BU03440333", groupKey: "community:eritrean") { areaName group { key } cell { ${CELL} } organisations { name } staleOrganisations { name } walkInHours { name } } }`,
        {},
        officer,
      ),
    ];
    for (const res of answers) {
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(leaks(res.data)).toEqual([]);
    }
    const matrix = answers[0].data.reachMatrix;
    expect(matrix.cells.length).toBeGreaterThan(10);
    expect(matrix.gaps.length).toBeGreaterThan(0);
    expect(new Set(matrix.cells.map((c: any) => c.status))).toEqual(new Set(['RED', 'AMBER', 'GREEN']));
    // Small counts: never a real 1–4, always "minder dan 5"; and masking did happen somewhere.
    const all = answers.flatMap((a) => counts(a.data));
    expect(all.filter((c) => c.value !== null && c.value >= 1 && c.value <= 4)).toEqual([]);
    expect(all.some((c) => c.masked && c.value === null && c.label === 'minder dan 5')).toBe(true);
    const coverage = answers[4].data.personCoverage;
    expect(
      coverage.flatMap((c: any) => [c.keyPersons, c.formalInterpreters, c.informalInterpreters]).filter((n: number | null) => n !== null && n >= 1 && n <= 4),
    ).toEqual([]);
  });

  it('gets no personal data at any level: persons, contact details, users, audit, review, nested persons, the analysis rows', async () => {
    const ids = await server.gql(`{ persons(page: { limit: 1 }) { items { id } } }`, {}, member);
    const personId = ids.data.persons.items[0].id;
    for (const query of [
      `{ persons { totalCount items { name } } }`,
      `{ person(id: "${personId}") { name } }`,
      `{ users { email } }`,
      `{ auditLog { totalCount } }`,
      `{ reviewQueue { totalCount } }`,
      `{ communityPresences { id estimate } }`,
      `{ neighbourhood(code: "BU03440832") { persons { name } } }`,
      `{ teams { name currentContact { person { name } } } }`,
      `{ reachCell(neighbourhoodCode: "BU03440333", groupKey: "community:eritrean") { persons { name } stalePersons { name } } }`,
      `{ exportPersonData(id: "${personId}") }`,
      `{ exportCsv(kind: PERSONS) }`,
    ]) {
      const res = await server.gql(query, {}, officer);
      expect(res.errors?.[0]?.extensions?.code ?? JSON.stringify(res.data), query).toMatch(/FORBIDDEN|UNAUTHENTICATED|GRAPHQL_VALIDATION_FAILED/);
      expect(leaks(res.data ?? {}), query).toEqual([]);
    }
    const csv = await fetch(`${server.url}/export/personen.csv`, { headers: officer });
    expect(csv.status).toBeGreaterThanOrEqual(400);
    expect(leaks(await csv.text())).toEqual([]);
  });

  it('a team member sees the real numbers and the partners behind a cell', async () => {
    const res = await server.gql(MATRIX, { input: { communityCode: 'somali' } }, member);
    expect(res.errors).toBeUndefined();
    expect(counts(res.data).some((c) => c.value !== null && c.value >= 1 && c.value <= 4)).toBe(true);
    const cell = await server.gql(
      `{ reachCell(neighbourhoodCode: "BU03440832", groupKey: "community:somali") { cell { status keyPersons { value } } persons { name } } }`,
      {},
      member,
    );
    expect(cell.errors).toBeUndefined();
    expect(cell.data.reachCell.persons.length).toBeGreaterThan(0);
  });

  it('anonymous callers get no matrix; their public counts are masked too', async () => {
    const res = await server.gql(MATRIX, {});
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const coverage = await server.gql(`{ personCoverage { keyPersons formalInterpreters informalInterpreters masked } }`);
    const values = coverage.data.personCoverage.flatMap((c: any) => [c.keyPersons, c.formalInterpreters, c.informalInterpreters]);
    expect(values.filter((n: number | null) => n !== null && n >= 1 && n <= 4)).toEqual([]);
    expect(coverage.data.personCoverage.some((c: any) => c.masked)).toBe(true);
  });

  it('the demo story: Eritrean newcomers in Overvecht-Noord show up as a gap', async () => {
    const res = await server.gql(MATRIX, { input: { communityCode: 'eritrean' } }, officer);
    const cells = res.data.reachMatrix.cells.filter((c: any) => ['BU03440333', 'BU03440343'].includes(c.areaCode));
    expect(cells.length).toBe(2);
    expect(cells.every((c: any) => c.status !== 'GREEN')).toBe(true);
    expect(res.data.reachMatrix.gaps.map((g: any) => g.text)).toContainEqual(expect.stringMatching(/^Eritrese gemeenschap in .+: .*geen afspraak/));
  });
});
