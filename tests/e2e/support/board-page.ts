/**
 * The front desk board as a user sees it, through the renderer's data-testids: open it, click a
 * room's night, find its stay bars, and check where a bar sits. The board has no element per night
 * (a row is one element with its bars on it): a night is where its day column (the `day-<date>`
 * header, same x and width) crosses the room's row. Waits are Playwright's bounded auto-waits.
 */
import type { Locator, Page } from 'playwright-core';
import { addDays } from '../../../shared/time';

/**
 * Loads the desk and waits until the board has rows and the live feed (/ws) is connected; `hash`
 * may name the period (`#/board?from=2026-05-01&days=7`).
 */
export async function openBoard(page: Page, firstRoom: number, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await page.getByTestId(`room-row-${firstRoom}`).waitFor();
  await waitForLive(page);
}

export async function waitForLive(page: Page): Promise<void> {
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
}

/** The day's column header: its x and width are the column's. */
export function dayColumn(page: Page, date: string): Locator {
  return page.getByTestId(`day-${date}`);
}

/**
 * Clicks a room's night the way a user does, by default in the right half of its column (`at` 0.75):
 * a free night is free there even when a stay leaves that morning (its bar ends mid-column). A stay
 * with no nights has its marker there, so its free night is clicked in the left half (`at` 0.25).
 */
export async function clickNight(page: Page, room: number, date: string, at = 0.75): Promise<void> {
  const row = page.getByTestId(`room-row-${room}`);
  const [day, box] = [await dayColumn(page, date).boundingBox(), await row.boundingBox()];
  if (!day || !box) throw new Error(`room ${room} on ${date} is not on the board`);
  await row.click({ position: { x: day.x - box.x + day.width * at, y: box.height / 2 } });
}

export function stayBar(page: Page, id: number): Locator {
  return page.getByTestId(`stay-bar-${id}`);
}

/** Opens a stay's dialog from its bar and waits until the stay, in that status, is loaded in it. */
export async function openStayDialog(page: Page, id: number, status: string): Promise<Locator> {
  await stayBar(page, id).click();
  const dialog = page.getByTestId('stay-dialog');
  await dialog.locator(`[data-testid="stay-status"][data-status="${status}"]`).waitFor();
  return dialog;
}

/** Every stay bar drawn in a room's row. */
export function barsInRow(page: Page, room: number): Locator {
  return page.getByTestId(`room-row-${room}`).locator('[data-testid^="stay-bar-"]');
}

/** The bar in that row only once it shows that status. */
export function barWithStatus(page: Page, room: number, id: number, status: string): Locator {
  return page.getByTestId(`room-row-${room}`).locator(`[data-testid="stay-bar-${id}"][data-status="${status}"]`);
}

export function stayIdOf(bar: Locator): Promise<number> {
  return bar.getAttribute('data-testid').then((testId) => Number(/^stay-bar-(\d+)$/.exec(testId ?? '')?.[1]));
}

/**
 * The nights a bar covers, read back from where it is drawn: the board draws a stay from the middle
 * of its arrival column to the middle of its departure column (less a 2 px gap at each end). Null
 * while the bar is not on screen. Poll it (`expect.poll`) to wait for a re-drawn bar.
 */
export async function barDates(page: Page, bar: Locator, boardFrom: string): Promise<{ checkin: string; checkout: string } | null> {
  const first = await dayColumn(page, boardFrom).boundingBox({ timeout: 1_000 }).catch(() => null);
  const box = await bar.boundingBox({ timeout: 1_000 }).catch(() => null);
  if (!first || !box) return null;
  const dayWidth = first.width;
  const start = Math.round((box.x - first.x - dayWidth / 2) / dayWidth);
  const nights = Math.round(box.width / dayWidth);
  return { checkin: addDays(boardFrom, start), checkout: addDays(boardFrom, start + nights) };
}

/** Closes whatever dialog is open, as Escape does for a user, and waits until it is gone. */
export async function closeDialog(page: Page, testId: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId(testId).waitFor({ state: 'detached' });
}
