import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, type DemoUser, signInThroughForm } from './support/sign-in.js';

/**
 * The team form and the walk-in hour (activity) form in Chromium, against the built server with the demo data:
 * the coordinator of Buurtteam Zuidwest changes the neighbourhoods of their own team (and may not change
 * another team); the administrator registers a team and archives it; a walk-in hour is registered from an
 * organisation's page, shows there, is changed, ended and removed. Bad input comes back from the server at its
 * field, keeps what was typed and changes nothing. Every form is checked with axe.
 */

const KANALENEILAND_NOORD = 'BU03440832';

describe('team and walk-in hour forms in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp('team-forms');
    ({ page, baseUrl } = app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(() => app?.close());

  /** A GraphQL request with the page's session cookie, to check what the server holds. */
  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body: { data?: unknown; errors?: unknown[] } = await page.evaluate(
      async ({ query, variables }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data?: unknown; errors?: unknown[] };
      },
      { query, variables },
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  }

  async function signInAs(user: DemoUser) {
    await page.goto(`${baseUrl}/`);
    const signOut = page.getByRole('button', { name: 'Uitloggen' });
    await signOut
      .or(page.getByLabel('E-mailadres', { exact: true }))
      .first()
      .waitFor();
    if (await signOut.count()) {
      await signOut.click();
    }
    await signInThroughForm(page, user);
  }

  const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const statusText = async () => ((await page.locator('.status-message').textContent()) ?? '').trim();
  const teamByName = async (name: string) => {
    const { teams } = await gql<{ teams: { id: string; name: string; neighbourhoods: { code: string; name: string }[] }[] }>(
      '{ teams { id name neighbourhoods { code name } } }',
    );
    return teams.find((team) => team.name === name)!;
  };

  it('a coordinator changes the neighbourhoods of their own team; a wrong phone number comes back from the server at its field', async () => {
    await signInAs(DEMO_USERS.coordinator);
    // Registering walk-in hours is in the menu for a coordinator (under "Registreren"); registering teams is not.
    await nav().getByRole('button', { name: 'Registreren', exact: true }).click();
    expect(await nav().getByRole('link', { name: 'Spreekuur registreren', exact: true }).count()).toBe(1);
    expect(await nav().getByRole('link', { name: 'Team registreren', exact: true }).count()).toBe(0);

    const before = await teamByName('Buurtteam Zuidwest');
    await page.goto(`${baseUrl}/buurt/${KANALENEILAND_NOORD}`);
    await page.locator('section[aria-labelledby="nb-teams"]').getByRole('link', { name: 'Buurtteam Zuidwest' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    await page.getByRole('link', { name: 'Buurtteam Zuidwest bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team bewerken: Buurtteam Zuidwest' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/team/${before.id}/bewerken`);
    await page.getByText('Gemeente: Utrecht').waitFor();
    const chosen = page.getByRole('list', { name: 'Buurten die het team bedient' });
    await expect.poll(() => chosen.getByRole('listitem').count()).toBe(before.neighbourhoods.length);
    await expectNoAxeViolations(page, 'team form, editing');

    // Add a neighbourhood the team does not cover yet and take one off, all by keyboard.
    const removed = before.neighbourhoods.find((n) => n.code === 'BU03440811')!; // Dichterswijk
    await chosen.getByRole('button', { name: 'Dichterswijk (Zuidwest) verwijderen', exact: true }).press('Enter');
    const picker = page.getByLabel('Buurt', { exact: true });
    await picker.selectOption({ label: 'Lunetten-Noord (Zuid)' });
    await page.getByRole('button', { name: 'Buurt toevoegen' }).press('Enter');
    await chosen.getByText('Lunetten-Noord (Zuid)', { exact: true }).waitFor();

    // A phone number the browser cannot tell is wrong, but the server can: its message at the field, nothing saved.
    await page.getByLabel(/^Telefoonnummer \(van het team\)/).fill('0000000000');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const phone = page.getByLabel(/^Telefoonnummer \(van het team\)/);
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#team-form-phone-error').textContent()).toContain('Vul een geldig telefoonnummer in');
    expect(await phone.getAttribute('aria-describedby')).toContain('team-form-phone-error');
    expect(await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).count()).toBe(1);
    // What was typed is still there, and the server kept the team as it was.
    expect(await phone.inputValue()).toBe('0000000000');
    await chosen.getByText('Lunetten-Noord (Zuid)', { exact: true }).waitFor();
    expect(await teamByName('Buurtteam Zuidwest')).toEqual(before);
    await expectNoAxeViolations(page, 'team form with a server error');

    await phone.fill('030 286 9500');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    await expect.poll(statusText).toBe('De wijzigingen in Buurtteam Zuidwest zijn opgeslagen.');
    const details = page.locator('section[aria-labelledby="team-details"]');
    await details.getByRole('link', { name: 'Lunetten-Noord' }).waitFor();
    expect(await details.getByRole('link', { name: removed.name, exact: true }).count()).toBe(0);
    const after = await teamByName('Buurtteam Zuidwest');
    expect(after.neighbourhoods.map((n) => n.code).sort()).toEqual(
      [...before.neighbourhoods.filter((n) => n.code !== removed.code).map((n) => n.code), 'BU03440711'].sort(),
    );
    await expectNoAxeViolations(page, 'team page after saving, with the status message');

    // The neighbourhood page of the new neighbourhood lists the team; the status message is gone there.
    await details.getByRole('link', { name: 'Lunetten-Noord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurt Lunetten-Noord' }).waitFor();
    await page.locator('section[aria-labelledby="nb-teams"]').getByRole('link', { name: 'Buurtteam Zuidwest' }).waitFor();
    expect(await statusText()).toBe('');
  });

  it('a coordinator may not change another team nor register one: the page says why', async () => {
    const other = await teamByName('Buurtteam Zuid');
    await page.goto(`${baseUrl}/team/${other.id}`);
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuid' }).waitFor();
    expect(await page.getByRole('link', { name: 'Buurtteam Zuid bewerken' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Archiveren' }).count()).toBe(0);
    await page.getByText('Alleen een coördinator van dit team of een beheerder kan dit team wijzigen.').waitFor();

    await page.goto(`${baseUrl}/team/${other.id}/bewerken`);
    await page.getByText('Alleen een coördinator van dit team of een beheerder kan dit team wijzigen.').waitFor();
    expect(await page.locator('form#team-form').count()).toBe(0);
    await page.goto(`${baseUrl}/registreren/team`);
    await page.getByRole('heading', { level: 1, name: 'Team registreren' }).waitFor();
    await page.getByText('Alleen een beheerder kan een team registreren of archiveren.').waitFor();
    expect(await page.locator('form#team-form').count()).toBe(0);
    await expectNoAxeViolations(page, 'team form refused for a coordinator');
  });

  it('a walk-in hour is registered from the organisation page, shows there, is changed, ended and removed', async () => {
    const name = 'Inloopspreekuur formulieren';
    await page.goto(`${baseUrl}/buurt/${KANALENEILAND_NOORD}`);
    await page.locator('section[aria-labelledby="nb-partners"]').getByRole('link', { name: 'Stichting Hiil Wadaag' }).click();
    await page.getByRole('heading', { level: 1, name: /Stichting Hiil Wadaag/ }).waitFor();
    const organisationPath = new URL(page.url()).pathname;
    const organisationId = organisationPath.split('/')[2]!;
    const activities = page.locator('section[aria-labelledby="organisation-activities"]');
    const countBefore = (
      await gql<{ organisation: { activities: unknown[] } }>('query($id: ID!) { organisation(id: $id) { activities(currentOnly: false) { id } } }', {
        id: organisationId,
      })
    ).organisation.activities.length;

    await activities.getByRole('link', { name: 'Spreekuur toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spreekuur registreren' }).waitFor();
    // The organisation comes from the page it was opened from, and its name is the likely venue.
    await expect.poll(() => page.getByLabel(/^Organisatie/).inputValue()).toBe(organisationId);
    await expect.poll(() => page.getByLabel(/^Locatie/).inputValue()).toBe('Stichting Hiil Wadaag');
    await expectNoAxeViolations(page, 'walk-in hour form');

    // Sent empty: the browser's own checks, nothing sent.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer het formulier' });
    await summary.waitFor();
    await expect.poll(async () => (await summary.textContent()) ?? '').toContain('Vul naam van het spreekuur in.');
    await expectNoAxeViolations(page, 'walk-in hour form with errors');

    // An end before the start is the server's rule: its message at the end time, what was typed stays.
    await page.getByLabel(/^Naam van het spreekuur/).fill(name);
    await page.getByLabel(/^Dag van de week/).selectOption({ label: 'dinsdag' });
    await page.getByLabel(/^Begintijd/).fill('11:00');
    await page.getByLabel(/^Eindtijd/).fill('10:00');
    await page.getByLabel(/^Adres/).fill('Hazelaarstraat 141');
    await page.getByLabel('Buurt', { exact: true }).selectOption({ label: 'Kanaleneiland-Noord (Zuidwest)' });
    await page.getByLabel('Taal', { exact: true }).selectOption({ label: 'Somalisch (som)' });
    await page.getByRole('button', { name: 'Taal toevoegen' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const endTime = page.getByLabel(/^Eindtijd/);
    await expect.poll(() => endTime.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#activity-form-endTime-error').textContent()).toBe('De eindtijd (10:00) moet na de begintijd (11:00) liggen');
    expect(await page.getByLabel(/^Naam van het spreekuur/).inputValue()).toBe(name);
    expect(await page.getByLabel(/^Begintijd/).inputValue()).toBe('11:00');
    expect(await page.getByLabel(/^Adres/).inputValue()).toBe('Hazelaarstraat 141');
    await page.getByRole('list', { name: 'Talen die er gesproken worden' }).getByText('Somalisch (som)', { exact: true }).waitFor();
    const countAfterError = (
      await gql<{ organisation: { activities: unknown[] } }>('query($id: ID!) { organisation(id: $id) { activities(currentOnly: false) { id } } }', {
        id: organisationId,
      })
    ).organisation.activities.length;
    expect(countAfterError).toBe(countBefore);
    await expectNoAxeViolations(page, 'walk-in hour form with a server error');

    await endTime.fill('12:30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: /Stichting Hiil Wadaag/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(organisationPath);
    await expect.poll(statusText).toBe(`Het spreekuur ${name} is geregistreerd.`);
    const item = activities.getByRole('listitem').filter({ hasText: name });
    await item.waitFor();
    expect(await item.textContent()).toContain('dinsdag 11:00–12:30');
    expect(await item.textContent()).toContain('in Kanaleneiland-Noord');
    expect(await item.textContent()).toContain('Somalisch');
    await expectNoAxeViolations(page, 'organisation page with the new walk-in hour');

    // Change it: a later start.
    await item.getByRole('link', { name: `Bewerken of beëindigen: ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Spreekuur bewerken: ${name}` }).waitFor();
    await expect.poll(() => page.getByLabel(/^Begintijd/).inputValue()).toBe('11:00');
    await expectNoAxeViolations(page, 'walk-in hour form, editing');
    await page.getByLabel(/^Begintijd/).fill('11:30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(statusText).toBe(`De wijzigingen in het spreekuur ${name} zijn opgeslagen.`);
    expect(new URL(page.url()).pathname).toBe(organisationPath);
    await expect.poll(async () => (await activities.getByRole('listitem').filter({ hasText: name }).textContent()) ?? '').toContain('dinsdag 11:30–12:30');

    // End it: today is the last time.
    await activities.getByRole('link', { name: `Bewerken of beëindigen: ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Spreekuur bewerken: ${name}` }).waitFor();
    await page.getByRole('button', { name: 'Spreekuur beëindigen' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('end-activity-form-validUntil');
    await expectNoAxeViolations(page, 'end walk-in hour form');
    await page.getByRole('button', { name: 'Ja, spreekuur beëindigen' }).click();
    await expect.poll(statusText).toMatch(new RegExp(`^Het spreekuur ${name} is beëindigd per \\d+ \\w+ \\d{4}\\.$`));
    await expect.poll(async () => (await activities.getByRole('listitem').filter({ hasText: name }).textContent()) ?? '').toMatch(/ tot \d+ \w+ \d{4}/);

    // Remove it, after a confirmation: it leaves the page.
    await activities.getByRole('link', { name: `Bewerken of beëindigen: ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Spreekuur bewerken: ${name}` }).waitFor();
    await page.getByRole('button', { name: 'Spreekuur verwijderen' }).click();
    await page.getByText(`Weet u zeker dat u het spreekuur ${name} wilt verwijderen?`).waitFor();
    await expectNoAxeViolations(page, 'remove walk-in hour confirmation');
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(statusText).toBe(`Het spreekuur ${name} is verwijderd.`);
    await page.getByRole('heading', { level: 1, name: /Stichting Hiil Wadaag/ }).waitFor();
    expect(await activities.getByRole('listitem').filter({ hasText: name }).count()).toBe(0);
  });

  it('the team page lists the walk-in hours under its agreements, and one is added for the team from there', async () => {
    const team = await teamByName('Buurtteam Zuidwest');
    await page.goto(`${baseUrl}/team/${team.id}`);
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    const section = page.locator('section[aria-labelledby="team-activities"]');
    await section.getByRole('listitem').filter({ hasText: 'Spreekuur Buurtteam Zuidwest' }).waitFor();
    await section.getByRole('link', { name: 'Spreekuur toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spreekuur registreren' }).waitFor();
    await page.getByText('Een spreekuur van Buurtteam Zuidwest hoort bij een van de samenwerkingsafspraken van het team.').waitFor();
    // Only the team's running agreements are offered.
    const agreement = page.getByLabel(/^Samenwerkingsafspraak/);
    await expect.poll(async () => (await agreement.locator('option').allTextContents()).length).toBeGreaterThan(1);
    const offered = (await agreement.locator('option').allTextContents()).slice(1);
    expect(offered.every((label) => label.includes('Buurtteam Zuidwest'))).toBe(true);
    expect(offered.some((label) => label.startsWith('Wekelijks spreekuur bij Buurthuis De Kanaalhoek'))).toBe(false); // ended

    await page.getByLabel(/^Naam van het spreekuur/).fill('Voorlichting opvoeden');
    await agreement.selectOption({ label: offered.find((label) => label.startsWith('Voorlichtingsbijeenkomsten met Al Amal Ouders'))! });
    // The agreement fills in its organisation.
    await expect
      .poll(() =>
        page
          .getByLabel(/^Organisatie/)
          .locator('option:checked')
          .textContent(),
      )
      .toBe('Stichting Al Amal Ouders');
    await page.getByLabel(/^Dag van de week/).selectOption({ label: 'woensdag' });
    await page.getByLabel(/^Begintijd/).fill('09:30');
    await page.getByLabel(/^Eindtijd/).fill('11:00');
    await page.getByLabel(/^Locatie/).fill('Buurthuis De Boog');
    await page.getByLabel('Buurt', { exact: true }).selectOption({ label: 'Kanaleneiland-Zuid (Zuidwest)' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor();
    await expect.poll(statusText).toBe('Het spreekuur Voorlichting opvoeden is geregistreerd.');
    await section.getByRole('listitem').filter({ hasText: 'Voorlichting opvoeden' }).waitFor();

    // The neighbourhood page of its venue lists it too, with the way to change it, coming back there.
    await page.goto(`${baseUrl}/buurt/BU03440831`);
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Zuid' }).waitFor();
    const inNeighbourhood = page.locator('section[aria-labelledby="nb-activities"]');
    await inNeighbourhood.getByRole('link', { name: 'Bewerken of beëindigen: Voorlichting opvoeden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spreekuur bewerken: Voorlichting opvoeden' }).waitFor();
    await page.getByLabel(/^Eindtijd/).fill('11:30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Zuid' }).waitFor();
    await expect.poll(statusText).toBe('De wijzigingen in het spreekuur Voorlichting opvoeden zijn opgeslagen.');
    await expect
      .poll(async () => (await inNeighbourhood.getByRole('listitem').filter({ hasText: 'Voorlichting opvoeden' }).textContent()) ?? '')
      .toContain('woensdag 09:30–11:30');
    await expectNoAxeViolations(page, 'neighbourhood page after changing a walk-in hour');
    expect(pageErrors).toEqual([]);
  });

  it('in English, the walk-in hour form and its messages read in English', async () => {
    await page.goto(`${baseUrl}/registreren/spreekuur`);
    await page.getByRole('heading', { level: 1, name: 'Spreekuur registreren' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register walk-in hour' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#activity-form-agreementId-error').textContent()).toBe('Choose an organisation or a partnership agreement.');
    expect(await page.getByLabel(/^Name of the walk-in hour/).getAttribute('aria-invalid')).toBe('true');
    const mainMenu = page.getByRole('navigation', { name: 'Main menu' });
    await mainMenu.getByRole('button', { name: 'Register', exact: true }).click();
    expect(await mainMenu.getByRole('link', { name: 'Register walk-in hour', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, 'walk-in hour form in English, with errors');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spreekuur registreren' }).waitFor();
  });

  it('an administrator registers a team from the menu, and archives it after a confirmation', async () => {
    const name = 'Buurtteam Testwijk';
    await signInAs(DEMO_USERS.administrator);
    await nav().getByRole('button', { name: 'Registreren', exact: true }).click();
    await nav().getByRole('link', { name: 'Team registreren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Team registreren' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/registreren/team');
    await page.getByText('Gemeente: Utrecht').waitFor();
    await expectNoAxeViolations(page, 'team form, new');

    // Without a name nothing is sent; the message is at the field.
    await page.getByLabel(/^Soort team/).selectOption({ label: 'Buurtteam' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByLabel(/^Naam van het team/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#team-form-name-error').textContent()).toBe('Vul naam van het team in.');
    await expectNoAxeViolations(page, 'team form, new, with errors');

    await page.getByLabel(/^Naam van het team/).fill(name);
    for (const label of ['Lunetten-Noord (Zuid)', 'Lunetten-Zuid (Zuid)']) {
      await page.getByLabel('Buurt', { exact: true }).selectOption({ label });
      await page.getByRole('button', { name: 'Buurt toevoegen' }).click();
    }
    await page.getByLabel(/^E-mailadres \(van het team\)/).fill('Testwijk@Example.org');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(statusText).toBe(`Team ${name} is geregistreerd.`);
    expect(new URL(page.url()).pathname).toMatch(/^\/team\/[0-9a-f-]{36}$/);
    const details = page.locator('section[aria-labelledby="team-details"]');
    expect(await details.textContent()).toContain('testwijk@example.org');
    await details.getByRole('link', { name: 'Lunetten-Zuid' }).waitFor();
    const created = await teamByName(name);
    expect(created.neighbourhoods.map((n) => n.name).sort()).toEqual(['Lunetten-Noord', 'Lunetten-Zuid']);
    await expectNoAxeViolations(page, 'new team page');

    await page.getByRole('button', { name: 'Archiveren' }).click();
    await page.getByText(`Weet u zeker dat u ${name} wilt archiveren?`).waitFor();
    await expectNoAxeViolations(page, 'archive team confirmation');
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByText('Dit record is gearchiveerd').waitFor();
    await expect.poll(statusText).toBe(`${name} is gearchiveerd.`);
    expect(await page.getByRole('link', { name: `${name} bewerken` }).count()).toBe(0);
    // Archived teams leave the list of teams.
    expect(await teamByName(name)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
