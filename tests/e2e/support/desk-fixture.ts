/**
 * One e2e test file's world: a real `npm run serve` on a fresh data folder, the API as the admin,
 * and Debian's Chromium. Started once per file (beforeAll) and torn down in afterAll; each page gets
 * its own browser context (its own storage, like another desk PC).
 *
 * Serve creates its first admin from FRONTDESK_ADMIN_PASSWORD (no forced change), as an automated
 * install does; `firstRun: true` starts it without, so the admin is `admin`/`admin` and must change
 * it. Pages open signed in as the admin (the token put into this tab's sessionStorage before the
 * app loads, as a sign-in leaves it), as another user, or signed out; sign-in through the form
 * itself is tested in its own file.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, localDate } from '../../../shared/time';
import { createApiClient, HOTEL_ZONE, signIn, type ApiClient } from './api-client';
import { launchChromium } from './chromium';
import { startServe, type ServeProcess } from './serve-process';
import type { PageStorage } from './session-page';

/** Long enough for a slow CI machine, short enough that a missing element fails the test quickly. */
export const UI_TIMEOUT_MS = 15_000;

/** The first admin's password in every serve started with it (it passes the password policy). */
export const E2E_ADMIN_PASSWORD = 'e2e-Admin-pass-2026';
/** Where the renderer keeps a browser tab's token (renderer/src/transport/session-token.ts). */
export const SESSION_TOKEN_KEY = 'frontdesk.token';

export interface Desk {
  serve: ServeProcess;
  /** The admin's API client; anonymous when the desk started on its first run (admin/admin to change). */
  api: ApiClient;
  browser: Browser;
  /** Uncaught exceptions in any page: a test file ends by checking there were none. */
  pageErrors: string[];
  /**
   * A fresh browser context and page on the desk's URL (not yet loaded), signed in with `token`
   * (default: the admin's), or signed out with null.
   */
  newPage(options?: { token?: string | null; viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/** `env`: more of serve's environment (`TZ: 'UTC'` for a server on UTC). */
export async function openDesk(options: { demo?: boolean; firstRun?: boolean; env?: Record<string, string> } = {}): Promise<Desk> {
  const env: Record<string, string> = { ...(options.firstRun ? {} : { FRONTDESK_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD }), ...options.env };
  const [serve, browser] = await Promise.allSettled([startServe({ demo: options.demo, env }), launchChromium()]);
  if (serve.status === 'rejected' || browser.status === 'rejected') {
    if (serve.status === 'fulfilled') await serve.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw serve.status === 'rejected' ? serve.reason : (browser as PromiseRejectedResult).reason;
  }
  const url = serve.value.url;
  let api: ApiClient;
  try {
    api = options.firstRun ? createApiClient(url) : (await signIn(url, 'admin', E2E_ADMIN_PASSWORD)).api;
  } catch (e) {
    await serve.value.stop();
    await browser.value.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    serve: serve.value,
    api,
    browser: browser.value,
    pageErrors,
    async newPage(pageOptions = {}) {
      const token = pageOptions.token === undefined ? api.token : pageOptions.token;
      const context = await browser.value.newContext({ viewport: pageOptions.viewport ?? { width: 1440, height: 900 }, baseURL: url, acceptDownloads: true });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      contexts.push(context);
      if (token) {
        await context.addInitScript(
          ([key, value]) => {
            try {
              (globalThis as unknown as PageStorage).sessionStorage.setItem(key, value);
            } catch {
              // about:blank and other opaque origins have no storage; the desk's page does
            }
          },
          [SESSION_TOKEN_KEY, token] as const,
        );
      }
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.value.close().catch(() => undefined);
      await serve.value.stop();
    },
  };
}

/** Today at the hotel (the board's first column), and days from it. */
export function hotelDay(offset = 0, nowMs = Date.now()): string {
  const today = localDate(nowMs, HOTEL_ZONE);
  return offset === 0 ? today : addDays(today, offset);
}
