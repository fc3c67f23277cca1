import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 15, the outcome later: a contact moment recorded from a match card links to "Contactmomenten", where the
 * outcome is set in one click, announced in the live region with the focus kept on the button, and still there
 * after a reload; the partner's page lists it too. axe at phone width (390×844, the table as cards) and desktop, in
 * Dutch and English.
 */
const KANALENEILAND_NOORD = 'BU03440832';

describe('Contactmomenten: recording the outcome of a contact moment, in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let partner: string;

  beforeAll(async () => {
    app = await startBrowserApp('contact-moments');
    page = app.page;
  });
  afterAll(() => app?.close());

  const row = () => page.locator('.contact-moments__table tbody tr', { has: page.getByRole('link', { name: partner, exact: true }) }).first();
  const pressed = async () => (await row().locator('button[aria-pressed="true"]').innerText()).trim();
  const atBothWidths = async (state: string) => {
    await expectNoAxeViolations(page, `${state}, desktop`);
    await page.setViewportSize({ width: 390, height: 844 });
    // The table becomes a list of cards: no sideways scrolling, the labels before each value.
    await expect
      .poll(() =>
        row()
          .locator('td')
          .first()
          .evaluate((td) => (globalThis as any).getComputedStyle(td).display),
      )
      .toBe('block');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, `${state}, phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('records a contact moment from a match card and follows "Uitkomst later vastleggen"', async () => {
    await page.goto(app.baseUrl + '/');
    await signInThroughForm(page, DEMO_USERS.member);
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    const neighbourhood = page.getByLabel('Buurt', { exact: true });
    await expect.poll(() => neighbourhood.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await neighbourhood.selectOption(KANALENEILAND_NOORD);
    await page.getByRole('button', { name: 'Zoek partners' }).click();
    await expect.poll(() => page.locator('ol.match-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const card = page.locator('ol.match-list > li').first();
    partner = (await card.locator('.match-card__name').innerText()).trim();
    await card.getByRole('button', { name: `Contactmoment vastleggen voor ${partner}` }).click();
    const dialog = page.getByRole('dialog', { name: `Contactmoment met ${partner}` });
    await expect.poll(() => dialog.isVisible(), { timeout: 5_000 }).toBe(true);
    await dialog.getByLabel('Onderwerp').selectOption('WORK');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 5_000 }).toContain('Contactmoment vastgelegd');
    await dialog.getByRole('link', { name: 'Uitkomst later vastleggen' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toBe('Contactmomenten');
    expect(new URL(page.url()).pathname).toBe('/contactmomenten');
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(1);
    const text = await row().innerText();
    expect(text).toContain('Werk');
    expect(text).toContain('Somalisch');
    expect(text).toContain('Kanaleneiland-Noord');
    expect(await pressed()).toBe('Loopt nog');
    await atBothWidths('contact moments');
  });

  it('sets the outcome in one click, says so in the live region, keeps the focus, and keeps it after a reload', async () => {
    const group = row().getByRole('group', { name: new RegExp(`^Uitkomst van het contactmoment met ${partner} op `) });
    await group.getByRole('button', { name: 'Bereikt', exact: true }).click();
    const status = page.locator('.contact-moments__status[role="status"]');
    await expect.poll(() => status.innerText(), { timeout: 5_000 }).toMatch(new RegExp(`Uitkomst van het contactmoment met ${partner} op .+: Bereikt\\.`));
    expect(await pressed()).toBe('Bereikt');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Bereikt');
    await page.reload();
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(1);
    expect(await pressed()).toBe('Bereikt');
    await atBothWidths('contact moments after an outcome');

    // The partner's page lists the team's contact moments with this partner, with the outcome.
    await row().getByRole('link', { name: partner, exact: true }).click();
    const section = page.getByRole('region', { name: 'Contactmomenten van uw team' });
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('Werk, Somalisch · Bereikt');
    await expectNoAxeViolations(page, 'partner page with contact moments');
  });

  it('does the same in English', async () => {
    await page.goto(app.baseUrl + '/contactmomenten');
    await page.getByRole('button', { name: 'English', exact: true }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toBe('Contact moments');
    expect(await page.getByRole('navigation').first().getByRole('link', { name: 'Contact moments' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(1);
    const group = row().getByRole('group', { name: new RegExp(`^Outcome of the contact moment with ${partner} on `) });
    await group.getByRole('button', { name: 'Partner declined', exact: true }).click();
    const status = page.locator('.contact-moments__status[role="status"]');
    await expect.poll(() => status.innerText(), { timeout: 5_000 }).toMatch(/: Partner declined\.$/);
    expect(await row().innerText()).toContain('Somali');
    await atBothWidths('contact moments in English');
    await page.reload();
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(1);
    expect(await pressed()).toBe('Partner declined');
  });
});
