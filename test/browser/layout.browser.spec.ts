import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * The map page on small screens. On a phone (390×844, 320 px) and at 200% zoom the page scrolls as a whole:
 * a compact header (navigation, account and language behind buttons), the search, its results first, and the
 * map as a section to open; nothing scrolls sideways, tables become lists. On a low laptop window (1024×600)
 * the panel still scrolls beside the map. Also: no layout shift on the signed-in map page, titles per page,
 * robots.txt. Page code runs as functions (the server's CSP forbids eval).
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

/** Nothing wider than the window: the page never scrolls sideways. */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: (globalThis as any).document.scrollingElement.scrollWidth as number,
    view: (globalThis as any).innerWidth as number,
  }));
  expect(widths.scroll, 'page width').toBeLessThanOrEqual(widths.view);
}

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

  it('at 390×844 the header is one short row: account and language fold behind a button that opens and closes with Escape', async () => {
    await signInThroughForm(page, DEMO_USERS.member);
    const header = await page.locator('header.app__header').boundingBox();
    console.log(`[browser] 390×844 header: ${Math.round(header!.height)} px`);
    expect(header!.height).toBeLessThanOrEqual(110);
    const toggle = page.getByRole('button', { name: 'Account en taal' });
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'account menu open, 390×844');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Account en taal');
  });

  it('at 390×844 the page scrolls as a whole, the results come first after a search, and the map is a section to open', async () => {
    await page.getByRole('tab', { name: 'Bladeren' }).click();
    await page.getByLabel('Taal', { exact: true }).fill('Somalisch');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const cards = page.locator(`${PANEL} section[aria-labelledby="results-persons"] ul > li`);
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(5);
    // Focus on the results heading, which is scrolled to the top of the window.
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('results-heading');
    const heading = await page.locator('#results-heading').boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(-1);
    expect(heading!.y).toBeLessThan(200);

    const state = await layout(page);
    console.log(`[browser] 390×844: page ${state.pageScrollHeight} px high, panel ${Math.round(state.panel.height)} px`);
    // No inner scroll box: the panel is as high as its content, and the page scrolls.
    expect(state.panel.scrollHeight).toBeLessThanOrEqual(state.panel.clientHeight + 1);
    expect(state.pageScrollHeight).toBeGreaterThan(state.viewport.height);
    await expectNoHorizontalScroll(page);

    // The map is closed until opened; then it takes most of the window and draws its neighbourhoods.
    expect(await page.locator('#map').isVisible()).toBe(false);
    const mapButton = page.getByRole('button', { name: 'Kaart tonen' });
    await mapButton.click();
    expect(await page.getByRole('button', { name: 'Kaart verbergen' }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await layout(page)).map.height).toBeGreaterThan(400);
    await expect.poll(() => page.locator('.leaflet-overlay-pane svg path').first().isVisible()).toBe(true);
    // The legend starts folded on a phone: only its button covers the map.
    const legend = await page.locator('.map-legend').boundingBox();
    expect(legend!.height).toBeLessThan(60);
    expect(await page.getByRole('button', { name: 'Legenda tonen' }).getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(page, 'results and map, 390×844');
  });

  it('at 1024×600 the panel scrolls beside the map, and the page itself does not scroll', async () => {
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.evaluate((selector) => (globalThis as any).document.querySelector(selector).scrollTo(0, 0), PANEL);
    const before = await layout(page);
    console.log(
      `[browser] 1024×600: panel ${Math.round(before.panel.height)} px (content ${before.panel.scrollHeight} px), map ${Math.round(before.map.height)} px`,
    );
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
  it('at 320 px wide nothing scrolls sideways: the map page, the review queue and a buurt page with its contact history', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    for (const path of ['/controle', '/buurt/BU03440832']) {
      await page.goto(baseUrl + path);
      await expect.poll(() => page.locator('main h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    }
    // The review queue's rows are a list of cards here: one below the other, each as wide as the page.
    const rows = page.locator('.record-table tbody tr');
    await page.goto(baseUrl + '/controle');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const [a, b] = [await rows.nth(0).boundingBox(), await rows.nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
    await page.goto(baseUrl + '/');
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('at 200% zoom (1280×900 shown at twice the size) the phone layout applies and the legend folds away', async () => {
    // 200% zoom of a 1280×900 window is a 640×450 CSS viewport.
    await page.setViewportSize({ width: 640, height: 450 });
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.getByRole('tab', { name: 'Zoek een partner' }).count(), { timeout: 15_000 }).toBe(1);
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Kaart tonen' }).click();
    await expect.poll(async () => (await layout(page)).map.height).toBeGreaterThan(250);
    const legendButton = page.getByRole('button', { name: 'Legenda tonen' });
    expect(await legendButton.getAttribute('aria-expanded')).toBe('false');
    await legendButton.click();
    // Open, it stays inside the map and scrolls itself rather than run off it.
    const [legend, map] = [await page.locator('.map-legend').boundingBox(), await page.locator('#map').boundingBox()];
    expect(legend!.y + legend!.height).toBeLessThanOrEqual(map!.y + map!.height + 1);
    expect(await page.getByText('Gestreepte cirkel: het zoekgebied', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Legenda verbergen' }).click();
    await expectNoAxeViolations(page, 'map page at 200% zoom');
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('the signed-in pages do not shift while they load (CLS < 0.1): map, buurt page and Bereik, on a desktop and on a phone', async () => {
    page.on('console', (m) => {
      if (m.text().startsWith('shift')) console.log(m.text());
    });
    // The buurt page once rendered its analysis after the rest (a second query started late) and pushed the page down: 0.32 on a phone.
    const pages = [
      { path: '/', ready: () => page.getByRole('tab', { name: 'Zoek een partner' }) },
      { path: '/buurt/BU03440832', ready: () => page.getByRole('heading', { level: 2, name: 'Vaste contactpersonen' }) },
      { path: '/bereik', ready: () => page.getByRole('heading', { level: 1 }) },
    ];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      for (const target of pages) {
        await page.goto(baseUrl + target.path);
        await expect.poll(() => target.ready().count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        const cls = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let total = 0;
              new (globalThis as any).PerformanceObserver((list: any) => {
                for (const entry of list.getEntries()) {
                  if (entry.hadRecentInput) continue;
                  total += entry.value;
                  const sources = (entry.sources ?? []).map(
                    (s: any) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`,
                  );
                  console.log(`shift ${entry.value.toFixed(3)} at ${Math.round(entry.startTime)}ms: ${sources.join(' | ')}`);
                }
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 500);
            }),
        );
        console.log(`[browser] CLS of ${target.path} (signed in) at ${viewport.width}×${viewport.height}: ${cls.toFixed(3)}`);
        expect(cls, `CLS of ${target.path} at ${viewport.width}×${viewport.height}`).toBeLessThan(0.1);
      }
    }
  });

  it('every page has its own title, signed-out pages an h1, and robots.txt keeps crawlers out', async () => {
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.title()).toBe('Kaart en zoeken – Sociale kaart');
    await page.goto(baseUrl + '/controle');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toMatch(/^Controle.* – Sociale kaart$/);
    await page.goto(baseUrl + '/buurt/BU03440832');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('Buurt Kanaleneiland-Noord – Sociale kaart');
    // Signed out, the page still has its h1 and title above the sign-in form.
    await page.context().clearCookies();
    await page.goto(baseUrl + '/buurt/BU03440832');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Noord' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.title()).toBe('Buurt Kanaleneiland-Noord – Sociale kaart');
    await expectNoAxeViolations(page, 'signed-out buurt page');

    const robots = await fetch(baseUrl + '/robots.txt');
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/^User-agent: \*\s+Disallow: \/\s*$/);
  });
});
