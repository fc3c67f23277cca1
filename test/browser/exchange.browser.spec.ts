import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The CSV upload page (/importeren) in Chromium against the real built server: choose a file,
 * see the dry-run report as a table, fix the file, import, see the result. Server start as in
 * map.browser.spec.ts. The CSP forbids eval: page code runs as functions or plain expressions.
 * The page stands in the common page shell (header, main navigation): signed out it shows the sign-in
 * form; importing needs a coordinator or administrator, a member is told so. Anonymous imports and HSDS
 * reads are refused (401) unless ANONYMOUS_READ is on, which it is not here.
 */
const HEADER =
  'extern_id;naam;soort;omschrijving;website;telefoon;e-mail;adres;postcode;plaats;breedtegraad;lengtegraad;talen;gemeenschappen;buurten;laatst_gecontroleerd';
const GOOD_ROW =
  'BROWSER-1;Stichting Browsertest;migrantenorganisatie;Test vanuit de browser;;;;Hazelaarstraat 1;3527 VA;Utrecht;52.07;5.08;som;somali;BU03440832;2026-10-15';
const BAD_ROW = 'BROWSER-2;Vereniging Tweede Test;migrantenorganisatie;;;;;;;;;;Somalish;;BU03440832;';
const FIXED_ROW = BAD_ROW.replace('Somalish', 'Somalisch');

const csvFile = (rows: string[]) => ({
  name: 'organisaties.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\ufeff${[HEADER, ...rows].join('\n')}\n`, 'utf8'),
});

describe('import page (/importeren) in Chromium', () => {
  let app: BrowserApp | undefined;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp('exchange');
    ({ page, baseUrl } = app);
  });

  afterAll(() => app?.close());

  const mainNav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const importHeading = () => page.getByRole('heading', { level: 1, name: 'Importeren' });

  it('signed out, is reachable from the map and shows the header navigation and the sign-in form, not the import form', async () => {
    await page.goto(baseUrl + '/');
    await mainNav().getByRole('link', { name: 'Importeren' }).click();
    await page.waitForURL('**/importeren');
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    // The same shell as the other pages: header with the main navigation (this page marked), the language switch.
    expect(await mainNav().getByRole('link', { name: 'Importeren' }).getAttribute('aria-current')).toBe('page');
    expect(await mainNav().getByRole('link', { name: 'Kaart en zoeken' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Taal van de website' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    // The page is named by its h1 (WCAG 2.4.2/1.3.1), but there is no import form and no "U moet ingelogd zijn" link instead of it.
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Importeren']);
    expect(await page.getByLabel('CSV-bestand').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Controleren' }).count()).toBe(0);
    expect(await page.getByText('U moet ingelogd zijn').count()).toBe(0);
    await expectNoAxeViolations(page, 'import page, signed out');
  });

  it('anonymous requests are refused by the server as well, and write nothing', async () => {
    const content = `${HEADER}\n${GOOD_ROW}\n`;
    const answer = await page.evaluate(async (csv) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: ImportCsvInput!) { importCsv(input: $input) { applied } }',
          variables: { input: { kind: 'ORGANISATIONS', content: csv, dryRun: false } },
        }),
      });
      return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    }, content);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await fetch(`${baseUrl}/hsds/organizations?search=Browsertest`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('signing in on the import page opens the page there: templates, exports and HSDS, accessible', async () => {
    await signInThroughForm(page, DEMO_USERS.coordinator);
    await expect.poll(() => importHeading().count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/importeren');
    expect(await page.getByRole('heading', { name: 'Inloggen', level: 2 }).count()).toBe(0);
    for (const href of [
      '/sjablonen/organisaties.csv',
      '/sjablonen/personen.csv',
      '/sjablonen/LEESMIJ.md',
      '/export/organisaties.csv',
      '/export/personen.csv',
      '/hsds/organizations',
      '/hsds/services',
    ]) {
      expect(await page.locator(`a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
    const template = await fetch(baseUrl + '/sjablonen/organisaties.csv');
    expect(template.status).toBe(200);
    expect(await page.getByRole('button', { name: 'Controleren' }).isDisabled()).toBe(true);
    expect(await page.title()).toBe('Importeren – Sociale kaart');
    await expectNoAxeViolations(page, 'empty import page');
  });

  it('is keyboard usable: kind, file and check button in tab order', async () => {
    await page.getByLabel('Organisaties').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Personen (sleutelpersonen, tolken, contactpersonen)').isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.getByLabel('Organisaties').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('exchange-file');
  });

  /** HSDS organisations matching `search`, read with the browser's session cookie. */
  const hsdsCount = (search: string) =>
    page.evaluate(async (q) => {
      const res = await fetch(`/hsds/organizations?search=${encodeURIComponent(q)}`);
      return { status: res.status, total: ((await res.json()) as { total_items?: number }).total_items };
    }, search);

  it('signed in as coordinator: a bad row shows in the table, the fixed file imports', async () => {
    // The refused anonymous import above wrote nothing.
    expect(await hsdsCount('Browsertest')).toEqual({ status: 200, total: 0 });
    await page.getByLabel('Organisaties').check();

    await page.getByLabel('CSV-bestand').setInputFiles(csvFile([GOOD_ROW, BAD_ROW]));
    await page.getByRole('button', { name: 'Controleren' }).click();
    const table = page.locator('table.exchange__problems');
    await expect.poll(() => table.count(), { timeout: 30_000 }).toBe(1);
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toMatch(/^3\s+talen\s+.*Somalish.*Somalisch/s);
    expect(await page.getByRole('button', { name: 'Importeren' }).count()).toBe(0);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('exchange-report-heading');
    await expectNoAxeViolations(page, 'dry run with a problem');

    await page.getByLabel('CSV-bestand').setInputFiles(csvFile([GOOD_ROW, FIXED_ROW]));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(() => page.getByText('Geen problemen gevonden').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.exchange__report').innerText()).toMatch(/Nieuw \(zou worden toegevoegd\)\s*2/);
    // The page sends the file's bytes; the server says which encoding it read.
    expect(await page.locator('.exchange__report').innerText()).toMatch(/Gelezen als\s*UTF-8 met BOM/);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '3. Geïmporteerd' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.exchange__result').innerText()).toContain('2 nieuw, 0 gewijzigd, 0 ongewijzigd');
    expect(await hsdsCount('Browsertest')).toEqual({ status: 200, total: 1 });
    // Still refused to anyone without a session.
    expect((await fetch(`${baseUrl}/hsds/organizations?search=Browsertest`)).status).toBe(401);
    await expectNoAxeViolations(page, 'imported');
  });

  it('a member is told that only a coordinator or administrator may import; signing out brings the sign-in form back', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/importeren');
    expect(await page.locator('.exchange__result').count()).toBe(0);
    await signInThroughForm(page, DEMO_USERS.member);
    await expect.poll(() => importHeading().count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Alleen een coördinator of beheerder mag gegevens importeren.').count()).toBe(1);
    expect(await page.getByLabel('CSV-bestand').count()).toBe(0);
    expect(await page.locator('a[href="/export/organisaties.csv"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'import page, member');
  });
});
