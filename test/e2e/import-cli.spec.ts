import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { CsvKind } from '../../server/src/modules/exchange/csv/csv-columns.js';
import { templateCsv } from '../../server/src/modules/exchange/csv/csv-template.js';
import { parseArgs } from '../../server/src/modules/exchange/csv/cli.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The command-line importers as users run them: the built scripts, against a real database file.
const root = projectRoot();
let server: TestServer;
let dir: string;
beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  server = await startTestServer({ seed: true });
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
}, 120_000);
afterAll(() => server?.close());

const run = (script: string, args: string[]) => spawnSync('node', [join(root, 'dist', script), ...args], {
  cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `sqlite:${server.databaseFile}` },
});

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('npm run import:csv', () => {
  it('reads its arguments, and refuses wrong ones with the usage', () => {
    expect(parseArgs(['a.csv', '--kind', 'personen', '--dry-run'])).toEqual({ file: 'a.csv', kind: CsvKind.PERSONS, dryRun: true });
    expect(parseArgs(['a.csv', '--kind', 'organisaties'])).toEqual({ file: 'a.csv', kind: CsvKind.ORGANISATIONS, dryRun: false });
    expect(parseArgs(['a.csv'])).toContain('--kind');
    expect(parseArgs(['a.csv', '--kind', 'personen', '--force'])).toContain('Onbekende optie --force');
  });

  it('dry-runs, then imports the template, then finds nothing to change', () => {
    const file = join(dir, 'personen.csv');
    writeFileSync(file, templateCsv(CsvKind.PERSONS));
    const dry = run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Proefimport: 1 rijen; 1 nieuw, 0 gewijzigd, 0 ongewijzigd; 0 problemen');
    const real = run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen']);
    expect(real.stdout).toContain('Geïmporteerd: 1 rijen; 1 nieuw');
    const again = run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen']);
    expect(again.stdout).toContain('0 nieuw, 0 gewijzigd, 1 ongewijzigd');
  });

  it('prints each problem by row and column and exits with 1', () => {
    const file = join(dir, 'fout.csv');
    writeFileSync(file, 'naam;talen\nIemand;Somalish:moedertaal\n');
    const result = run('server/src/modules/exchange/csv/cli.js', [file, '--kind', 'personen', '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("rij 2, kolom talen: 'Somalish' is geen bekende taal; bedoelt u Somalisch?");
  });
});

describe.skipIf(!!process.env.TEST_POSTGRES_URL)('npm run import:neighbourhoods', () => {
  it('refuses a bad file naming the feature, and imports nothing', () => {
    const file = join(dir, 'fout.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { buurtcode: 'BU0344XX01', buurtnaam: 'X' }, geometry: null }] }));
    const result = run('server/src/modules/neighbourhood/import/cli.js', [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feature 1 (BU0344XX01): 'BU0344XX01' is geen geldige CBS-code");
  });

  it('imports a neighbourhood of another municipality and reports the counts', () => {
    const file = join(dir, 'amersfoort.geojson');
    const square = [[[5.38, 52.15], [5.39, 52.15], [5.39, 52.16], [5.38, 52.16], [5.38, 52.15]]];
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { buurtcode: 'BU03070101', buurtnaam: 'Proefbuurt', wijkcode: 'WK030701', gemeentecode: 'GM0307', gemeentenaam: 'Amersfoort' }, geometry: { type: 'Polygon', coordinates: square } },
    ] }));
    const usage = run('server/src/modules/neighbourhood/import/cli.js', [file, '--municipality', 'Amersfoort']);
    expect(usage.status).toBe(2);
    const result = run('server/src/modules/neighbourhood/import/cli.js', [file, '--municipality', 'GM0307']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('buurten 1 nieuw, 0 gewijzigd, 0 ongewijzigd');
  });
});
