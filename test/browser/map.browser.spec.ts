import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The map page in a real browser, against the real server built by `npm run build`, offline:
 * the tile URL points at a loopback port where nothing answers, so the map must work without tiles.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MIN_NEIGHBOURHOODS = 111;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/** Start `node dist/server/src/main.js` and resolve once it prints that it is running. */
function startServer(port: number, databaseFile: string): Promise<{ child: ChildProcess; startedInMs: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('draait op')) {
        clearTimeout(timer);
        ok({ child, startedInMs: Date.now() - started });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Server exited with code ${code}:\n${output}`));
    });
  });
}

async function expectNoAxeViolations(page: Page, state: string) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  console.log(
    `[browser] axe (${state}): ${result.violations.length} violations, ${result.passes.length} rules passed, ` +
      `${result.incomplete.length} to check by hand (${result.incomplete.map((r) => r.id).join(', ') || 'none'})`,
  );
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

describe('map page in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-browser-'));
    const port = await freePort();
    const started = await startServer(port, join(dir, 'test.sqlite'));
    server = started.child;
    console.log(`[browser] server ready in ${started.startedInMs} ms (fresh database, demo seed)`);
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    // AxeBuilder opens helper pages, which needs an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser] page error:', error.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((ok) => server!.once('exit', ok));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows all neighbourhood polygons without tiles, and reports the time to interactive', async () => {
    // Record, inside the page, the moment the polygons are in the DOM (ms since navigation start).
    // Runs in the page (as a string: the root tsconfig has no DOM types).
    await page.addInitScript(`
      (() => {
        const check = () => {
          if (window.__polygonsRenderedAt === undefined &&
              document.querySelectorAll('.leaflet-overlay-pane svg path').length >= ${MIN_NEIGHBOURHOODS}) {
            window.__polygonsRenderedAt = performance.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true });
      })();
    `);

    await page.goto(baseUrl + '/');
    await page.waitForFunction('window.__polygonsRenderedAt !== undefined', null, { timeout: 30_000 });
    const renderedAt = (await page.evaluate('window.__polygonsRenderedAt')) as number;
    const nav = (await page.evaluate(
      '(() => { const e = performance.getEntriesByType("navigation")[0]; return { domContentLoaded: e.domContentLoadedEventEnd }; })()',
    )) as { domContentLoaded: number };
    console.log(
      `[browser] time to interactive (navigation start → ${MIN_NEIGHBOURHOODS}+ polygons rendered): ${Math.round(renderedAt)} ms` +
        ` (DOMContentLoaded ${Math.round(nav.domContentLoaded)} ms)`,
    );

    const paths = await page.locator('.leaflet-overlay-pane svg path').count();
    expect(paths).toBeGreaterThanOrEqual(MIN_NEIGHBOURHOODS);
    await expect.poll(() => page.locator('.leaflet-overlay-pane svg path').first().isVisible()).toBe(true);

    // The map has an accessible name, and the boundary source is credited.
    await expect.poll(() => page.getByRole('region', { name: 'Kaart van Utrecht met buurten en partners' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Bron buurtgrenzen: CBS / Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0)').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
  });

  it('finds Somali-speaking partners, lists them and puts them on the map', async () => {
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    await page.getByRole('button', { name: 'Zoeken' }).click();

    const persons = page.locator('section[aria-labelledby="results-persons"] ul > li');
    await expect.poll(() => persons.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const firstCard = await persons.first().innerText();
    expect(firstCard).toMatch(/Somalisch \((moedertaal|vloeiend|basis)\)/);
    expect(firstCard).toMatch(/Sleutelpersoon|Tolk \((formeel|informeel)\)|Contactpersoon/);
    expect(firstCard).toMatch(/Laatst gecontroleerd: |Nog niet gecontroleerd/);

    // Results are highlighted on the map: single markers or clusters.
    await expect
      .poll(() => page.locator('.partner-marker--highlighted, .partner-cluster--highlighted').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'search results');
  });

  it('shows a server error about the language next to the field', async () => {
    await page.getByLabel('Taal', { exact: true }).fill('Somalish');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const alert = page.locator('#search-language-error[role="alert"]');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.innerText()).toContain('Somalisch (som)');
    expect(await page.getByLabel('Taal', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'language error');
  });

  it('opens the detail view of a person', async () => {
    await page.getByLabel('Taal', { exact: true }).fill('som');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const firstButton = page.locator('section[aria-labelledby="results-persons"] ul > li button').first();
    await expect.poll(() => firstButton.count(), { timeout: 15_000 }).toBe(1);
    const name = (await firstButton.locator('.result-card__name').innerText()).trim();
    await firstButton.click();

    const heading = page.locator('#partner-detail-heading');
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(1);
    expect((await heading.innerText()).trim()).toBe(name);
    const detail = await page.locator('.partner-detail').innerText();
    expect(detail).toContain('Toestemming');
    expect(detail).toContain('Laatst gecontroleerd');
    // Privacy: no personal phone or e-mail for persons.
    expect(await page.locator('.partner-detail a[href^="tel:"], .partner-detail a[href^="mailto:"]').count()).toBe(0);
    // Focus moved to the detail heading, and the selected partner stands out on the map.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('partner-detail-heading');
    await expect.poll(() => page.locator('.partner-marker--selected, .partner-cluster--selected').count(), { timeout: 10_000 }).toBe(1);

    await expectNoAxeViolations(page, 'detail view');
  });
});
