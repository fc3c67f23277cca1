import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';

/**
 * An installation for another municipality (MUNICIPALITY_CODE=GM0363, Amsterdam) whose neighbourhoods
 * have not been imported: the demo data (Utrecht's) is in the database, but the map and the forms
 * offer only Amsterdam's neighbourhoods, of which there are none. The app must say so and keep working.
 */
describe('an installation for a municipality without neighbourhoods, in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp('municipality', { viewport: { width: 1280, height: 800 } }, { MUNICIPALITY_CODE: 'GM0363' });
    ({ page, baseUrl } = app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(() => app?.close());

  it('shows an empty map that says why, naming the municipality (from the CBS list), never its code', async () => {
    await page.goto(`${baseUrl}/`);
    const notice = page.getByRole('status').filter({ hasText: 'Er zijn nog geen buurten van gemeente Amsterdam geladen' });
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
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Registreren', exact: true }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisatie registreren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Organisatie registreren/ }).waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).waitFor();
    expect(await page.getByLabel(/^Plaats/).inputValue()).toBe('');
    await expectNoAxeViolations(page, 'organisation form without neighbourhoods');
    expect(pageErrors).toEqual([]);
  });
});
