import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 15 in Chromium against the built server with the demo data: the administrator keeps the
 * capability list (add, retire) on /beheer/lijsten, and registers a key person with profile fields; a
 * volunteer contract that ends before it starts comes back from the server at its field. Checked with axe.
 */
describe('managed lists and profile fields in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp('profile');
    ({ page, baseUrl } = app);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(() => app?.close());

  const gql = async <T>(query: string): Promise<T> =>
    page.evaluate(async (query) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query }),
      });
      return ((await response.json()) as { data: T }).data;
    }, query);

  it('the administrator adds a capability and retires it; the page passes axe', async () => {
    await page.goto(`${baseUrl}/`);
    await signInThroughForm(page, DEMO_USERS.administrator);
    await page.goto(`${baseUrl}/beheer/lijsten`);
    await page.getByRole('heading', { level: 1, name: 'Lijsten beheren' }).waitFor();
    await page.getByRole('cell', { name: 'Somalische gemeenschap', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'managed lists');

    const capabilities = page.locator('section[aria-labelledby="managed-capabilities"]');
    await capabilities.getByLabel(/^Code/).fill('huiswerk');
    await capabilities.getByLabel('Naam (Nederlands)').fill('Huiswerkbegeleiding');
    await capabilities.getByLabel('Naam (Engels)').fill('Homework support');
    await capabilities.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(async () => (await page.locator('.managed-lists [role="status"]').textContent()) ?? '').toBe('Huiswerkbegeleiding is opgeslagen.');
    await capabilities.getByRole('cell', { name: 'Huiswerkbegeleiding', exact: true }).waitFor();

    await capabilities.getByRole('button', { name: 'Huiswerkbegeleiding laten vervallen' }).click();
    await capabilities.getByRole('button', { name: 'Huiswerkbegeleiding weer in gebruik nemen' }).waitFor();
    const { capabilities: active } = await gql<{ capabilities: { code: string }[] }>('{ capabilities { code } }');
    expect(active.map((c) => c.code)).not.toContain('huiswerk');
    await expectNoAxeViolations(page, 'managed lists after a change');
  });

  it('registers a key person with profile fields; a contract ending before it starts comes back at its field', async () => {
    await page.goto(`${baseUrl}/registreren/persoon`);
    await page.getByRole('heading', { level: 1, name: 'Persoon registreren' }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Hibo Profieltest');
    await page.getByRole('checkbox', { name: /Sleutelpersoon/ }).check();
    await page.getByRole('checkbox', { name: 'Heeft een vrijwilligerscontract' }).check();
    await page.getByLabel('Taal 1', { exact: true }).fill('Somalisch');
    await page.getByLabel('Hoe is toestemming gegeven?').selectOption({ label: 'Schriftelijk' });
    await page.getByLabel('Vastgelegd door').fill('Beheerder');
    // The profile part: a retired capability is not offered any more.
    await page.getByRole('checkbox', { name: 'Toeleiding' }).check();
    expect(await page.getByRole('checkbox', { name: /Huiswerkbegeleiding/ }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Minder verzoeken' }).check();
    await page.getByLabel('Vrijwilligerscontract vanaf').fill('2026-06-01');
    await page.getByLabel(/^Vrijwilligerscontract tot/).fill('2026-05-01');
    await page.getByLabel('Vergoeding in euro').fill('25');
    await page.getByLabel(/^Periode van de vergoeding/).selectOption({ label: 'per maand' });
    await expectNoAxeViolations(page, 'person form with profile fields');

    await page.getByRole('button', { name: 'Opslaan' }).click();
    const contractEnd = page.getByLabel(/^Vrijwilligerscontract tot/);
    await expect.poll(() => contractEnd.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await contractEnd.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`#${errorId}`).textContent()).toMatch(/vóór de begindatum/);
    await expectNoAxeViolations(page, 'person form with a profile error');

    await contractEnd.fill('2027-05-31');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: /Hibo Profieltest/ }).waitFor();
    await page.getByText('Toeleiding').first().waitFor();
    expect(await page.getByText('€ 25,00 per maand').count()).toBe(1);
    await expectNoAxeViolations(page, 'person page with profile');
    expect(pageErrors).toEqual([]);
  });
});
