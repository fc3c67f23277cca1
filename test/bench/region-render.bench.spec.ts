import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { openDataSource } from '../../server/src/database/data-source.js';
import { importCbsFiles } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { type BrowserApp, startBrowserApp } from '../browser/support/harness.js';

/**
 * `npm run bench:region` (after `npm run build`): the first render of the map of a region of about 600
 * buurten in headless Chromium (issue 12). The built server with the demo data (Utrecht, 111 buurten)
 * serves MUNICIPALITY_CODE=GM0344,GM0356, and a Nieuwegein of BENCH_REGION_BUURTEN generated buurten
 * (a grid south of Utrecht, with its gemeente boundary) is imported as `npm run import:neighbourhoods` would.
 * Each run opens a fresh browser context (empty cache) and measures, from navigation: the first buurt
 * drawn, every buurt drawn, the municipal borders drawn. Prints figures; asserts nothing (not a CI step).
 */
const BUURTEN = Number(process.env.BENCH_REGION_BUURTEN ?? 490);
const RUNS = Number(process.env.BENCH_REGION_RUNS ?? 7);

function square(lon: number, lat: number, dLon: number, dLat: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `p50 ${at(0.5).toFixed(0).padStart(6)} ms   p95 ${at(0.95).toFixed(0).padStart(6)} ms   max ${sorted[sorted.length - 1].toFixed(0).padStart(6)} ms`;
}

it(`first map render of a region of about ${111 + BUURTEN} buurten`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'region-render-'));
  let app: BrowserApp | undefined;
  try {
    app = await startBrowserApp('region-render', { viewport: { width: 1280, height: 900 } }, { MUNICIPALITY_CODE: 'GM0344,GM0356' });
    await app.page.goto(`${app.baseUrl}/`); // the server has seeded Utrecht once it answers
    const columns = Math.ceil(Math.sqrt(BUURTEN * 1.3));
    const [west, south, dLon, dLat] = [4.98, 51.96, 0.006, 0.004];
    const features: unknown[] = [];
    for (let i = 0; i < BUURTEN; i++) {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const wijk = String(Math.floor(i / 20) + 1).padStart(2, '0');
      const buurt = String((i % 20) + 1).padStart(2, '0');
      features.push({
        type: 'Feature',
        properties: { statcode: `BU0356${wijk}${buurt}`, statnaam: `Buurt ${wijk}-${buurt}` },
        geometry: square(west + col * dLon, south + row * dLat, dLon, dLat),
      });
    }
    const rows = Math.ceil(BUURTEN / columns);
    const buurtFile = join(dir, 'buurt.geojson');
    const gemeenteFile = join(dir, 'gemeente.geojson');
    writeFileSync(buurtFile, JSON.stringify({ type: 'FeatureCollection', features }));
    writeFileSync(
      gemeenteFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { statcode: 'GM0356', statnaam: 'Nieuwegein' }, geometry: square(west, south, columns * dLon, rows * dLat) }],
      }),
    );
    const ds = await openDataSource(`sqlite:${app.databaseFile}`);
    try {
      await importCbsFiles(ds, [buurtFile, gemeenteFile]);
    } finally {
      await ds.destroy();
    }

    const firstPath: number[] = [];
    const allPaths: number[] = [];
    const borders: number[] = [];
    let drawn = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${app.baseUrl}/`);
      const paths = page.locator('.leaflet-overlay-pane path.leaflet-interactive');
      await paths.first().waitFor({ timeout: 60_000 });
      firstPath.push(performance.now() - started);
      await page.waitForFunction(`document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= ${111 + BUURTEN}`, undefined, {
        timeout: 60_000,
        polling: 20,
      });
      allPaths.push(performance.now() - started);
      await page.locator('path.municipal-border').first().waitFor({ timeout: 60_000 });
      borders.push(performance.now() - started);
      drawn = await paths.count();
      await context.close();
    }
    console.log(`\nEerste kaartweergave van een regio (Utrecht + Nieuwegein), ${drawn} buurten getekend, ${RUNS} keer met een lege cache, headless Chromium:`);
    console.log(`  eerste buurt getekend        ${percentiles(firstPath)}`);
    console.log(`  alle buurten getekend        ${percentiles(allPaths)}`);
    console.log(`  gemeentegrenzen getekend     ${percentiles(borders)}\n`);
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);
