import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, freePort, ROOT, startServer } from './support/harness.js';

/**
 * The registry journeys of issue 3 in a real browser, against the real server built by `npm run build`:
 * sign in as the coordinator of Buurtteam Zuidwest, register a person and make them the team's fixed
 * contact person, find them on the neighbourhood page; create an agreement for a neighbourhood, end it,
 * and see it as ended there. Every form and page is checked with axe.
 */

const KANALENEILAND_NOORD = 'BU03440832';

describe('registry in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-registry-'));
    const port = await freePort();
    server = (await startServer(port, join(dir, 'test.sqlite'))).child;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
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

  /** A click on a link of the main navigation: the app changes page without a reload. */
  async function openFromMenu(name: string) {
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    // The registration forms sit under "Registreren" (a button that opens them).
    if (name.includes('registreren') || name === 'Vaste contactpersoon') await nav.getByRole('button', { name: 'Registreren', exact: true }).click();
    await nav.getByRole('link', { name, exact: true }).click();
  }

  /** Signs out whoever is signed in, then signs in through the form. */
  async function signInAs(email: string) {
    await page.goto(`${baseUrl}/`);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    // Wait until the app knows whether someone is signed in: either the sign-out button or the form shows.
    await signOut.or(page.getByLabel('E-mailadres')).first().waitFor();
    if (await signOut.count()) {
      await signOut.click();
      await page.getByLabel('E-mailadres').waitFor();
    }
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText(email).first().waitFor();
  }

  it('signs in as the coordinator through the sign-in form', async () => {
    await signInAs('coordinator@example.org');
  });

  it('registers a fixed contact person for Buurtteam Zuidwest and finds them on the neighbourhood page of Kanaleneiland-Noord', async () => {
    const name = 'Amina Testcontact';

    // A new person who works for the team; the form is reached through the main navigation.
    await page.goto(`${baseUrl}/`);
    await openFromMenu('Persoon registreren');
    await page.getByRole('heading', { level: 1, name: 'Persoon registreren' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/registreren/persoon');
    await expectNoAxeViolations(page, 'person form');

    // Sending it empty: nothing is sent, the summary and the messages at the fields say what to do.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer het formulier' });
    await summary.waitFor();
    await expect.poll(() => page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(async () => (await summary.textContent()) ?? '').toContain('Vul naam in.');
    await expectNoAxeViolations(page, 'person form with errors');

    // An unknown language comes back from the server, at the language field.
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByRole('checkbox', { name: /Contactpersoon/ }).check();
    await page.getByLabel('Taal 1', { exact: true }).fill('Klingonisch');
    await page.getByLabel(/^Team/).selectOption({ label: 'Buurtteam Zuidwest' });
    await page.getByLabel(/^Telefoonnummer/).fill('06 12345678');
    await page.getByLabel('Hoe is toestemming gegeven?').selectOption({ label: 'Schriftelijk' });
    await page.getByLabel('Vastgelegd door').fill('Coördinator Zuidwest');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByLabel('Taal 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const languageError = await page.locator('#person-form-languages-0-language-error').textContent();
    expect(languageError).toMatch(/Klingonisch/);
    expect(await page.getByLabel('Taal 1', { exact: true }).getAttribute('aria-describedby')).toContain('person-form-languages-0-language-error');

    await page.getByLabel('Taal 1', { exact: true }).fill('Somalisch');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/persoon\//);
    await expectNoAxeViolations(page, 'person page');

    // Make them the fixed contact person of the team, by keyboard only.
    await openFromMenu('Vaste contactpersoon');
    await page.getByRole('heading', { level: 1, name: 'Vaste contactpersoon aanwijzen' }).waitFor();
    await expectNoAxeViolations(page, 'fixed contact person form');
    await page.getByLabel(/^Team/).focus();
    await page.getByLabel(/^Team/).selectOption({ label: 'Buurtteam Zuidwest' });
    await page.getByLabel('Persoon', { exact: true }).selectOption({ label: name });
    await page.getByLabel(/^Notitie/).fill('Neemt het netwerk over');
    await page.getByLabel(/^Notitie/).focus();
    await page.keyboard.press('Tab');
    // The running agreements that named the previous contact follow the new one, unless unticked.
    await expect.poll(() => page.locator(':focus').getAttribute('name')).toBe('updateAgreements');
    expect(await page.getByLabel(/lopende afspraken/).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Contactpersoon aanwijzen');
    await page.keyboard.press('Enter');

    // The team page shows the new current contact and keeps the history.
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    await expect.poll(async () => (await page.locator('.team__current-contact').textContent()) ?? '').toBe(name);
    const historyRows = page.locator('table.record-table tbody tr');
    expect(await historyRows.count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'team page');

    // The neighbourhood page lists them among the fixed contact persons.
    await page.goto(`${baseUrl}/buurt/${KANALENEILAND_NOORD}`);
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Noord' }).waitFor();
    const contacts = page.locator('section[aria-labelledby="nb-contacts"]');
    await contacts.getByRole('link', { name }).waitFor();
    expect(await contacts.textContent()).toContain('Buurtteam Zuidwest');
    await expectNoAxeViolations(page, 'neighbourhood page');
  });

  it('creates an agreement for a neighbourhood, ends it, and the neighbourhood page shows it as ended', async () => {
    const title = 'Inloopspreekuur Testafspraak';
    await page.goto(`${baseUrl}/buurt/${KANALENEILAND_NOORD}`);
    await page.getByRole('link', { name: 'Afspraak registreren voor deze buurt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Afspraak registreren' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?buurt=${KANALENEILAND_NOORD}`);
    // The neighbourhood comes from the link.
    await page.getByRole('list', { name: 'Buurten' }).getByText('Kanaleneiland-Noord (Zuidwest)', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'agreement form');

    // An end date before the start date is caught at the field.
    await page.getByLabel('Titel').fill(title);
    // Not a walk-in hour: the demo data has a running one of these parties for this buurt, and a duplicate is refused.
    await page.getByLabel('Soort afspraak').selectOption({ label: 'Verwijsroute' });
    await page.getByLabel(/^Team/).selectOption({ label: 'Buurtteam Zuidwest' });
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Stichting Hiil Wadaag' });
    // An active agreement names a fixed contact on both sides and a review date.
    await page.getByLabel(/^Contactpersoon van het team/).selectOption({ index: 1 });
    await page.getByLabel(/^Contactpersoon van de partner/).selectOption({ index: 1 });
    await page.getByLabel(/^Evaluatiedatum/).fill('2026-07-01');
    await page.getByLabel('Waarderen').fill('Bedankje en zichtbaarheid op de website van het team');
    await page.getByLabel('Informeren').fill('Maandelijks overleg over signalen');
    await page.getByLabel('Faciliteren').fill('Ruimte en koffie');
    await page.getByLabel('Afstemmen').fill('Evaluatie per kwartaal');
    await page.getByLabel('Vrijwilligersvergoeding').fill('€ 25 per spreekuur');
    await page.getByLabel('Startdatum').fill('2026-01-10');
    await page.getByLabel(/^Einddatum/).fill('2025-12-31');
    await page.getByRole('radio', { name: 'actief' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByLabel(/^Einddatum/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#agreement-form-endsOn-error').textContent()).toContain('De einddatum ligt vóór de startdatum.');
    await expectNoAxeViolations(page, 'agreement form with errors');

    await page.getByLabel(/^Einddatum/).fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
    await expect.poll(async () => (await page.locator('.agreement__status').textContent()) ?? '').toBe('Status: actief');
    await expectNoAxeViolations(page, 'agreement page');

    await page.getByRole('button', { name: 'Afspraak beëindigen' }).click();
    await page.getByLabel('Reden van beëindigen').fill('Partner stopt met het spreekuur');
    await expectNoAxeViolations(page, 'end agreement form');
    await page.getByRole('button', { name: 'Ja, afspraak beëindigen' }).click();
    await expect.poll(async () => (await page.locator('.agreement__status').textContent()) ?? '').toBe('Status: beëindigd');

    await page.getByRole('link', { name: 'Kanaleneiland-Noord', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Noord' }).waitFor();
    const item = page.locator('section[aria-labelledby="nb-agreements"] li').filter({ has: page.getByRole('link', { name: title }) });
    await item.waitFor();
    expect(await item.textContent()).toContain('beëindigd');
    await expectNoAxeViolations(page, 'neighbourhood page with the ended agreement');
  });

  it('review queue: "Nog steeds juist" takes an entry off the list of stale ones', async () => {
    // The queue lists every stale record; an administrator may verify any of them (a coordinator only their teams').
    await signInAs('beheerder@example.org');
    await openFromMenu('Controle');
    await page.getByRole('heading', { level: 1, name: /Controle/ }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /records wachten op controle/ });
    await status.waitFor();
    const before = Number(/(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'review queue');
    const firstRow = page.locator('table.review__table tbody tr').first();
    await firstRow.getByRole('button', { name: /Nog steeds juist/ }).click();
    await firstRow.getByText(/Gemarkeerd als gecontroleerd/).waitFor();
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: `${before - 1} records wachten op controle` })
      .waitFor();
    await signInAs('coordinator@example.org');
  });

  it('review queue: "Alleen mijn teams" is on for a team member, shows only their teams\' entries, and toggles with the keyboard', async () => {
    // Signed in as the coordinator of Buurtteam Zuidwest (the test before ends so).
    await openFromMenu('Controle');
    await page.getByRole('heading', { level: 1, name: /Controle/ }).waitFor();
    const mine = page.getByRole('checkbox', { name: 'Alleen mijn teams' });
    await mine.waitFor();
    expect(await mine.isChecked()).toBe(true);
    const describedBy = await mine.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).innerText()).toBe('(records van Buurtteam Zuidwest)');
    const count = async (text: RegExp) => {
      const status = page.getByRole('status').filter({ hasText: text });
      await status.waitFor();
      return Number(/(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    };
    const own = await count(/records van uw teams wachten op controle/);
    expect(own).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'review queue, only my teams');

    await mine.focus();
    await page.keyboard.press('Space');
    const all = await count(/^\d+ records wachten op controle/);
    expect(await mine.isChecked()).toBe(false);
    expect(all).toBeGreaterThan(own);
    expect(await page.locator('table.review__table tbody tr').count()).toBe(Math.min(all, 50));
    await expectNoAxeViolations(page, 'review queue, all teams');

    await page.keyboard.press('Space');
    expect(await count(/records van uw teams wachten op controle/)).toBe(own);
    expect(await page.locator('table.review__table tbody tr').count()).toBe(Math.min(own, 50));
  });

  it('edits an organisation, marks it verified and archives it after confirmation', async () => {
    await page.goto(`${baseUrl}/buurt/${KANALENEILAND_NOORD}`);
    await page.locator('section[aria-labelledby="nb-partners"]').getByRole('link', { name: 'Buurthuis De Kanaalhoek' }).click();
    await page.getByRole('heading', { level: 1, name: /Buurthuis De Kanaalhoek/ }).waitFor();
    await page.getByRole('link', { name: 'Buurthuis De Kanaalhoek bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisatie bewerken: Buurthuis De Kanaalhoek' }).waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Buurthuis De Kanaalhoek');
    await expectNoAxeViolations(page, 'organisation edit form');

    await page.getByLabel(/^E-mailadres/).fill('geen-adres');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByLabel(/^E-mailadres/).getAttribute('aria-invalid')).toBe('true');
    // The summary links to the field.
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).getByRole('link').first().click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('organisation-form-email');

    await page.getByLabel(/^E-mailadres/).fill('');
    await page.getByLabel(/^Omschrijving/).fill('Buurthuis met een inloopochtend voor nieuwkomers');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: /Buurthuis De Kanaalhoek/ }).waitFor();
    await page.getByText('Buurthuis met een inloopochtend voor nieuwkomers').waitFor();

    await page.getByRole('button', { name: 'Nog steeds juist: Buurthuis De Kanaalhoek' }).click();
    await page.getByText(/Gemarkeerd als gecontroleerd/).waitFor();
    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByText(/Weet u zeker dat u Buurthuis De Kanaalhoek wilt archiveren/).waitFor();
    await expectNoAxeViolations(page, 'archive confirmation');
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByText(/Dit record is gearchiveerd/).waitFor();
    expect(await page.getByRole('link', { name: 'Buurthuis De Kanaalhoek bewerken' }).count()).toBe(0);
  });

  it('every page has a URL: back and forward work, unknown paths say so', async () => {
    await page.goto(`${baseUrl}/registreren/organisatie`);
    await page.getByRole('heading', { level: 1, name: 'Organisatie registreren' }).waitFor();
    await expectNoAxeViolations(page, 'organisation form');
    await openFromMenu('Afspraak registreren');
    await page.getByRole('heading', { level: 1, name: 'Afspraak registreren' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Organisatie registreren' }).waitFor();
    await page.goto(`${baseUrl}/bestaat/niet`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
