/**
 * A desk test file's world: a desk (desk-fixture.ts) with the hotel set up and its guest rooms, one
 * page signed in as the admin, and the board open on it when asked; closed after the file, which
 * then checks that no page threw. Called at the top of a test file, it registers the file's
 * beforeAll and afterAll, hands the desk and the page over once they are open, and returns the
 * rooms by number (filled by the time the tests run).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Room } from '../../../shared/contract/rooms';
import { aRoom, setUpHotel } from './api-client';
import { openBoard } from './board-page';
import { openDesk, type Desk } from './desk-fixture';

type RoomFields = Parameters<typeof aRoom>[2];

export interface HotelDeskOptions {
  /** The guest rooms to make, by number; with their own fields where they differ from aRoom's. */
  rooms: readonly (number | readonly [number, RoomFields])[];
  /** The hotel's settings where they differ from setUpHotel's (a Danish desk). */
  settings?: Parameters<typeof setUpHotel>[1];
  /** Opens the board on the page, waiting for this room's row; a file that books first opens it itself. */
  boardAt?: number;
}

export function hotelDeskPerFile(options: HotelDeskOptions, opened: (world: { desk: Desk; page: Page }) => void): Map<number, Room> {
  const rooms = new Map<number, Room>();
  let desk: Desk | undefined;
  beforeAll(async () => {
    desk = await openDesk();
    await setUpHotel(desk.api, options.settings);
    for (const room of options.rooms) {
      const [n, fields] = typeof room === 'number' ? [room, {}] : room;
      rooms.set(n, await aRoom(desk.api, n, fields));
    }
    const page = await desk.newPage();
    opened({ desk, page });
    if (options.boardAt !== undefined) await openBoard(page, options.boardAt);
  });
  afterAll(async () => {
    await desk?.close();
    expect(desk?.pageErrors ?? []).toEqual([]);
  });
  return rooms;
}
