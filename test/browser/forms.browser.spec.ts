import type { Page } from 'playwright-core';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The registry forms as a busy professional uses them (issue 13.6, 13.1, 13.3), in Chromium set to an American
 * locale (en-US), whose own date format would be mm/dd/yyyy: Dutch dates, defaults, a confirmation with the next
 * step after each save, the buurt picker with the keyboard, a fixed contact person by keyboard only, a venue placed
 * by a click on the map, and "near" in the browse search. axe on every new state.
 */

const NAME = 'Fatima Formulier';
let app: BrowserApp;
let page: Page;

/** A GraphQL request with the browser's session cookie: to check what was (not) saved. */
async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return response.json();
    },
    { query, variables },
  );
}

/** Presses Tab until the focused element has this text (or gives up): reaching a control by keyboard only. */
async function tabTo(text: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (globalThis as any).document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`"${text}" not reached with Tab`);
}

const focusedId = () => page.evaluate(() => (globalThis as any).document.activeElement?.id ?? '');

describe('registry forms in Chromium (en-US browser, Dutch app)', () => {
  beforeAll(async () => {
    app = await startBrowserApp('forms', { locale: 'en-US', timezoneId: 'America/New_York' });
    page = app.page;
  }, 90_000);
  afterAll(() => app?.close());

  it('signs in as the coordinator of Buurtteam Zuidwest', async () => {
    await page.goto(`${app.baseUrl}/`);
    await signInThroughForm(page, DEMO_USERS.coordinator);
  });

  it('fills in the defaults: recorded by the signed-in user, their own team, today as the consent date in Dutch', async () => {
    await page.goto(`${app.baseUrl}/registreren/persoon`);
    await page.getByRole('heading', { level: 1, name: 'Persoon registreren' }).waitFor();
    await expect.poll(() => page.getByLabel('Vastgelegd door').inputValue()).toBe(DEMO_USERS.coordinator.email);
    await expect
      .poll(() => page.getByLabel(/^Team/).evaluate((select: any) => select.selectedOptions[0]?.textContent as string | undefined))
      .toBe('Buurtteam Zuidwest');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('-');
    expect(await page.getByLabel('Datum toestemming').inputValue()).toBe(today);
    expect(await page.getByLabel('Datum toestemming').getAttribute('type')).toBe('text');
    await expectNoAxeViolations(page, 'person form with defaults');
  });

  it('refuses a date that does not exist at its field and saves nothing; the buurt picker keeps focus and takes a chosen buurt along', async () => {
    await page.getByLabel('Naam', { exact: true }).fill(NAME);
    await page.getByRole('checkbox', { name: /Contactpersoon/ }).check();
    await page.getByLabel('Taal 1', { exact: true }).fill('Arabisch');
    await page.getByLabel(/^Telefoonnummer/).fill('06 12345678');
    await page.getByLabel('Hoe is toestemming gegeven?').selectOption({ label: 'Schriftelijk' });

    // The picker by keyboard: choose, Tab to the button, Enter: the buurt is added and focus is back on the list.
    const picker = page.getByLabel('Buurt', { exact: true });
    const pickerId = (await picker.getAttribute('id'))!;
    await picker.focus();
    await picker.selectOption({ label: 'Kanaleneiland-Noord (Zuidwest)' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Buurt toevoegen');
    await page.keyboard.press('Enter');
    const chosen = page.getByRole('list', { name: 'Buurten waar de persoon actief is' });
    await chosen.getByText('Kanaleneiland-Noord (Zuidwest)', { exact: true }).waitFor();
    await expect.poll(focusedId).toBe(pickerId);
    // Removing by keyboard keeps focus in the picker too (the list is empty again: back on the select).
    await chosen.getByRole('button', { name: 'Kanaleneiland-Noord (Zuidwest) verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe(pickerId);
    await picker.selectOption({ label: 'Kanaleneiland-Noord (Zuidwest)' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // A second buurt is only chosen, not added: it is saved all the same.
    await picker.selectOption({ label: 'Kanaleneiland-Zuid (Zuidwest)' });

    // 31 February: the message is at the field, and nothing is saved.
    await page.getByLabel('Datum toestemming').fill('31-02-2026');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByLabel('Datum toestemming').getAttribute('aria-invalid')).toBe('true');
    const dateError = page.locator('#person-form-consent-givenOn-error');
    expect(await dateError.textContent()).toContain('Vul een bestaande datum in als dag-maand-jaar');
    expect(await page.getByLabel('Datum toestemming').getAttribute('aria-describedby')).toContain('person-form-consent-givenOn-error');
    expect(new URL(page.url()).pathname).toBe('/registreren/persoon');
    const none = await gql(`query ($name: String) { persons(filter: { name: $name }) { totalCount } }`, { name: NAME });
    expect(none.data.persons.totalCount).toBe(0);
    await expectNoAxeViolations(page, 'person form with a date error');

    // 7-3-2026 is 7 March (not July 3rd, as the browser's own format would read it).
    await page.getByLabel('Datum toestemming').fill('7-3-2026');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(NAME) }).waitFor();
  });

  it('confirms the registration in a live region, shows what was entered, and offers the next steps', async () => {
    const status = page.getByRole('status').filter({ hasText: `${NAME} is geregistreerd.` });
    await status.waitFor();
    await status.getByRole('link', { name: 'Maak vaste contactpersoon' }).waitFor();
    await status.getByRole('link', { name: 'Leg een afspraak vast' }).waitFor();
    const details = page.locator('section[aria-labelledby="person-details"]');
    // The team by name (it said "Team: Team"), the phone just entered as a tel: link, the date the Dutch way.
    await details.getByRole('link', { name: 'Buurtteam Zuidwest' }).waitFor();
    expect(await details.getByRole('link', { name: '06 12345678' }).getAttribute('href')).toBe('tel:0612345678');
    expect(await details.textContent()).toContain('7 maart 2026');
    await details.getByRole('link', { name: 'Kanaleneiland-Noord' }).waitFor();
    await details.getByRole('link', { name: 'Kanaleneiland-Zuid' }).waitFor();
    const saved = await gql(`query ($name: String) { persons(filter: { name: $name }) { items { consentGivenOn consentRecordedBy } } }`, { name: NAME });
    expect(saved.data.persons.items[0]).toEqual({ consentGivenOn: '2026-03-07', consentRecordedBy: DEMO_USERS.coordinator.email });
    await expectNoAxeViolations(page, 'person page with confirmation');
  });

  it('makes them the fixed contact person by keyboard only, from the next step to the confirmation on the team page', async () => {
    await page.getByRole('heading', { level: 1, name: new RegExp(NAME) }).focus();
    await tabTo('Maak vaste contactpersoon');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vaste contactpersoon aanwijzen' }).waitFor();
    // Team and person come with the link.
    expect(new URL(page.url()).searchParams.get('persoon')).toBeTruthy();
    await expect
      .poll(() => page.getByLabel(/^Team/).evaluate((select: any) => select.selectedOptions[0]?.textContent as string | undefined), { timeout: 15_000 })
      .toBe('Buurtteam Zuidwest');
    await expect
      .poll(() => page.getByLabel('Persoon', { exact: true }).evaluate((select: any) => select.selectedOptions[0]?.textContent as string | undefined), {
        timeout: 15_000,
      })
      .toBe(NAME);
    await expectNoAxeViolations(page, 'fixed contact form from the next step');
    await tabTo('Contactpersoon aanwijzen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: `${NAME} is nu de vaste contactpersoon van Buurtteam Zuidwest.` });
    await status.waitFor();
    await status.getByRole('link', { name: 'Leg een afspraak vast' }).waitFor();
    await expect.poll(async () => (await page.locator('.team__current-contact').textContent()) ?? '').toBe(NAME);
    await expectNoAxeViolations(page, 'team page with confirmation');
  });

  it('places a venue by a click on the map and saves it as placed by hand; the confirmation offers the next steps', async () => {
    await page.goto(`${app.baseUrl}/registreren/organisatie`);
    await page.getByRole('heading', { level: 1, name: 'Organisatie registreren' }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Stichting Kaartklik');
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Migrantenorganisatie' });
    const map = page.getByRole('region', { name: 'Kaart om de locatie te plaatsen' });
    await map.scrollIntoViewIfNeeded();
    expect(await page.locator('.location-picker__state').textContent()).toBe('Nog niet geplaatst.');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await expect.poll(async () => (await page.locator('.location-picker__state').textContent()) ?? '').toMatch(/^Geplaatst op de kaart: 52\.\d+, 5\.\d+\.$/);
    await expectNoAxeViolations(page, 'organisation form with a placed venue');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Stichting Kaartklik is geregistreerd.' });
    await status.waitFor();
    await status.getByRole('link', { name: 'Maak vaste contactpersoon' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const saved = await gql(`query ($id: ID!) { organisation(id: $id) { lat lon locationSource } }`, { id });
    expect(saved.data.organisation.locationSource).toBe('MANUAL');
    expect(saved.data.organisation.lat).toBeGreaterThan(52);
    expect(saved.data.organisation.lon).toBeGreaterThan(4.9);
  });

  it('searches near a postcode in the browse search, and says so at the field when the postcode is unknown', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page
      .getByRole('tab', { name: 'Bladeren' })
      .or(page.getByRole('button', { name: 'Bladeren' }))
      .first()
      .click();
    await page.getByLabel(/^Bij postcode/).fill('0000');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => page.getByLabel(/^Bij postcode/).getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await page.locator('#search-postcode-error').textContent()).toContain('Postcode 0000 is onbekend');

    await page.getByLabel(/^Bij postcode/).fill('3526');
    await page.getByLabel('Afstand').selectOption('1');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => page.getByLabel(/^Bij postcode/).getAttribute('aria-invalid')).toBeNull();
    const near = await gql(
      `{ persons(filter: { near: { postcode: "3526", radiusKm: 1 } }) { totalCount } organisations(filter: { near: { postcode: "3526", radiusKm: 1 } }) { totalCount } }`,
    );
    const results = page.locator('.app__results');
    const summary = `${near.data.persons.totalCount} personen en ${near.data.organisations.totalCount} organisaties gevonden`;
    await expect.poll(async () => (await results.textContent()) ?? '').toContain(summary);
    await expectNoAxeViolations(page, 'browse search near a postcode');
  });
});
