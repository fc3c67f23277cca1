import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataSource } from '../../server/src/database/data-source.js';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 15: a formal interpreter registered before the Rbtv level and end date were required shows as "registratie
 * onvolledig" on the person page and in the review queue. And a key person's supporter is chosen from the team's accounts in the person form; the old free-text note
 * shows as "Begeleider (oude notitie)" until then, and the person page names the account afterwards. axe checks both.
 */
describe('the supporter of a key person, in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let personId: string;

  beforeAll(async () => {
    app = await startBrowserApp('person-supporter');
    page = app.page;
  });
  afterAll(() => app?.close());

  const gql = (query: string, variables: Record<string, unknown>): Promise<any> =>
    page.evaluate(
      async ({ query, variables }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ query, variables }),
        });
        return response.json();
      },
      { query, variables },
    );

  it('shows the old note, offers the team members, and names the chosen account on the person page', async () => {
    await page.goto(app.baseUrl + '/');
    await signInThroughForm(page, DEMO_USERS.coordinator);
    const me = await gql('{ me { teams { id } } }', {});
    const created = await gql('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: {
        name: 'Sleutelpersoon Met Notitie',
        roles: ['KEY_PERSON'],
        teamId: me.data.me.teams[0].id,
        neighbourhoodCodes: [],
        supportedBy: 'Ravi J.',
        consent: { givenOn: '2026-11-01', method: 'DIGITAL', recordedBy: 'Test' },
      },
    });
    expect(created.errors).toBeUndefined();
    personId = created.data.createPerson.id;

    await page.goto(`${app.baseUrl}/persoon/${personId}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('Begeleider (oude notitie)');
    expect(await page.locator('main').innerText()).toContain('Ravi J.');

    await page.goto(`${app.baseUrl}/persoon/${personId}/bewerken`);
    const select = page.getByLabel('Begeleider uit het team');
    await expect.poll(() => select.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const options = await select.locator('option').allInnerTexts();
    expect(options).toContain('coordinator@example.org');
    expect(options).not.toContain('medewerker@example.org');
    expect(await page.locator('main').innerText()).toContain('Oude notitie: Ravi J.');
    await expectNoAxeViolations(page, 'person form with the supporter select');
    await select.selectOption({ label: 'coordinator@example.org' });
    await page
      .getByRole('button', { name: /opslaan/i })
      .first()
      .click();

    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/persoon/${personId}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('coordinator@example.org');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Begeleider uit het team');
    expect(text).not.toContain('Begeleider (oude notitie)');
    expect(text).not.toContain('Ravi J.');
    await expectNoAxeViolations(page, 'person page with the supporter');
  });
  it('shows a formal interpreter without Rbtv level as "registratie onvolledig" on the person page and in the review queue', async () => {
    // A row as registered before the level was required (written straight to the database, as an old import did).
    const ds = await openDataSource(`sqlite:${app.databaseFile}`);
    let id: string;
    let name: string;
    try {
      const [row] = await ds.query(`SELECT "id", "name" FROM "person" WHERE "interpreterKind" = 'FORMAL' AND "archivedAt" IS NULL ORDER BY "name" LIMIT 1`);
      ({ id, name } = row);
      await ds.query(`UPDATE "person" SET "interpreterLevel" = NULL WHERE "id" = ?`, [id]);
    } finally {
      await ds.destroy();
    }
    await page.goto(`${app.baseUrl}/persoon/${id}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('Registratie onvolledig: niveau ontbreekt');
    await expectNoAxeViolations(page, 'person page with an incomplete registration');
    await page.goto(`${app.baseUrl}/controle`);
    // The whole queue, persons only (the coordinator's own teams need not hold this interpreter); more pages as needed.
    await page.locator('#review-type').selectOption('PERSON');
    await page.getByLabel('Alleen mijn teams').uncheck();
    const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
    for (let i = 0; i < 5 && (await row.count()) === 0; i++) {
      await expect.poll(() => page.locator('main [aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
      const more = page.getByRole('button', { name: 'Meer laden' });
      if (await row.count()) break;
      if (!(await more.count())) break;
      await more.click();
    }
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await row.first().innerText()).toContain('Registratie onvolledig');
    // It leaves the queue by an edit that adds the level, not by "still correct".
    expect(
      await row
        .first()
        .getByRole('button', { name: /nog steeds juist/i })
        .count(),
    ).toBe(0);
  });
});
