import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Gql,
  OTHER_TEAM,
  OWN_TEAM,
  PERMISSION_TABLE,
  personOfTeam,
  type Side,
  TABLE_ROLES,
  TABLE_USERS,
  type TableRole,
  teamFacts,
} from '../support/permission-table.js';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { type DemoUser, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 14 in Chromium: the person page offers exactly the actions of the permission table (test/support/permission-table.ts,
 * the same table the HTTP test drives), for every role and own/other team, and the server's `can` agrees; a member who may
 * not register reads why and whom to ask; the administrator's screens (users, audit log, a person's AVG page) work and pass axe.
 */
let app: BrowserApp;
let gql: Gql;
let admin: Record<string, string>;
let facts: Awaited<ReturnType<typeof teamFacts>>;

beforeAll(async () => {
  app = await startBrowserApp('permissions');
  gql = async (query, variables, headers) => {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };
  const login = await gql(
    'mutation($input: LoginInput!) { login(input: $input) { token } }',
    { input: { email: TABLE_USERS.administrator, password: 'demo' } },
    {},
  );
  admin = { authorization: `Bearer ${login.data.login.token}` };
  facts = await teamFacts(gql, admin);
});
afterAll(() => app?.close());

async function signedInPage(
  role: TableRole,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; headers: Record<string, string> }> {
  const context = await app.browser.newContext({ viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/`);
  await signInThroughForm(page, { email: TABLE_USERS[role], password: 'demo' } as DemoUser);
  const login = await gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email: TABLE_USERS[role], password: 'demo' } }, {});
  return { context, page, headers: { authorization: `Bearer ${login.data.login.token}` } };
}

/** What the person page offers, read from the page as a user sees it. */
async function offered(page: Page, name: string): Promise<Record<(typeof ACTIONS)[number], boolean>> {
  return {
    edit: (await page.getByRole('link', { name: `${name} bewerken`, exact: true }).count()) === 1,
    archive: (await page.getByRole('button', { name: 'Archiveren', exact: true }).count()) === 1,
    verify: (await page.getByRole('button', { name: `Nog steeds juist: ${name}`, exact: true }).count()) === 1,
  };
}

describe('the permission table in the browser: the person page offers exactly what the table (and the server) allow', () => {
  for (const role of TABLE_ROLES) {
    it(`${role}: own and other team`, async () => {
      const { context, page, headers } = await signedInPage(role);
      try {
        for (const side of ['own', 'other'] as Side[]) {
          const team = facts.id(side === 'own' ? OWN_TEAM[role] : OTHER_TEAM);
          const person = await personOfTeam(gql, admin, team);
          const expected = PERMISSION_TABLE[role][side];
          const server = (await gql('query($id: ID!) { person(id: $id) { can { edit archive verify } } }', { id: person.id }, headers)).data?.person?.can ?? {
            edit: false,
            archive: false,
            verify: false,
          };
          expect(server, `${role} ${side}: server`).toEqual(expected);
          await page.goto(`${app.baseUrl}/persoon/${person.id}`);
          if (role === 'policyOfficer') {
            await page.getByRole('alert').first().waitFor();
          } else {
            await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
          }
          expect(await offered(page, person.name), `${role} ${side}: page`).toEqual(expected);
          if (role === 'member' && side === 'own') {
            // Why there is no edit button, and whom to ask; then "Nog steeds juist" works.
            await expect
              .poll(() => page.getByText('U kunt dit record niet wijzigen: dat doet een coördinator van het team.', { exact: false }).count())
              .toBe(1);
            await expectNoAxeViolations(page, 'person page as member');
            await page.getByRole('button', { name: `Nog steeds juist: ${person.name}` }).click();
            await expect.poll(() => page.getByRole('status').filter({ hasText: 'gecontroleerd' }).count()).toBeGreaterThan(0);
          }
          if (role === 'coordinator' && side === 'own') {
            // The coordinator of the person's team sees who read the contact details.
            await expect.poll(() => page.getByRole('heading', { name: 'Wie las de contactgegevens' }).count()).toBe(1);
            await expectNoAxeViolations(page, 'person page as coordinator');
          }
          if (role === 'member') expect(await page.getByRole('heading', { name: 'Wie las de contactgegevens' }).count()).toBe(0);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('on a phone, a member sees the same actions and the notice, without sideways scrolling; axe passes', async () => {
    const { context, page } = await signedInPage('member', { width: 375, height: 812 });
    try {
      const person = await personOfTeam(gql, admin, facts.id(OWN_TEAM.member));
      await page.goto(`${app.baseUrl}/persoon/${person.id}`);
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
      expect(await offered(page, person.name)).toEqual(PERMISSION_TABLE.member.own);
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth <= (globalThis as any).innerWidth + 1)).toBe(true);
      await expectNoAxeViolations(page, 'person page as member, phone');
    } finally {
      await context.close();
    }
  });

  it('a member opening a registration form reads why not and whom to ask; a coordinator gets the form with only their own team', async () => {
    const member = await signedInPage('member');
    try {
      await member.page.goto(`${app.baseUrl}/registreren/persoon`);
      await member.page.getByRole('heading', { level: 1, name: 'U kunt hier niets registreren' }).waitFor();
      expect(await member.page.getByLabel('Naam').count()).toBe(0);
      await expectNoAxeViolations(member.page, 'registration refused to a member');
    } finally {
      await member.context.close();
    }
    const coordinator = await signedInPage('coordinator');
    try {
      await coordinator.page.goto(`${app.baseUrl}/registreren/persoon`);
      const team = coordinator.page.locator('select[name="teamId"]');
      await team.waitFor();
      const teamOptions = async () => (await team.locator('option').allTextContents()).filter((label) => label.startsWith('Buurtteam'));
      await expect.poll(teamOptions, { timeout: 15_000 }).toEqual(['Buurtteam Zuidwest']);
    } finally {
      await coordinator.context.close();
    }
  });
});

describe("the administrator's screens", () => {
  it('users: create with a password shown once, change role and teams, disable; axe passes (also on a phone)', async () => {
    const { context, page } = await signedInPage('administrator');
    try {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
      await page.getByRole('cell', { name: 'medewerker@example.org', exact: true }).waitFor();
      await expectNoAxeViolations(page, 'users');
      await page.getByLabel('E-mailadres', { exact: true }).fill('nieuw@example.org');
      await page.getByLabel('Rol', { exact: true }).selectOption('COORDINATOR');
      await page.getByRole('checkbox', { name: 'Buurtteam Zuidwest', exact: true }).check();
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await expect.poll(() => page.getByText('Account voor nieuw@example.org aangemaakt.').count()).toBe(1);
      const password = (await page.getByText(/^Wachtwoord: /).textContent())!.replace('Wachtwoord: ', '');
      expect(password.length).toBeGreaterThanOrEqual(12);
      // The password works once given out…
      const signIn = await gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email: 'nieuw@example.org', password } }, {});
      expect(signIn.errors).toBeUndefined();
      // Role and teams change behind "Wijzigen"…
      await page.getByRole('button', { name: 'Rol en teams van nieuw@example.org wijzigen' }).click();
      const editor = page.getByRole('form', { name: 'Rol en teams van nieuw@example.org wijzigen' });
      await editor.getByLabel('Rol', { exact: true }).selectOption('MEMBER');
      await editor.getByRole('checkbox', { name: 'Buurtteam Overvecht-Zuid', exact: true }).check();
      await editor.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.getByText('nieuw@example.org is bijgewerkt.').count()).toBe(1);
      const users = await gql('{ users { email role teams { name } } }', {}, admin);
      const changed = users.data.users.find((u: { email: string }) => u.email === 'nieuw@example.org');
      expect(changed.role).toBe('MEMBER');
      expect(changed.teams.map((t: { name: string }) => t.name).sort()).toEqual(['Buurtteam Overvecht-Zuid', 'Buurtteam Zuidwest']);
      // …and disabling the account ends its sessions (changing the role already did: sign in again first).
      const again = await gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email: 'nieuw@example.org', password } }, {});
      signIn.data = again.data;
      await page.getByRole('button', { name: 'nieuw@example.org uitzetten' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'nieuw@example.org weer aanzetten' }).count()).toBe(1);
      const me = await gql('{ me { email } }', {}, { authorization: `Bearer ${signIn.data.login.token}` });
      expect(me.data.me).toBeNull();
      await page.setViewportSize({ width: 375, height: 812 });
      await expectNoAxeViolations(page, 'users, phone');
    } finally {
      await context.close();
    }
  });

  it("a person's AVG page: export as JSON; erasure says what is kept and is refused without the typed name; axe passes", async () => {
    const { context, page } = await signedInPage('administrator');
    try {
      const person = await personOfTeam(gql, admin, facts.id(OTHER_TEAM));
      await page.goto(`${app.baseUrl}/persoon/${person.id}`);
      await page.getByRole('link', { name: 'AVG: gegevens exporteren of wissen' }).click();
      await page.getByRole('heading', { level: 1, name: `AVG: gegevens van ${person.name}` }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download JSON' }).click();
      const file = await download;
      const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
      expect(exported.person).toMatchObject({ id: person.id, name: person.name });
      await page.getByRole('button', { name: 'Persoonsgegevens wissen…' }).click();
      await expect.poll(() => page.getByText('een contactpersoon', { exact: false }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('Het logboek houdt wie wat wanneer deed').count()).toBe(1);
      await expectNoAxeViolations(page, 'erasure confirmation');
      await page.getByRole('button', { name: 'Definitief wissen' }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'typ de naam van de persoon' }).count()).toBe(1);
      const still = await gql('query($id: ID!) { person(id: $id) { name erasedAt } }', { id: person.id }, admin);
      expect(still.data.person).toEqual({ name: person.name, erasedAt: null });
      await page.getByLabel(`Typ de naam "${person.name}" om te bevestigen`).fill(person.name);
      await page.getByRole('button', { name: 'Definitief wissen' }).click();
      await expect.poll(() => page.getByText('De persoonsgegevens zijn gewist. De persoon heet nu "een contactpersoon".').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the audit log: filter by record and user, see before and after; axe passes', async () => {
    const { context, page } = await signedInPage('administrator');
    try {
      const person = await personOfTeam(gql, admin, facts.id(OTHER_TEAM));
      await gql(
        'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }',
        { input: { id: person.id, availabilityNote: 'alleen op dinsdag' } },
        admin,
      );
      await page.goto(`${app.baseUrl}/beheer/logboek`);
      await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
      await page.getByLabel('Soort record').selectOption('Person');
      await page.getByLabel('Record-id').fill(person.id);
      await page.getByLabel('Gebruiker', { exact: true }).selectOption({ label: TABLE_USERS.administrator });
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await expect.poll(() => page.getByText('Regels gevonden: 2').count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('record')).toBe(person.id);
      const update = page.locator('tbody > tr').filter({ hasText: 'updatePerson' }).first();
      await update.getByText('Voor en na bekijken').click();
      const change = update.locator('tr').filter({ hasText: 'availabilityNote' });
      await expect.poll(() => change.textContent()).toContain('alleen op dinsdag');
      await expectNoAxeViolations(page, 'audit log with a change open');
      await page.getByLabel('Van (JJJJ-MM-DD)').fill('2099-01-01');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await expect.poll(() => page.getByText('Geen regels voor deze filters.').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
