/** The sign-in and password screens as a user sees them, through the renderer's data-testids. */
import type { Page } from 'playwright-core';
import { SESSION_TOKEN_KEY, type Desk } from './desk-fixture';

/**
 * Picks English on the sign-in screen: before sign-in the hotel's language is unknown (its settings
 * need a session), so the desk starts in Danish unless this machine chose otherwise.
 */
export async function chooseEnglish(page: Page): Promise<void> {
  await page.getByTestId('lang-en').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

/** A new signed-out page on the desk, at its sign-in screen, in English. */
export async function openSignIn(desk: Pick<Desk, 'newPage'>): Promise<Page> {
  const page = await desk.newPage({ token: null });
  await page.goto('/');
  await page.getByTestId('sign-in').waitFor();
  await chooseEnglish(page);
  return page;
}

/** Fills the sign-in form and submits it with Enter, as a user at the desk does. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in').waitFor();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-password').press('Enter');
}

/** The signed-in user and role the header shows, once it shows them. */
export async function headerUser(page: Page): Promise<{ name: string | null; role: string | null }> {
  const user = page.getByTestId('session-user');
  await user.waitFor();
  return { name: await user.locator('.session-name').textContent(), role: await user.getAttribute('data-role') };
}

/** What page scripts here use of the browser's sessionStorage (the tests compile without the DOM library). */
export interface PageStorage {
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** The token the page's tab holds (null when signed out). */
export function storedToken(page: Page): Promise<string | null> {
  return page.evaluate((key) => (globalThis as unknown as PageStorage).sessionStorage.getItem(key), SESSION_TOKEN_KEY);
}
