import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, expectNoAxeViolations, startBrowserApp } from './support/harness.js';
import { DEMO_USERS, signInThroughForm } from './support/sign-in.js';

/**
 * Every page but the map is a chunk of its own (issue 13, page weight). When a chunk cannot be fetched (the
 * connection drops, or a new version replaced the files), the user must get a message and a way out, not an
 * empty screen.
 */
describe('a page whose code cannot be fetched', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp('page-load-failure');
    page = app.page;
  }, 120_000);
  afterAll(() => app?.close());

  it('shows a Dutch message with a reload button, and the reload brings the page once the chunk is reachable', async () => {
    await page.goto(`${app.baseUrl}/buurt/BU03440832`);
    await signInThroughForm(page, DEMO_USERS.member);
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Noord' }).waitFor();

    await page.route('**/assets/NeighbourhoodPage-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto(`${app.baseUrl}/buurt/BU03440832`);
    const alert = page.getByRole('heading', { level: 2, name: 'Deze pagina kon niet worden geladen' });
    await alert.waitFor({ timeout: 15_000 });
    // The header and navigation stay: the user can go elsewhere.
    expect(await page.getByRole('navigation').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'page chunk failed to load');

    await page.unroute('**/assets/NeighbourhoodPage-*.js');
    await page.getByRole('button', { name: 'Pagina opnieuw laden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurt Kanaleneiland-Noord' }).waitFor({ timeout: 15_000 });
  });
});
