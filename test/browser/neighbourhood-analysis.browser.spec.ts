import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The neighbourhood analysis on the buurt page, in Chromium against the built server with the demo data
 * (issue 16): a coordinator of the team there records a community present, sees the server's Dutch
 * message by the field it names when the estimate is wrong, then revises the line; axe finds nothing.
 */
describe('recording the neighbourhood analysis on the buurt page', () => {
  let app: BrowserApp;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp('analysis');
    page = app.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);
  afterAll(() => app?.close());

  it('a coordinator records a community with an estimate, source and date, and revises it', async () => {
    await page.goto(`${app.baseUrl}/buurt/BU03440832`);
    await signInThroughForm(page, DEMO_USERS.coordinator);
    await page.goto(`${app.baseUrl}/buurt/BU03440832`);
    const section = page.getByRole('region', { name: 'Wie woont hier (buurtanalyse)' });
    await section.waitFor();
    const table = section.getByRole('table', { name: /Gemeenschappen en taalgroepen in / });
    // The demo data has an analysis for Kanaleneiland-Noord already.
    await table.waitFor();

    await section.getByRole('button', { name: 'Gemeenschap of taalgroep vastleggen' }).click();
    await section.getByLabel('Gemeenschap of taalgroep', { exact: true }).selectOption({ label: 'Eritrese gemeenschap' });
    await section.getByLabel('Geschat aantal bewoners', { exact: true }).fill('-5');
    await section.getByLabel('Bron', { exact: true }).selectOption({ label: 'Sleutelpersoon' });
    await section.getByLabel('Toelichting', { exact: true }).fill('Gehoord van de moskee');
    await section.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    // The server refuses, in Dutch, by the field: nothing recorded.
    const estimate = section.getByLabel('Geschat aantal bewoners', { exact: true });
    await expect.poll(() => estimate.getAttribute('aria-invalid')).toBe('true');
    expect(await section.locator('.analysis__error').textContent()).toMatch(/Geschat aantal bewoners|negatief/);
    await expectNoAxeViolations(page, 'buurt page, analysis form with an error');

    await estimate.fill('37');
    await section.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await section.getByRole('status').filter({ hasText: 'Eritrese gemeenschap is vastgelegd voor' }).waitFor();
    // The list shows the latest estimate of each group: the new line is there.
    const row = table.locator('tbody tr').filter({ hasText: 'Gehoord van de moskee' });
    await row.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(await row.textContent()).toMatch(/Eritrese gemeenschap.*37.*Sleutelpersoon/);
    await expectNoAxeViolations(page, 'buurt page, analysis recorded');

    await row.getByRole('button', { name: 'Eritrese gemeenschap wijzigen' }).click();
    await section.getByLabel('Geschat aantal bewoners', { exact: true }).fill('');
    await section.getByLabel('Of in woorden', { exact: true }).selectOption({ label: 'een grote groep' });
    await section.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await section.getByRole('status').filter({ hasText: 'De schatting voor Eritrese gemeenschap is bijgewerkt.' }).waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/een grote groep/);
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
