import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The map page on small screens (a phone, 390×844, and a low laptop window, 1024×600): the side panel is its
 * own scroll area, so long results scroll inside it while the map stays in view; the panel can be reached and
 * scrolled with the keyboard, focus stays visible inside it, and the main navigation folds behind "Menu".
 * Page code runs as functions (the server's CSP forbids eval).
 */

const PANEL = 'aside.app__panel';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

/** Where the panel and the map are, how far the panel scrolls, and whether the page itself scrolls. */
function layout(page: Page) {
  return page.evaluate((panelSelector) => {
    const doc = (globalThis as any).document;
    const box = (element: any): Box => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const panel = doc.querySelector(panelSelector);
    const map = doc.querySelector('#map');
    return {
      viewport: { width: (globalThis as any).innerWidth as number, height: (globalThis as any).innerHeight as number },
      pageScrollHeight: doc.scrollingElement.scrollHeight as number,
      panel: { ...box(panel), scrollHeight: panel.scrollHeight as number, clientHeight: panel.clientHeight as number, scrollTop: panel.scrollTop as number },
      map: box(map),
    };
  }, PANEL);
}

type Layout = Awaited<ReturnType<typeof layout>>;

/** The map lies fully inside the window, with room to use it, and the page itself does not scroll. */
function expectMapInView(state: Layout, minHeight: number) {
  expect(state.map.top).toBeGreaterThanOrEqual(0);
  expect(state.map.bottom).toBeLessThanOrEqual(state.viewport.height + 1);
  expect(state.map.height).toBeGreaterThanOrEqual(minHeight);
  expect(state.pageScrollHeight).toBeLessThanOrEqual(state.viewport.height + 1);
}

describe('side panel and map on small screens in Chromium', () => {
  let app: BrowserApp | undefined;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startBrowserApp('layout', { viewport: { width: 390, height: 844 }, hasTouch: true });
    ({ page, baseUrl } = app);
  });

  afterAll(() => app?.close());

  it('at 390×844 the main navigation folds behind "Menu", opens, and closes with Escape', async () => {
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const toggle = nav.getByRole('button', { name: 'Menu' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Importeren' }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Importeren' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'menu open, 390×844');
    await nav.getByRole('link', { name: 'Importeren' }).focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('aria-controls'))).toBe('main-nav-list');
  });

  it('at 390×844 long results scroll inside the panel while the map stays in view', async () => {
    await signInThroughForm(page, DEMO_USERS.member);
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const cards = page.locator(`${PANEL} section[aria-labelledby="results-persons"] ul > li`);
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(5);

    const before = await layout(page);
    console.log(`[browser] 390×844: panel ${Math.round(before.panel.height)} px (content ${before.panel.scrollHeight} px), map ${Math.round(before.map.height)} px`);
    expect(before.panel.scrollHeight).toBeGreaterThan(before.panel.clientHeight);
    expectMapInView(before, 150);
    // One column: the panel above the map, not under it.
    expect(before.panel.bottom).toBeLessThanOrEqual(before.map.top + 1);
    await expect.poll(() => page.locator('.leaflet-overlay-pane svg path').first().isVisible()).toBe(true);

    // Scrolling the panel (a finger on a phone: the wheel here) moves the results, not the map or the page.
    await page.locator(PANEL).hover();
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await layout(page)).panel.scrollTop).toBeGreaterThan(before.panel.scrollTop);
    const after = await layout(page);
    expectMapInView(after, 150);
    expect(after.map.top).toBeCloseTo(before.map.top, 0);
    await expectNoAxeViolations(page, 'results scrolled in the panel, 390×844');
  });

  it('the panel is in the tab order with a name, scrolls with the keyboard, and focus inside it stays visible', async () => {
    const panel = page.locator(PANEL);
    expect(await panel.getAttribute('tabindex')).toBe('0');
    expect(await page.getByRole('complementary', { name: 'Zoeken en resultaten' }).count()).toBe(1);

    // Reach the panel with Tab from the header, as a keyboard user would.
    await page.evaluate((selector) => (globalThis as any).document.querySelector(selector).scrollTo(0, 0), PANEL);
    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('app__panel'))).toBe(true);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await layout(page)).panel.scrollTop).toBeGreaterThan(0);

    // Tab on to a result far down: the panel scrolls it into view and its focus ring shows.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const active = (globalThis as any).document.activeElement;
        const buttons = [...(globalThis as any).document.querySelectorAll('section[aria-labelledby="results-persons"] .result-card__button')];
        return buttons.indexOf(active) >= 5;
      });
    }
    expect(reached, 'Tab reaches the sixth result').toBe(true);
    const focused = await page.evaluate((selector) => {
      const doc = (globalThis as any).document;
      const active = doc.activeElement;
      const style = (globalThis as any).getComputedStyle(active);
      const a = active.getBoundingClientRect();
      const p = doc.querySelector(selector).getBoundingClientRect();
      return { inside: a.top >= p.top && a.bottom <= p.bottom, outline: `${style.outlineStyle} ${style.outlineWidth}`, focusVisible: active.matches(':focus-visible') };
    }, PANEL);
    expect(focused.inside, 'the focused result lies inside the visible part of the panel').toBe(true);
    expect(focused.focusVisible).toBe(true);
    expect(focused.outline).not.toMatch(/^none/);
    const state = await layout(page);
    expect(state.panel.scrollTop).toBeGreaterThan(0);
    expectMapInView(state, 150);
    await expectNoAxeViolations(page, 'keyboard focus inside the scrolled panel, 390×844');
  });

  it('at 1024×600 the panel scrolls beside the map, and the page itself does not scroll', async () => {
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.evaluate((selector) => (globalThis as any).document.querySelector(selector).scrollTo(0, 0), PANEL);
    const before = await layout(page);
    console.log(`[browser] 1024×600: panel ${Math.round(before.panel.height)} px (content ${before.panel.scrollHeight} px), map ${Math.round(before.map.height)} px`);
    expect(before.panel.scrollHeight).toBeGreaterThan(before.panel.clientHeight);
    expectMapInView(before, 300);
    // Two columns: the map beside the panel.
    expect(before.map.left).toBeGreaterThanOrEqual(before.panel.right - 1);
    // The header is short here too: the navigation sits behind "Menu".
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);

    await page.locator(PANEL).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await layout(page)).panel.scrollTop).toBeGreaterThan(0);
    const after = await layout(page);
    expectMapInView(after, 300);
    expect(after.map.top).toBeCloseTo(before.map.top, 0);
    await expectNoAxeViolations(page, 'results scrolled in the panel, 1024×600');
  });

  it('on a large window the navigation shows in full, without the "Menu" button', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await nav.getByRole('link', { name: 'Importeren' }).isVisible()).toBe(true);
  });
});
