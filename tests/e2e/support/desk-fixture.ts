/**
 * One e2e test file's world: a real `npm run serve` on a fresh data folder, the API as another
 * client, and Debian's Chromium. Started once per file (beforeAll) and torn down in afterAll; each
 * page gets its own browser context (its own storage, like another desk PC).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, localDate } from '../../../shared/time';
import { createApiClient, HOTEL_ZONE, type ApiClient } from './api-client';
import { launchChromium } from './chromium';
import { startServe, type ServeProcess } from './serve-process';

/** Long enough for a slow CI machine, short enough that a missing element fails the test quickly. */
export const UI_TIMEOUT_MS = 15_000;

export interface Desk {
  serve: ServeProcess;
  api: ApiClient;
  browser: Browser;
  /** Uncaught exceptions in any page: a test file ends by checking there were none. */
  pageErrors: string[];
  /** A fresh browser context and page on the desk's URL (not yet loaded). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openDesk(options: { demo?: boolean } = {}): Promise<Desk> {
  const [serve, browser] = await Promise.allSettled([startServe({ demo: options.demo }), launchChromium()]);
  if (serve.status === 'rejected' || browser.status === 'rejected') {
    if (serve.status === 'fulfilled') await serve.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw serve.status === 'rejected' ? serve.reason : (browser as PromiseRejectedResult).reason;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    serve: serve.value,
    api: createApiClient(serve.value.url),
    browser: browser.value,
    pageErrors,
    async newPage() {
      const context = await browser.value.newContext({ viewport: { width: 1440, height: 900 }, baseURL: serve.value.url, acceptDownloads: true });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      contexts.push(context);
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
