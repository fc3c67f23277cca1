import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The demo users of seeds/demo (password `demo`), by role. */
export const DEMO_USERS = {
  administrator: { email: 'beheerder@example.org', password: 'demo' },
  coordinator: { email: 'coordinator@example.org', password: 'demo' },
  member: { email: 'medewerker@example.org', password: 'demo' },
  policyOfficer: { email: 'beleid@example.org', password: 'demo' },
} as const;

export type DemoUser = (typeof DEMO_USERS)[keyof typeof DEMO_USERS];

/**
 * Sign in through the sign-in form on the current page, as a person would: fields by their labels, the
 * button by its name; resolves once the header names the user. The session cookie is then the browser
 * context's, so other pages of the same context are signed in too.
 */
export async function signInThroughForm(page: Page, user: DemoUser): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Inloggen', level: 2 }).count(), { timeout: 15_000 }).toBe(1);
  await page.getByLabel('E-mailadres', { exact: true }).fill(user.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect.poll(() => page.getByText(`Ingelogd als ${user.email}`).count(), { timeout: 15_000 }).toBe(1);
}
