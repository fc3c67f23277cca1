import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataSource } from '../../server/src/database/data-source.js';
import { importCbsFiles } from '../../server/src/modules/neighbourhood/import/neighbourhood-importer.js';
import { type BrowserApp, startBrowserApp } from './support/harness.js';

const square = (x: number, y: number, d = 0.01) => ({
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

/**
 * A region installation (MUNICIPALITY_CODE=GM0344,GM0356): Utrecht's demo data plus two Nieuwegein
 * buurten imported as `npm run import:neighbourhoods` would (from the national file's properties,
 * which carry no municipality name). The map shows both municipalities, named, not coded.
 */
describe('a region of two municipalities, in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    app = await startBrowserApp('region', { viewport: { width: 1280, height: 800 } }, { MUNICIPALITY_CODE: 'GM0344,GM0356' });
    ({ page } = app);
    // The server has seeded Utrecht by the time it answers; add Nieuwegein from another connection.
    await page.goto(`${app.baseUrl}/`);
    dir = mkdtempSync(join(tmpdir(), 'region-'));
    const file = join(dir, 'buurt.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { statcode: 'BU03560101', statnaam: 'Batau-Noord' }, geometry: square(5.085, 52.035) },
          { type: 'Feature', properties: { statcode: 'BU03560102', statnaam: 'Batau-Zuid' }, geometry: square(5.085, 52.025) },
        ],
      }),
    );
    // Nieuwegein's border from a gemeente file (national file format), as `npm run import:neighbourhoods` reads it.
    const gemeente = join(dir, 'gemeente.geojson');
    writeFileSync(
      gemeente,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { statcode: 'GM0356', statnaam: 'Nieuwegein' }, geometry: square(5.08, 52.02, 0.03) }],
      }),
    );
    const ds = await openDataSource(`sqlite:${app.databaseFile}`);
    try {
      await importCbsFiles(ds, [file, gemeente]);
    } finally {
      await ds.destroy();
    }
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the buurten of both municipalities and names the region', async () => {
    await page.goto(`${app.baseUrl}/`);
    await expect.poll(() => page.locator('.leaflet-overlay-pane svg path').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(113);
    await expect.poll(() => page.getByRole('region', { name: 'Kaart van Utrecht en Nieuwegein met buurten en partners' }).count()).toBe(1);
    expect(await page.locator('.app__subtitle').innerText()).toBe('Sleutelpersonen, tolken en organisaties per buurt in Utrecht en Nieuwegein');
    expect(await page.getByText('GM0356').count()).toBe(0);
  });

  it('draws the municipal border it has, not clickable, and the first view holds both municipalities', async () => {
    await page.goto(`${app.baseUrl}/`);
    await expect.poll(() => page.locator('path.municipal-border').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('path.municipal-border.leaflet-interactive').count()).toBe(0);
    // Both Utrecht's buurten and Nieuwegein's border lie within the map's view.
    const inView = await page.evaluate(`(() => {
      const map = document.querySelector('.social-map').getBoundingClientRect();
      const border = document.querySelector('path.municipal-border').getBoundingClientRect();
      return border.top >= map.top - 1 && border.bottom <= map.bottom + 1 && border.left >= map.left - 1 && border.right <= map.right + 1;
    })()`);
    expect(inView).toBe(true);
  });
});
