/**
 * Danish and English: the desk follows the hotel's language until someone picks one in the header;
 * the pick changes the labels at once and is remembered on this machine. Runs on the demo hotel
 * (`serve --demo`), whose board is also saved as a screenshot for a look by eye.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import { setUpHotel } from './support/api-client';
import { openBoard } from './support/board-page';
import { openDesk, type Desk } from './support/desk-fixture';

const BOARD_SCREENSHOT = '/tmp/e2e-board.png';

let desk: Desk;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ demo: true });
  await setUpHotel(desk.api, { locale: 'da' });
  const [firstRoom] = (await desk.api.call<Room[]>('GET', '/api/v1/rooms')).sort((a, b) => a.floor - b.floor || a.number - b.number);
  page = await desk.newPage();
  await openBoard(page, firstRoom!.number);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

async function labels(p: Page) {
  return {
    lang: await p.locator('html').getAttribute('lang'),
    board: await p.getByTestId('nav-board').textContent(),
    newStay: await p.getByTestId('new-stay').textContent(),
    today: await p.getByTestId('board-today').textContent(),
  };
}

describe('the UI language', () => {
  it('starts in the hotel’s Danish, switches to English and back from the header, and remembers the choice', async () => {
    expect(await labels(page)).toEqual({ lang: 'da', board: 'Oversigt', newStay: 'Nyt ophold', today: 'I dag' });

    await page.getByTestId('lang-en').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await labels(page)).toEqual({ lang: 'en', board: 'Board', newStay: 'New stay', today: 'Today' });
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: BOARD_SCREENSHOT });

    await page.reload();
    await page.getByTestId('new-stay').waitFor();
    // The hotel still says Danish; this desk's own choice wins.
    await page.getByTestId('hotel-name').filter({ hasText: 'Hotel E2E' }).waitFor();
    expect(await labels(page)).toMatchObject({ lang: 'en', board: 'Board' });

    await page.getByTestId('lang-da').click();
    await page.locator('html[lang="da"]').waitFor({ state: 'attached' });
    expect(await labels(page)).toEqual({ lang: 'da', board: 'Oversigt', newStay: 'Nyt ophold', today: 'I dag' });
  });
});
