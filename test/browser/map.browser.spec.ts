import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, freePort, ROOT, startServer } from './support/harness.js';

/**
 * The map page in a real browser, against the real server built by `npm run build`, offline:
 * the tile URL points at a loopback port where nothing answers, so the map must work without tiles.
 * The server sends its real Content-Security-Policy (no 'unsafe-eval'), so nothing here may make the page
 * eval a string: Playwright's waitForFunction does, in either form; waits poll locators or page.evaluate.
 */

const MIN_NEIGHBOURHOODS = 111;
const MEMBER = { email: 'medewerker@example.org', password: 'demo' };
const PARTNER_MARKERS = '.leaflet-marker-pane .partner-marker, .leaflet-marker-pane .partner-cluster';

/** Start `node dist/server/src/main.js` and resolve once it prints that it is running. */

describe('map page in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;
  /** Anything the page tried that the server's CSP refused (inline script, eval, a foreign host). */
  const cspViolations: string[] = [];

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-browser-'));
    const port = await freePort();
    const started = await startServer(port, join(dir, 'test.sqlite'));
    server = started.child;
    console.log(`[browser] server ready in ${started.startedInMs} ms (fresh database, demo seed)`);
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    // AxeBuilder opens helper pages, which needs an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser] page error:', error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
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

  /** Sign in through the form, as a person would: fields by their labels, the button by its name. */
  async function signIn(email = MEMBER.email, password = MEMBER.password) {
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByText(`Ingelogd als ${email}`).count(), { timeout: 15_000 }).toBe(1);
  }

  it('shows all neighbourhood polygons without tiles and the sign-in form, and reports the time to interactive', async () => {
    // Record, inside the page, the moment the polygons are in the DOM (ms since navigation start).
    // An init script is injected by the browser, not evaluated by the page, so the CSP allows it.
    await page.addInitScript(`
      (() => {
        const check = () => {
          if (window.__polygonsRenderedAt === undefined &&
              document.querySelectorAll('.leaflet-overlay-pane svg path').length >= ${MIN_NEIGHBOURHOODS}) {
            window.__polygonsRenderedAt = performance.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true });
      })();
    `);

    await page.goto(baseUrl + '/');
    // The root tsconfig has no DOM types: the page's globals are reached through globalThis.
    const renderedAt = () => page.evaluate(() => (globalThis as any).__polygonsRenderedAt as number | undefined);
    await expect.poll(renderedAt, { timeout: 30_000 }).toBeGreaterThan(0);
    const nav = await page.evaluate(() => {
      const entry = (globalThis as any).performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: entry.domContentLoadedEventEnd as number };
    });
    console.log(
      `[browser] time to interactive (navigation start → ${MIN_NEIGHBOURHOODS}+ polygons rendered): ${Math.round((await renderedAt())!)} ms` +
        ` (DOMContentLoaded ${Math.round(nav.domContentLoaded)} ms)`,
    );

    const paths = await page.locator('.leaflet-overlay-pane svg path').count();
    expect(paths).toBeGreaterThanOrEqual(MIN_NEIGHBOURHOODS);
    await expect.poll(() => page.locator('.leaflet-overlay-pane svg path').first().isVisible()).toBe(true);

    // The map has an accessible name, and the boundary source is credited.
    // Named after the municipality of the installation (MUNICIPALITY_CODE, default GM0344), from the neighbourhood table.
    await expect.poll(() => page.getByRole('region', { name: 'Kaart van Utrecht met buurten en partners' }).count()).toBe(1);
    expect(await page.locator('.app__subtitle').innerText()).toBe('Sleutelpersonen, tolken en organisaties per buurt in Utrecht');
    await expect.poll(() => page.getByText('Buurtgrenzen: Bron: CBS / Kadaster, Wijk- en Buurtkaart 2024 (CC BY 4.0)').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    // Not signed in: the sign-in form stands where person data would be; no partners on the map, no search.
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByLabel('Taal', { exact: true }).count()).toBe(0);
    expect(await page.locator(PARTNER_MARKERS).count()).toBe(0);
    await expectNoAxeViolations(page, 'sign-in form');
  });

  it('shows sign-in errors next to the fields, then signs in with the keyboard', async () => {
    const email = page.getByLabel('E-mailadres', { exact: true });
    const password = page.getByLabel('Wachtwoord', { exact: true });

    // Empty fields: an error at each field, announced, and focus on the first.
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.locator('#sign-in-email-error[role="alert"]').count()).toBe(1);
    expect(await page.locator('#sign-in-email-error').innerText()).toContain('Vul uw e-mailadres in');
    expect(await page.locator('#sign-in-password-error[role="alert"]').innerText()).toContain('Vul uw wachtwoord in');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('sign-in-email-error');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('sign-in-email');
    await expectNoAxeViolations(page, 'sign-in field errors');

    // A wrong password: one message for the form, the same whether the account exists or not.
    await email.fill(MEMBER.email);
    await password.fill('niet-het-wachtwoord');
    await password.press('Enter');
    const formError = page.locator('#sign-in-error[role="alert"]');
    await expect.poll(() => formError.count(), { timeout: 15_000 }).toBe(1);
    expect(await formError.innerText()).toBe('Het e-mailadres of het wachtwoord klopt niet.');
    expect(await password.inputValue()).toBe('');
    await expectNoAxeViolations(page, 'sign-in wrong password');

    // Keyboard only: type in the fields and press Enter.
    await email.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(MEMBER.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('sign-in-password');
    await page.keyboard.type(MEMBER.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(`Ingelogd als ${MEMBER.email}`).count(), { timeout: 15_000 }).toBe(1);

    // The header names the user, the role in Dutch and the team.
    const bar = page.getByRole('region', { name: 'Ingelogde gebruiker' });
    expect(await bar.innerText()).toContain('medewerker · Buurtteam Overvecht-Zuid');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
    // Signed in, the map shows partners again.
    await expect.poll(() => page.locator(PARTNER_MARKERS).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'signed in');
  });

  it('finds Somali-speaking partners, lists them and puts them on the map', async () => {
    await page.getByRole('tab', { name: 'Bladeren' }).click();
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    await page.getByRole('button', { name: 'Zoeken' }).click();

    const persons = page.locator('section[aria-labelledby="results-persons"] ul > li');
    await expect.poll(() => persons.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const firstCard = await persons.first().innerText();
    expect(firstCard).toMatch(/Somalisch \((moedertaal|vloeiend|basis)\)/);
    expect(firstCard).toMatch(/Sleutelpersoon|Tolk \((formeel|informeel)\)|Contactpersoon/);
    expect(firstCard).toMatch(/Laatst gecontroleerd: |Nog niet gecontroleerd/);

    // Results are highlighted on the map: single markers or clusters.
    await expect
      .poll(() => page.locator('.leaflet-marker-pane .partner-marker--highlighted, .leaflet-marker-pane .partner-cluster--highlighted').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    // The map says it shows every hit (the list shows at most one page).
    const total =
      Number((await page.locator('#results-persons').innerText()).match(/\((\d+)\)/)![1]) +
      Number((await page.locator('#results-organisations').innerText()).match(/\((\d+)\)/)?.[1] ?? 0);
    await expect.poll(() => page.locator('.map-count').innerText(), { timeout: 10_000 }).toMatch(/alle \d+ gevonden partners/);
    const unplaced = Number((await page.locator('.map-count').innerText()).match(/niet op de kaart: (\d+)/)?.[1] ?? 0);
    expect(Number(await page.locator('.map-count').getAttribute('data-placed')) + unplaced).toBe(total);
    // Focus went to the results heading, so the answer is announced and in view.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('results-heading');
    await expectNoAxeViolations(page, 'search results');
  });

  it('shows a server error about the language next to the field', async () => {
    await page.getByLabel('Taal', { exact: true }).fill('Somalish');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const alert = page.locator('#search-language-error[role="alert"]');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.innerText()).toContain('Somalisch (som)');
    expect(await page.getByLabel('Taal', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'language error');
  });

  /** Search for Somali speakers and open the first person; returns the name shown. */
  async function openFirstSomaliPerson(): Promise<string> {
    await page.getByLabel('Taal', { exact: true }).fill('som');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const firstButton = page.locator('section[aria-labelledby="results-persons"] ul > li button').first();
    await expect.poll(() => firstButton.count(), { timeout: 15_000 }).toBe(1);
    const name = (await firstButton.locator('.result-card__name').innerText()).trim();
    await firstButton.click();
    const heading = page.locator('#partner-detail-heading');
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(1);
    expect((await heading.innerText()).trim()).toBe(name);
    return name;
  }

  it('opens the detail view of a person', async () => {
    await openFirstSomaliPerson();
    const detail = await page.locator('.partner-detail').innerText();
    expect(detail).toContain('Toestemming');
    expect(detail).toContain('Laatst gecontroleerd');
    // Focus moved to the detail heading, and the selected partner stands out on the map.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('partner-detail-heading');
    await expect.poll(() => page.locator('.leaflet-marker-pane .partner-marker--selected').count(), { timeout: 10_000 }).toBe(1);

    await expectNoAxeViolations(page, 'detail view');
  });

  it('signed in, a person shows phone and e-mail with a note that the read is logged; signed out, person data is gone', async () => {
    await page.getByRole('button', { name: /Terug naar de resultaten/ }).click();
    const name = await openFirstSomaliPerson();

    const detail = page.locator('.partner-detail');
    await expect.poll(() => detail.locator('a[href^="tel:"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await detail.locator('a[href^="mailto:"]').count()).toBe(1);
    const phone = (await detail.locator('a[href^="tel:"]').innerText()).trim();
    const email = (await detail.locator('a[href^="mailto:"]').innerText()).trim();
    expect(phone).toMatch(/^0[\d -]{8,}$/);
    expect(email).toMatch(/@example\.org$/);
    expect(await detail.innerText()).toContain('Het inzien van deze contactgegevens wordt vastgelegd in het auditlog.');
    await expectNoAxeViolations(page, 'detail view with contact details');

    // Sign out: the sign-in form is back and nothing of the person is left on the page or the map.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'U bent uitgelogd.' }).count()).toBe(1);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(name);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(email);
    expect(text).not.toContain(MEMBER.email);
    expect(await page.locator('.partner-detail').count()).toBe(0);
    await expect.poll(() => page.locator(PARTNER_MARKERS).count(), { timeout: 10_000 }).toBe(0);
    // The polygons stay.
    expect(await page.locator('.leaflet-overlay-pane svg path').count()).toBeGreaterThanOrEqual(MIN_NEIGHBOURHOODS);
    await expectNoAxeViolations(page, 'signed out');

    // The session really ended on the server: a reload does not sign anyone in.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('shows the sign-in form again when the session has expired', async () => {
    await signIn();
    await page.getByRole('tab', { name: 'Bladeren' }).click();
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    // The session cookie disappears, as when it expires; the next request is refused as UNAUTHENTICATED.
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Uw sessie is verlopen' }).count()).toBe(1);
    expect(await page.getByText(`Ingelogd als ${MEMBER.email}`).count()).toBe(0);
    await expectNoAxeViolations(page, 'session expired');

    // Signing in again brings the search back, on its first tab.
    await signIn();
    await expect.poll(() => page.getByRole('tab', { name: 'Zoek een partner' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Bladeren' }).click();
    await expect.poll(() => page.getByLabel('Taal', { exact: true }).count()).toBe(1);
  });

  it('broke no rule of the Content-Security-Policy on the way', () => {
    expect(cspViolations).toEqual([]);
  });
});
