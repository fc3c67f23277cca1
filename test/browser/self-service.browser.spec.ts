import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 14 in a real browser: the partner's own page through a personal link on a phone (390×844), with axe, and the
 * coordinator's "Voorstellen" page (moderation), with axe, on a phone as well. Nothing scrolls sideways.
 */
let app: BrowserApp;
let path: string;

async function gql(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: (globalThis as any).document.scrollingElement.scrollWidth as number,
    view: (globalThis as any).innerWidth as number,
  }));
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.view);
}

beforeAll(async () => {
  app = await startBrowserApp('self-service', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const login = await gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: DEMO_USERS.coordinator });
  const token = login.login.token as string;
  const persons = await gql(`{ persons(filter: { name: "Ubah Aden" }) { items { id } } }`, {}, token);
  const made = await gql(
    `mutation($input: CreateSelfServiceLinkInput!) { createSelfServiceLink(input: $input) { path } }`,
    { input: { entityType: 'PERSON', entityId: persons.persons.items[0].id } },
    token,
  );
  path = made.createSelfServiceLink.path;
}, 180_000);
afterAll(() => app?.close());

describe('self-service on a phone', () => {
  it('the partner reads their entry, changes it and sends it, without an account; axe finds nothing', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}${path}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Ubah Aden' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.title()).toBe('Uw gegevens in de sociale kaart');
    await expect.poll(() => page.getByRole('button', { name: 'Alles klopt nog' }).count()).toBe(1);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'self-service, entry');

    await page.getByRole('button', { name: 'Iets veranderen' }).click();
    await page.getByLabel('Telefoonnummer').fill('06 1111 2222');
    await page.getByLabel('Wanneer bent u beschikbaar?').fill('dinsdagavond');
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'self-service, form');
    await page.getByRole('button', { name: 'Wijzigingen versturen' }).click();
    await expect.poll(() => page.getByText('Dank u wel! Het buurtteam kijkt naar uw wijzigingen.').count(), { timeout: 15_000 }).toBe(1);

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Everything is still correct' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('a guessed link: one clear Dutch message, no entry', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}/eigen-gegevens/${'A'.repeat(43)}`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Deze link werkt niet (meer)');
    await expectNoAxeViolations(page, 'self-service, bad link');
  });

  it('the coordinator sees the proposal before/after on "Voorstellen" and accepts it; axe finds nothing', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}/controle`);
    await signInThroughForm(page, DEMO_USERS.coordinator);
    await page.getByRole('link', { name: 'Voorstellen van partners bekijken' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ubah Aden' }).count(), { timeout: 15_000 }).toBe(1);
    const card = page.getByRole('region', { name: 'Ubah Aden' });
    expect(await card.getByRole('row', { name: /Telefoonnummer/ }).textContent()).toContain('06 11112222');
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'moderation');
    await card.getByRole('checkbox', { name: 'Overnemen: Wanneer beschikbaar' }).uncheck();
    await card.getByRole('button', { name: 'Gekozen velden overnemen' }).click();
    await expect.poll(() => page.getByText('Ubah Aden: Overgenomen.').count(), { timeout: 15_000 }).toBe(1);
    await expectNoAxeViolations(page, 'moderation, decided');
  });
});
