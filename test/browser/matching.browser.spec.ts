import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, freePort, ROOT, startServer } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * "Zoek een partner" in a real browser against the built server and client (demo data, no tiles):
 * pick a language and a neighbourhood, read the ranked cards, see the search area on the map, share
 * the URL, open a partner, and widen an empty search. axe checks every state.
 * Matching shows persons, so it needs a signed-in user: signed out, the panel holds the sign-in form.
 */

const KANALENEILAND_NOORD = 'BU03440832';

describe('"Zoek een partner" in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-matching-'));
    const port = await freePort();
    server = (await startServer(port, join(dir, 'test.sqlite'))).child;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser] page error:', error.message));
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

  it('signed out, offers no partner search, only the sign-in form', async () => {
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('tab', { name: 'Zoek een partner' }).count()).toBe(0);
    expect(await page.getByLabel('Taal', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'signed out');
  });

  it('finds Somali speakers near Kanaleneiland-Noord: ranked cards with reasons, the search area on the map, the search in the URL', async () => {
    await signInThroughForm(page, DEMO_USERS.member);
    // After sign-in the first tab is the one selected; the tabs follow the ARIA tabs pattern.
    const tab = page.getByRole('tab', { name: 'Zoek een partner' });
    await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByRole('tab', { name: 'Bladeren' }).getAttribute('aria-selected')).toBe('false');
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(await tab.getAttribute('id'));
    // Arrow keys move between the tabs and select them.
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Bladeren' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Bladeren');
    await page.keyboard.press('ArrowLeft');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    // Two forms, two headings.
    expect(await page.getByRole('heading', { level: 2, name: 'Zoek de best passende partners bij een buurt' }).count()).toBe(1);
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    const neighbourhood = page.getByLabel('Buurt', { exact: true });
    await expect.poll(() => neighbourhood.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await neighbourhood.selectOption(KANALENEILAND_NOORD);
    await page.getByRole('button', { name: 'Zoek partners' }).click();

    const cards = page.locator('ol.match-list > li');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const first = await cards.first().innerText();
    expect(first).toContain('Spreekt Somalisch (');
    expect(first).toMatch(/Actief in .+|Locatie .+/);
    expect(first).toMatch(/\d+,\d km/);
    expect(first).toMatch(/past \d+%/);
    expect(await page.locator('.app__status').innerText()).toMatch(/partners binnen 5 km van Kanaleneiland-Noord/);
    // The answer comes first: focus on its heading (so it is announced), scrolled into view.
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.id), { timeout: 5_000 }).toBe('match-results-heading');

    // The search area and the results on the map.
    await expect.poll(() => page.locator('path.search-area').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.locator('.leaflet-marker-pane .partner-marker--highlighted, .leaflet-marker-pane .partner-cluster--highlighted').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    // Every ranked hit is its own marker with its number from the list, none clustered.
    const ranked = page.locator('.leaflet-marker-pane .partner-marker--ranked');
    await expect.poll(() => ranked.count(), { timeout: 10_000 }).toBe(await cards.count());
    expect(await page.locator('.leaflet-marker-pane .partner-cluster').count()).toBe(0);
    const numbers = (await ranked.allInnerTexts()).map((text) => Number(text.trim())).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const firstName = (await cards.first().locator('.match-card__name').innerText()).trim();
    expect(await page.locator('.leaflet-marker-pane [title^="Nummer 1: "]').getAttribute('title')).toContain(firstName);
    expect(await page.locator('.map-count').innerText()).toMatch(/de \d+ best passende partners/);

    const url = new URL(page.url());
    expect(url.searchParams.get('zoek')).toBe('partner');
    expect(url.searchParams.get('taal')).toBe('Somalisch');
    expect(url.searchParams.get('buurt')).toBe(KANALENEILAND_NOORD);
    await expectNoAxeViolations(page, 'match results');
  });

  it('opens the same search from a shared link after signing in, and opens a partner from its card', async () => {
    // A colleague opens the link in their own browser: not signed in yet.
    const colleague = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const shared = await colleague.newPage();
    shared.on('pageerror', (error) => console.error('[browser] page error:', error.message));
    // Every matchPartners answer the colleague's browser gets; none may be a refusal for want of a session.
    const matchAnswers: Promise<string>[] = [];
    shared.on('response', (response) => {
      if (response.url().endsWith('/graphql') && response.request().postData()?.includes('matchPartners')) matchAnswers.push(response.text());
    });
    const link = `${baseUrl}/?zoek=partner&taal=som&buurt=${KANALENEILAND_NOORD}&straal=10&rol=KEY_PERSON`;
    await shared.goto(link);
    await expect.poll(() => shared.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await shared.locator('ol.match-list, .match-empty').count()).toBe(0);
    await expectNoAxeViolations(shared, 'shared link, signed out');

    // Signing in keeps the link and runs the same search.
    await signInThroughForm(shared, DEMO_USERS.coordinator);
    expect(shared.url()).toBe(link);
    expect(await shared.getByRole('tab', { name: 'Zoek een partner' }).getAttribute('aria-selected')).toBe('true');
    const cards = shared.locator('ol.match-list > li');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await shared.getByLabel('Straal').inputValue()).toBe('10');
    expect(await shared.getByLabel('Sleutelpersoon', { exact: true }).isChecked()).toBe(true);
    const answers = await Promise.all(matchAnswers);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((body) => body.includes('UNAUTHENTICATED'))).toEqual([]);
    const allSomaliKeyPersons = await cards.allInnerTexts();
    expect(allSomaliKeyPersons.every((text) => /sleutelpersoon/i.test(text))).toBe(true);

    const button = cards.first().locator('button.match-card__button');
    const name = (await button.locator('.match-card__name').innerText()).trim();
    await button.click();
    const heading = shared.locator('#partner-detail-heading');
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(1);
    expect((await heading.innerText()).trim()).toBe(name);
    await expectNoAxeViolations(shared, 'partner opened from a match');
    await colleague.close();
  });

  it('says which filter to widen when nothing is found, and widens it with one click', async () => {
    await page.goto(`${baseUrl}/?zoek=partner&taal=Tigrinya&buurt=${KANALENEILAND_NOORD}&straal=1&rol=KEY_PERSON`);
    const empty = page.locator('.match-empty');
    await expect.poll(() => empty.count(), { timeout: 15_000 }).toBe(1);
    expect(await empty.innerText()).toContain('Geen partners gevonden binnen 1,0 km');
    const suggestions = empty.locator('.match-suggestions li');
    expect(await suggestions.count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'empty result with suggestions');

    const widen = empty.getByRole('button').first();
    if ((await widen.count()) > 0) {
      await widen.click();
      await expect.poll(() => page.locator('ol.match-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(page.url()).not.toContain('straal=1&');
    }
  });

  it('picks the neighbourhood by clicking the map', async () => {
    await page.goto(`${baseUrl}/?zoek=partner&taal=Arabisch`);
    const polygons = page.locator('.leaflet-overlay-pane svg path.neighbourhood, .leaflet-overlay-pane svg path:not(.search-area)');
    await expect.poll(() => polygons.count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await polygons.nth(40).dispatchEvent('click');
    await expect.poll(() => page.locator('ol.match-list > li, .match-empty').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const chosen = await page.getByLabel('Buurt', { exact: true }).inputValue();
    expect(chosen).toMatch(/^BU0344\d{4}$/);
    expect(new URL(page.url()).searchParams.get('buurt')).toBe(chosen);
  });

  it('signing out takes the matches off the panel and the map', async () => {
    await expect.poll(() => page.locator('ol.match-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const name = (await page.locator('ol.match-list > li .match-card__name').first().innerText()).trim();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('ol.match-list, .match-empty').count()).toBe(0);
    await expect.poll(() => page.locator('path.search-area').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('.leaflet-marker-pane .partner-marker, .leaflet-marker-pane .partner-cluster').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(name);
    await expectNoAxeViolations(page, 'signed out after matching');
  });
});
