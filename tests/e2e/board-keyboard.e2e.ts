/**
 * The board by keyboard and by URL: the grid's cursor (`aria-activedescendant`) moves with the
 * arrows over rooms and nights, names what holds the night, and Enter opens that night's stay or
 * books it; the focused grid shows its focus ring on every side; the URL can name the period the
 * board opens on.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { aStay } from './support/api-client';
import { closeDialog, openBoard } from './support/board-page';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101, 102, 103] }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Karl Keys' });
});

/** The cell the grid's cursor points at: its id, and what it tells a screen reader. */
async function cursor(): Promise<{ id: string; label: string | null }> {
  const id = (await page.getByTestId('board-grid').getAttribute('aria-activedescendant')) ?? '';
  const cell = page.locator(`[id="${id}"]`);
  expect(await cell.getAttribute('role')).toBe('gridcell');
  return { id, label: await cell.getAttribute('aria-label') };
}

describe('the board by keyboard', () => {
  it('moves the cursor with the arrows, names the night, and opens the stay or books the night with Enter', async () => {
    await openBoard(page, 101);
    await page.getByTestId('board-grid').focus();
    expect((await cursor()).id).toBe(`cell-101-${hotelDay(0)}`);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const onStay = await cursor();
    expect(onStay.id).toBe(`cell-102-${hotelDay(1)}`);
    expect(onStay.label).toContain('Karl Keys');
    await page.keyboard.press('Enter');
    // The dialog loads the stay itself: wait until it shows it.
    await expect.poll(() => page.getByTestId('stay-dialog').textContent(), { timeout: UI_TIMEOUT_MS }).toContain('Karl Keys');
    await closeDialog(page, 'stay-dialog');

    await page.keyboard.press('ArrowDown');
    const free = await cursor();
    expect(free.id).toBe(`cell-103-${hotelDay(1)}`);
    expect(free.label).not.toContain('Karl Keys');
    await page.keyboard.press('Enter');
    await page.getByTestId('booking-dialog').waitFor();
    expect(await page.getByTestId('booking-room').inputValue()).toBe(String(rooms.get(103)!.id));
    expect(await page.getByTestId('booking-checkin').inputValue()).toBe(hotelDay(1));
    await closeDialog(page, 'booking-dialog');
  });

  it('shows the keyboard focus on every side of the grid, where the sticky header and room labels cannot cover it', async () => {
    await openBoard(page, 101, `#/board?from=${hotelDay(0)}&days=90`);
    const grid = page.getByTestId('board-grid');
    await grid.blur();
    await page.keyboard.press('Escape');
    // Unfocused, the border is there (the grid keeps its size) but paints nothing: a drawn border put
    // the page's layer under the whole board into the first frame's raster (docs/benchmarks.md, fortieth pass).
    expect(await page.evaluate<string[]>(`(() => {
      const s = getComputedStyle(document.querySelector('[data-testid="board-grid"]'));
      return [s.borderTopWidth, s.borderTopColor, s.borderRightColor, s.borderBottomColor, s.borderLeftColor];
    })()`)).toEqual(['2px', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await grid.focus();
    expect(await grid.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    // The ring is the grid's own border, outside the rows and the sticky header and labels (an outline
    // inside the grid was drawn under them, and lifted every row's bars into a composited layer).
    // In the page (this file has no DOM types): the grid's four border colours and width, its outline, and the desk's accent colour.
    const [ring, accent] = await page.evaluate<[string[], string]>(`(() => {
      const grid = document.querySelector('[data-testid="board-grid"]');
      const s = getComputedStyle(grid);
      const probe = document.createElement('span');
      probe.style.color = 'var(--accent)';
      grid.append(probe);
      const accent = getComputedStyle(probe).color;
      probe.remove();
      return [[s.borderTopColor, s.borderRightColor, s.borderBottomColor, s.borderLeftColor, s.borderTopWidth, s.outlineStyle], accent];
    })()`);
    expect(ring).toEqual([accent, accent, accent, accent, '2px', 'none']);
    await grid.blur();
  });

  it('opens on the start and range the URL names', async () => {
    const other = await desk.newPage();
    await openBoard(other, 101, `#/board?from=${hotelDay(-3)}&days=7`);
    const days = await other.locator('[data-testid^="day-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(days).toEqual(Array.from({ length: 7 }, (_, i) => `day-${hotelDay(i - 3)}`));
    expect(await other.getByTestId('board-from').inputValue()).toBe(hotelDay(-3));
  });
});
