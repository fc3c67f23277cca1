import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The two acceptance journeys by keyboard only (the Somali search and the fixed-contact registration), and
 * every main page with axe on a phone and at 200% zoom, without sideways scrolling.
 * Page code runs as functions (the server's CSP forbids eval).
 */
const KANALENEILAND_NOORD = 'BU03440832';

const focusedText = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.textContent ?? '').trim() as string);
const focusedId = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.id ?? '') as string);

/** Tab on until the focused element's text is `text`; fails after `max` presses. */
async function tabTo(page: Page, text: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focusedText(page)) === text) return;
    await page.keyboard.press('Tab');
  }
  expect(await focusedText(page), `Tab reaches "${text}"`).toBe(text);
}

describe('keyboard only, and every page on a phone and at 200% zoom', () => {
  let app: BrowserApp | undefined;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp('keyboard');
    ({ page, baseUrl } = app);
  });
  afterAll(() => app?.close());

  it('finds a Somali-speaking key person near Kanaleneiland-Noord with the keyboard alone', async () => {
    await page.goto(baseUrl + '/');
    await signInThroughForm(page, DEMO_USERS.member);
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.getByRole('tab', { name: 'Zoek een partner' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('#match-neighbourhood option').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    // The first Tab reaches the skip link to the search; Enter puts focus in the language field.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Direct naar zoeken');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('match-language');
    await page.keyboard.type('Somalisch');
    // On to the buurt: type-ahead in the select.
    for (let i = 0; i < 10 && (await focusedId(page)) !== 'match-neighbourhood'; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('match-neighbourhood');
    await page.keyboard.type('Kanaleneiland-Noord');
    expect(await page.locator('#match-neighbourhood').inputValue()).toBe(KANALENEILAND_NOORD);
    await tabTo(page, 'Zoek partners');
    await page.keyboard.press('Enter');
    // The answer: focus on its heading, then the first card by Tab, opened with Enter.
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('match-results-heading');
    expect(await page.locator('ol.match-list > li').count()).toBeGreaterThan(0);
    const first = (await page.locator('ol.match-list > li .match-card__name').first().innerText()).trim();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && !(await focusedText(page)).startsWith(first); i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toContain(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('partner-detail-heading');
    expect((await page.locator('#partner-detail-heading').innerText()).trim()).toBe(first);
    await expectNoAxeViolations(page, 'keyboard Somali search, partner opened');
  });

  it('registers a fixed contact person for Buurtteam Zuidwest with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInThroughForm(page, DEMO_USERS.coordinator);
    await page.goto(baseUrl + '/registreren/contactpersoon');
    await page.getByRole('heading', { level: 1, name: 'Vaste contactpersoon aanwijzen' }).waitFor({ timeout: 15_000 });
    // Skip link to the content, then Tab to the team select.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const team = page.getByLabel(/^Team/);
    // The teams the user may act for arrive with the session: wait for them before typing.
    await expect.poll(() => team.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const teamId = await team.getAttribute('id');
    for (let i = 0; i < 15 && (await focusedId(page)) !== teamId; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(teamId);
    await page.keyboard.type('Buurtteam Zuidwest');
    expect(await team.locator('option:checked').innerText()).toBe('Buurtteam Zuidwest');
    const person = page.getByLabel('Persoon', { exact: true });
    await expect.poll(() => person.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const personId = await person.getAttribute('id');
    for (let i = 0; i < 5 && (await focusedId(page)) !== personId; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(personId);
    // Someone who is not the team's fixed contact already (the server refuses that, rightly).
    const current = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ teams { name currentContact { person { name } } } }' }),
      });
      const { data } = (await response.json()) as any;
      return (data.teams.find((t: any) => t.name === 'Buurtteam Zuidwest')?.currentContact?.person?.name ?? '') as string;
    });
    let chosen = '';
    for (let i = 0; i < 5 && (chosen === '' || chosen === current || chosen.startsWith('—')); i++) {
      await page.keyboard.press('ArrowDown');
      chosen = (await person.locator('option:checked').innerText()).trim();
    }
    expect(chosen).not.toBe(current);
    await tabTo(page, 'Contactpersoon aanwijzen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Buurtteam Zuidwest' }).waitFor({ timeout: 15_000 });
    await expect.poll(async () => ((await page.locator('.team__current-contact').textContent()) ?? '').trim()).toBe(chosen);
  });

  it('every main page: axe finds nothing and nothing scrolls sideways, on a phone and at 200% zoom', async () => {
    const ids = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ persons(page: { limit: 1 }) { items { id } } organisations(page: { limit: 1 }) { items { id } } teams { id } }' }),
      });
      const { data } = (await response.json()) as any;
      return { person: data.persons.items[0].id as string, organisation: data.organisations.items[0].id as string, team: data.teams[0].id as string };
    });
    const pages = [
      '/',
      `/buurt/${KANALENEILAND_NOORD}`,
      '/controle',
      '/importeren',
      `/persoon/${ids.person}`,
      `/organisatie/${ids.organisation}`,
      `/team/${ids.team}`,
      '/registreren/persoon',
      '/registreren/organisatie',
      '/registreren/contactpersoon',
      '/registreren/afspraak',
    ];
    // 390×844 is a phone; 640×450 is a 1280×900 window at 200% zoom.
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 640, height: 450 },
    ]) {
      await page.setViewportSize(viewport);
      for (const path of pages) {
        await page.goto(baseUrl + path);
        await expect.poll(() => page.locator('h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        const widths = await page.evaluate(() => ({
          scroll: (globalThis as any).document.scrollingElement.scrollWidth as number,
          view: (globalThis as any).innerWidth as number,
        }));
        expect(widths.scroll, `${path} at ${viewport.width}×${viewport.height} scrolls sideways`).toBeLessThanOrEqual(widths.view);
        await expectNoAxeViolations(page, `${path} at ${viewport.width}×${viewport.height}`);
      }
    }
  }, 300_000); // every page, twice (phone and 200% zoom), with axe: about two minutes on two cores
});
