import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, freePort, ROOT, startServer } from './support/harness.js';

/**
 * An installation for another municipality (MUNICIPALITY_CODE=GM0363, Amsterdam) whose neighbourhoods
 * have not been imported: the demo data (Utrecht's) is in the database, but the map and the forms
 * offer only Amsterdam's neighbourhoods, of which there are none. The app must say so and keep working.
 */
describe('an installation for a municipality without neighbourhoods, in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-municipality-'));
    const port = await freePort();
    server = (await startServer(port, join(dir, 'test.sqlite'), { MUNICIPALITY_CODE: 'GM0363' })).child;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
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

  it('shows an empty map that says why, with no name of a municipality it does not know', async () => {
    await page.goto(`${baseUrl}/`);
    const notice = page.getByRole('status').filter({ hasText: 'Er zijn nog geen buurten van gemeente GM0363 geladen' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await page.locator('.leaflet-overlay-pane svg path').count()).toBe(0);
    await expect.poll(() => page.getByRole('region', { name: 'Kaart met buurten en partners' }).count()).toBe(1);
    expect(await page.locator('.app__subtitle').innerText()).toBe('Sleutelpersonen, tolken en organisaties per buurt');
    // Utrecht's neighbourhoods are in the database, but not this installation's: none of them is drawn or offered.
    expect(await page.getByText('Utrecht').count()).toBe(0);
    await expectNoAxeViolations(page, 'map without neighbourhoods');
  });

  it('signed in, the registration form works without neighbourhoods to offer, and proposes no city', async () => {
    await page.getByLabel('E-mailadres', { exact: true }).fill('coordinator@example.org');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('coordinator@example.org').first().waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisatie registreren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Organisatie registreren/ }).waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).waitFor();
    expect(await page.getByLabel(/^Plaats/).inputValue()).toBe('');
    await expectNoAxeViolations(page, 'organisation form without neighbourhoods');
    expect(pageErrors).toEqual([]);
  });
});
