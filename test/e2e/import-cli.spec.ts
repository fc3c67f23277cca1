import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { CsvKind } from '../../server/src/modules/exchange/csv/csv-columns.js';
import { templateCsv } from '../../server/src/modules/exchange/csv/csv-template.js';
import { parseArgs } from '../../server/src/modules/exchange/csv/cli.js';
import { DEMO_USERS, loginAs } from '../support/auth.js';
import { buildServer } from '../support/built-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The command-line importers as users run them: the built scripts, against a real database file.
const root = projectRoot();
let server: TestServer;
let dir: string;
let build: ReturnType<typeof buildServer>;
beforeAll(async () => {
  build = buildServer('import-cli');
  server = await startTestServer({ seed: true });
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
}, 120_000);

/** Somali speakers near Kanaleneiland-Noord, asked of the running server while the CLI writes to its database. */
async function somaliNear(neighbourhoodCode: string, roles?: string[]): Promise<{ names: string[]; error?: string }> {
  const headers = await loginAs(server, DEMO_USERS.coordinator);
  const res = await server.gql<{ matchPartners: { matches: { partner: { name: string } }[] } }>(
    'query ($input: MatchInput!) { matchPartners(input: $input) { matches { partner { ... on Person { name } ... on Organisation { name } } } } }',
    { input: { neighbourhoodCode, languages: ['som'], radiusKm: 1, limit: 100, roles } },
    headers,
  );
  return { names: res.data?.matchPartners.matches.map((m) => m.partner.name) ?? [], error: res.errors?.[0]?.extensions?.code as string | undefined };
}
afterAll(async () => {
  await server?.close();
  build?.remove();
});

/** Runs a built CLI script in its own process. Asynchronous, so the server in this process keeps serving meanwhile. */
const run = (script: string, args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      'node',
      [join(build.outDir, script), ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `sqlite:${server.databaseFile}` } },
      (error, stdout, stderr) =>
        error && typeof error.code !== 'number' ? reject(error) : resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('npm run import:csv', () => {
  it('reads its arguments, and refuses wrong ones with the usage', () => {
    expect(parseArgs(['a.csv', '--kind', 'personen', '--dry-run'])).toEqual({ file: 'a.csv', kind: CsvKind.PERSONS, dryRun: true });
    expect(parseArgs(['a.csv', '--kind', 'organisaties'])).toEqual({ file: 'a.csv', kind: CsvKind.ORGANISATIONS, dryRun: false });
    expect(parseArgs(['a.csv'])).toContain('--kind');
    expect(parseArgs(['a.csv', '--kind', 'personen', '--force'])).toContain('Onbekende optie --force');
  });

  it('dry-runs, then imports the template, then finds nothing to change; the running server matches the new person', async () => {
    const file = join(dir, 'personen.csv');
    writeFileSync(file, templateCsv(CsvKind.PERSONS));
    expect((await somaliNear('BU03440832')).names).not.toContain('Hodan Abdi');
    const dry = await run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Proefimport: 1 rijen; 1 nieuw, 0 gewijzigd, 0 ongewijzigd; 0 problemen');
    const real = await run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen']);
    expect(real.stdout).toContain('Geïmporteerd: 1 rijen; 1 nieuw');
    // The import ran in another process: the server's index learns of it from the change feed before this search.
    expect((await somaliNear('BU03440832')).names).toContain('Hodan Abdi');
    const again = await run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen']);
    expect(again.stdout).toContain('0 nieuw, 0 gewijzigd, 1 ongewijzigd');
  });

  it('prints each problem by row and column and exits with 1', async () => {
    const file = join(dir, 'fout.csv');
    writeFileSync(file, 'naam;talen\nIemand;Somalish:moedertaal\n');
    const result = await run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen', '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("rij 2, kolom talen: 'Somalish' is geen bekende taal; bedoelt u Somalisch?");
  });
});

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('npm run import:neighbourhoods', () => {
  it('refuses a bad file naming the feature, and imports nothing', async () => {
    const file = join(dir, 'fout.geojson');
    // Letters are CBS's since 2022 (BU0344XX01 is well-formed); a code one character short is not.
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { buurtcode: 'BU0344XX0', buurtnaam: 'X' }, geometry: null },
          { type: 'Feature', properties: { buurtcode: 'BU0344XX01', buurtnaam: 'X' }, geometry: null },
        ],
      }),
    );
    const result = await run('server/src/modules/neighbourhood/import/cli.js', [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feature 1 (BU0344XX0): 'BU0344XX0' is geen geldige CBS-buurtcode");
    expect(result.stderr).toContain('feature 2 (BU0344XX01): geometrie moet een geldig Polygon of MultiPolygon zijn');
  });

  it('imports a neighbourhood of another municipality and reports the counts; the running server knows it', async () => {
    const file = join(dir, 'amersfoort.geojson');
    const square = [
      [
        [5.38, 52.15],
        [5.39, 52.15],
        [5.39, 52.16],
        [5.38, 52.16],
        [5.38, 52.15],
      ],
    ];
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { buurtcode: 'BU03070101', buurtnaam: 'Proefbuurt', wijkcode: 'WK030701', gemeentecode: 'GM0307', gemeentenaam: 'Amersfoort' },
            geometry: { type: 'Polygon', coordinates: square },
          },
        ],
      }),
    );
    const usage = await run('server/src/modules/neighbourhood/import/cli.js', [file, '--municipality', 'Amersfoort']);
    expect(usage.status).toBe(2);
    expect((await somaliNear('BU03070101')).error).toBe('UNKNOWN_NEIGHBOURHOOD');
    const result = await run('server/src/modules/neighbourhood/import/cli.js', [file, '--municipality', 'GM0307']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('GM0307 Amersfoort: buurten 1 nieuw, 0 gewijzigd, 0 ongewijzigd');
    // The running server can now search from the new neighbourhood (nobody speaks Somali in Amersfoort here).
    // No one who comes by works within 1 km of Amersfoort; telephone interpreters are found from anywhere (issue 15).
    expect(await somaliNear('BU03070101', ['KEY_PERSON'])).toEqual({ names: [], error: undefined });
  });
});
