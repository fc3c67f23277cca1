import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, freePort, ROOT, startServer } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Issue 15 in a real browser: a team member records a contact moment from a match card (a dialog with
 * lists only, no free text, and a privacy notice), sees the partner's load on the card afterwards, and
 * finds walk-in hours in Tigrinya in the browse panel. axe checks every state.
 */
const KANALENEILAND_NOORD = 'BU03440832';

describe('referral from a match card, and the walk-in search, in Chromium', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist/client/index.html')), 'run `npm run build` first').toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'sociale-kaart-referral-'));
    const port = await freePort();
    server = (await startServer(port, join(dir, 'test.sqlite'))).child;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
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

  const search = async () => {
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    const neighbourhood = page.getByLabel('Buurt', { exact: true });
    await expect.poll(() => neighbourhood.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    await neighbourhood.selectOption(KANALENEILAND_NOORD);
    await page.getByRole('button', { name: 'Zoek partners' }).click();
    await expect.poll(() => page.locator('ol.match-list > li').count(), { timeout: 15_000 }).toBeGreaterThan(2);
  };

  it('records a contact moment from a match card in a few clicks, with nothing about the resident', async () => {
    await page.goto(baseUrl + '/');
    await signInThroughForm(page, DEMO_USERS.member);
    await search();
    const card = page.locator('ol.match-list > li').first();
    const name = (await card.locator('.match-card__name').innerText()).trim();
    expect(await card.innerText()).toContain('Gevraagd: 0 in de laatste 30 dagen');
    await card.getByRole('button', { name: `Contactmoment vastleggen voor ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Contactmoment met ${name}` });
    await expect.poll(() => dialog.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await dialog.innerText()).toContain('Leg hier nooit de naam of andere gegevens van de bewoner vast');
    // No free text anywhere: lists and a date only.
    expect(await dialog.locator('textarea').count()).toBe(0);
    expect(await dialog.locator('input:not([type="date"])').count()).toBe(0);
    // Team, buurt and language come from the search; the date is today.
    expect(await dialog.getByLabel('Team').locator('option:checked').innerText()).toBe('Buurtteam Overvecht-Zuid');
    expect(await dialog.getByLabel('Buurt').inputValue()).toBe(KANALENEILAND_NOORD);
    expect(await dialog.getByLabel('Taal').inputValue()).toBe('som');
    await expectNoAxeViolations(page, 'referral dialog');

    // A date in the future is refused with the reason at the field, nothing recorded.
    await dialog.getByLabel('Datum').fill('2099-01-01');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().innerText(), { timeout: 5_000 }).toContain('ligt in de toekomst');
    await expectNoAxeViolations(page, 'referral dialog with an error');

    await dialog.getByLabel('Datum').fill(new Date().toISOString().slice(0, 10));
    await dialog.getByLabel('Onderwerp').selectOption('PARENTING');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 5_000 }).toContain('Contactmoment vastgelegd');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    expect(await dialog.isVisible()).toBe(false);

    // The load on the card, when the search (shared in the URL) is opened again.
    await page.reload();
    const again = page.locator('ol.match-list > li', { has: page.locator('.match-card__name', { hasText: name }) }).first();
    await expect.poll(() => again.innerText(), { timeout: 15_000 }).toContain('Gevraagd: 1 in de laatste 30 dagen, 1 in 90 dagen');
    await expectNoAxeViolations(page, 'match results with load');
  });

  it('finds walk-in hours in Tigrinya in the coming 30 days, with their day, place and audience', async () => {
    await page.getByRole('tab', { name: 'Bladeren' }).click();
    await page.getByText('Spreekuren zoeken', { exact: true }).first().click();
    await page.getByLabel('Taal van het spreekuur').selectOption('tir');
    await page.getByLabel('Wanneer').selectOption('month');
    await page.getByRole('button', { name: 'Spreekuren zoeken' }).click();
    const list = page.getByRole('list', { name: 'Gevonden spreekuren' });
    await expect.poll(() => list.locator('li').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const first = await list.locator('li').first().innerText();
    expect(first).toContain('Koffieochtend');
    expect(first).toContain('Habesha Huis');
    expect(first).toMatch(/donderdag \d+ \w+, 14:00–16:00/);
    expect(first).toContain('elke week op donderdag · Voor iedereen');
    expect(first).toContain('Tigrinya');
    // On the map too: a square "S" per walk-in hour found, at its buurt, named in its title.
    const markers = page.locator('.leaflet-marker-pane .walk-in-marker');
    await expect.poll(() => markers.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-marker-pane .walk-in-marker[title*="Habesha Huis"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'walk-in hours');
  });
});
