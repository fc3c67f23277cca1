import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNetwork } from '../support/demo-accounts.js';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, type DemoUser, signInThroughForm } from './support/sign-in.js';

/**
 * The Bereik page in Chromium against the built server with the demo data (issue 16): a policy officer
 * sees the choropleth, the gaps in words, the matrix as a table, drills down to a buurt (counts only,
 * small ones as "minder dan 5", no names) and prints it; a coordinator sees the partners behind a cell.
 */
const names = demoNetwork().persons.map((p) => p.name);

describe('Bereik page in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp('reach');
    ({ page, baseUrl } = app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);
  afterAll(() => app?.close());

  async function signInAt(path: string, user: DemoUser) {
    await page.goto(`${baseUrl}${path}`);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    await signOut
      .or(page.getByLabel('E-mailadres', { exact: true }))
      .first()
      .waitFor();
    if (await signOut.count()) await signOut.click();
    await signInThroughForm(page, user);
  }

  it('a policy officer: choropleth, gaps, matrix, filter by community, drill-down with counts only, print view', async () => {
    await signInAt('/bereik', DEMO_USERS.policyOfficer);
    await page.getByRole('heading', { name: 'Bereik en witte vlekken', level: 1 }).waitFor();
    // The menu offers a policy officer the map and Bereik only.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Bereik' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Persoon registreren' }).count()).toBe(0);

    const table = page.getByRole('table', { name: /Bereik per buurten/ });
    await table.waitFor();
    expect(await page.getByRole('region', { name: 'Kaart van de buurten, gekleurd naar bereik' }).count()).toBe(1);
    await expect.poll(() => page.locator('.reach-map path.leaflet-interactive').count(), { timeout: 15_000 }).toBeGreaterThan(10);
    const gaps = page.locator('.reach__gaps li');
    expect(await gaps.count()).toBeGreaterThan(0);
    // Colour is never the only cue: each cell says its status in words.
    expect(await table.getByRole('link', { name: /^(Rood|Oranje|Groen): .+ in .+/ }).count()).toBeGreaterThan(10);
    await expectNoAxeViolations(page, 'Bereik, all groups');
    // The trend chart (recharts, a chunk of its own) loads when its section comes into view; the table beside it has the figures.
    const trend = page.getByRole('region', { name: 'Bereik door de tijd' });
    await trend.scrollIntoViewIfNeeded();
    await expect.poll(() => trend.locator('.reach-trend svg.recharts-surface').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await trend.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);

    await page.getByLabel('Groep', { exact: true }).selectOption({ label: 'Eritrese gemeenschap' });
    await expect.poll(() => table.locator('thead th').count()).toBe(2);
    expect(await table.locator('thead th').nth(1).textContent()).toBe('Eritrese gemeenschap');
    // The demo story: Eritrean newcomers in Overvecht-Noord are a gap, said in words.
    await expect.poll(async () => (await page.locator('.reach__gaps').textContent()) ?? '').toMatch(/Eritrese gemeenschap in .+: .*geen afspraak/);

    const cell = table.getByRole('link', { name: /Eritrese gemeenschap in Poldergebied Overvecht|Eritrese gemeenschap in .*Overvecht/ }).first();
    await cell.click();
    await page.getByRole('heading', { level: 1, name: /^Eritrese gemeenschap in / }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('minder dan 5');
    expect(names.filter((name) => text.includes(name))).toEqual([]);
    await expectNoAxeViolations(page, 'Bereik, one cell as policy officer');

    await page.getByRole('link', { name: 'Terug naar het overzicht' }).click();
    await table.waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app__header').isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a coordinator sees the partners behind a cell and can take a snapshot; English texts', async () => {
    await signInAt('/bereik', DEMO_USERS.coordinator);
    await page.getByRole('heading', { name: 'Bereik en witte vlekken', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Momentopname maken' }).click();
    await page.getByText(/Momentopname van \d{4}-\d{2} opgeslagen/).waitFor();
    await page.getByRole('table', { name: 'Aantal buurt-groepcombinaties per kleur, per maand' }).waitFor();
    await page.goto(`${baseUrl}/bereik/buurt/BU03440832?groep=community:somali`);
    await page.getByRole('heading', { level: 1, name: /^Somalische gemeenschap in / }).waitFor();
    await expect.poll(() => page.locator('main a[href^="/persoon/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'Bereik, one cell as coordinator');
    await page
      .getByRole('button', { name: 'English' })
      .or(page.getByRole('link', { name: 'English' }))
      .first()
      .click();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { name: 'Reach and gaps', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Bereik en witte vlekken', level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a coordinator fills in a QuickScan round and sees it beside the directory and the earlier rounds', async () => {
    await signInAt('/quickscan', DEMO_USERS.coordinator);
    await page.getByRole('heading', { name: 'QuickScan van het team', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Competenties', level: 2 }).waitFor();
    expect(await page.getByLabel('Team', { exact: true }).inputValue()).not.toBe('');
    // Beside statement 2: what the directory shows for the team's buurten.
    expect(await page.locator('.quickscan__directory').count()).toBe(4);
    await expectNoAxeViolations(page, 'QuickScan form');
    await page.getByLabel('Score 2', { exact: true }).selectOption('3');
    await page.getByLabel('Toelichting 2', { exact: true }).fill('Tolken Somalisch goed te vinden');
    await page.getByLabel('Score 19', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Ronde opslaan' }).click();
    await page.getByText(/Ronde van .+ opgeslagen/).waitFor();
    await expect.poll(async () => (await page.locator('.quickscan__statement').nth(1).locator('.quickscan__earlier').textContent()) ?? '').toMatch(/: 3$/);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
