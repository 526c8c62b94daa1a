/**
 * The board's stay query as columns (db/queries/board-queries.ts), on both engines. The window is
 * asked in ranges of check-in time, a part per BOARD_PART_DAYS days, and the parts joined (at once on
 * PostgreSQL, in turn on SQLite): a stay whose check-in falls on a split, or a millisecond either side
 * of one, is there exactly once, in order, however many parts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { boardParts, boardSplits, boardStays } from '../../../db/queries/board-queries';
import { insertRoom } from '../../../db/queries/room-queries';
import { insertStay } from '../../../db/queries/stay-queries';
import { STAY_STATUSES, type StayStatus } from '../../../shared/rules/stay-rules';
import { dayNumber, nightsBetween, parseDate } from '../../../shared/time';
import { openTestDatabase } from '../../support/test-database';

const DAY = 86_400_000;
const MAX_STAY = 92 * DAY;
const START = Date.UTC(2026, 4, 1);
const END = START + 90 * DAY;

let db: Database;
let close: () => Promise<void>;
let rooms = 0;
const roomOf = new Map<string, number>();

const iso = (ms: number) => new Date(ms).toISOString();
/** `date`'s day number as shared/time counts it: what the query's day columns must hold. */
const day = (date: string) => dayNumber(parseDate(date.slice(0, 10)));

/**
 * A stay whose check-in is at `checkinMs`, in a room of its own (PostgreSQL refuses overlapping stays
 * in one room); its stored local date-times are the instants' UTC text unless given.
 */
async function stay(name: string, checkinMs: number, checkoutMs: number, status: StayStatus = 'booked', text?: { checkin: string; checkout: string }): Promise<number> {
  const roomId = await insertRoom(db, { category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 1, housekeeping: 'clean', active: true, number: 101 + rooms++ }, 0);
  roomOf.set(name, roomId);
  return await insertStay(db, {
    roomId, category: 'Standard double room', guestName: name, guestEmail: null, guestPhone: null, guests: 2,
    checkin: text?.checkin ?? iso(checkinMs), checkout: text?.checkout ?? iso(checkoutMs), checkinMs, checkoutMs, nights: 1, status, price: 0, notes: '',
    createdBy: 'test', createdAt: 0, updatedAt: 0, ownerId: null,
  });
}

beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
  rooms = 0;
  roomOf.clear();
});

afterEach(() => close());

describe('boardParts', () => {
  it('asks a window in a part per BOARD_PART_DAYS (21) of its days, at least one', () => {
    expect(boardParts(START, END)).toBe(5);
    expect(boardParts(START, START + 21 * DAY)).toBe(1);
    expect(boardParts(START, START + 22 * DAY)).toBe(2);
    expect(boardParts(START, START + 1 * DAY)).toBe(1);
    expect(boardSplits(START, END)).toHaveLength(6);
  });

  it("counts a window's days, not its hours: a 21-day window across a DST change (an hour longer or shorter) is one part", () => {
    const hour = 3_600_000;
    expect(boardParts(START, START + 21 * DAY + hour)).toBe(1);
    expect(boardParts(START, START + 21 * DAY - hour)).toBe(1);
  });
});

describe('boardStays', () => {
  it('answers an empty window with empty columns', async () => {
    expect(await boardStays(db, START, END, MAX_STAY)).toEqual({ id: [], roomId: [], guestName: [], guests: [], checkinDay: [], checkoutDay: [], status: [] });
  });

  it('has every stay once, in check-in order, whichever split its check-in falls on or beside', async () => {
    const splits = boardSplits(START, END).slice(1, -1);
    expect(splits.length).toBeGreaterThan(0);
    const wanted: [string, number][] = [['first', START - MAX_STAY + 1], ['last', END - 1]];
    for (const [k, at] of splits.entries()) for (const d of [-1, 0, 1]) wanted.push([`split ${k} ${d}`, at + d]);
    // Inserted latest first, so the rows' order on disk is not the answer's.
    for (const [name, at] of [...wanted].reverse()) await stay(name, at, Math.max(at, START) + DAY);
    await stay('cancelled', splits[0]!, splits[0]! + DAY, 'cancelled');
    await stay('before the window', START - MAX_STAY - 1, START + DAY);
    await stay('ended before the window', START - 2 * DAY, START);
    await stay('at the end', END, END + DAY);

    const c = await boardStays(db, START, END, MAX_STAY);
    const order = [...wanted].sort((a, b) => a[1] - b[1]).map(([name]) => name);
    expect(c.guestName).toEqual(order);
    expect(c.checkinDay).toEqual(order.map((name) => day(iso(wanted.find(([n]) => n === name)![1]))));
    expect(new Set(c.id).size).toBe(order.length);
    expect(c.roomId).toEqual(order.map((name) => roomOf.get(name)));
    expect(c.guests).toEqual(order.map(() => 2));
    expect(c.status).toEqual(order.map(() => STAY_STATUSES.indexOf('booked')));
    // Whole, or in more parts than the engine's own: the same columns.
    for (const parts of [1, 7]) expect(await boardStays(db, START, END, MAX_STAY, parts)).toEqual(c);
  });

  it("gives each stay's status as its index in STAY_STATUSES (the contract's BoardStays.status)", async () => {
    const shown = STAY_STATUSES.filter((s) => s !== 'cancelled');
    for (const [k, status] of shown.entries()) await stay(status, START + k * DAY, START + (k + 1) * DAY, status);
    const c = await boardStays(db, START, END, MAX_STAY);
    expect(c.guestName).toEqual(shown);
    expect(c.status).toEqual(shown.map((s) => STAY_STATUSES.indexOf(s)));
    expect(c.checkoutDay).toEqual(shown.map((_, k) => day(iso(START + (k + 1) * DAY))));
  });

  it("gives each stay's local check-in and check-out dates as shared/time's day numbers, across leap days, centuries and DST changes", async () => {
    // The stored texts are the hotel's local date-times; the day is their date, whatever the offset.
    const texts = [
      { checkin: '1969-12-31T15:00:00-05:00', checkout: '1970-01-01T11:00:00-05:00' },
      { checkin: '1999-12-31T23:30:00+01:00', checkout: '2000-01-01T00:30:00+01:00' },
      { checkin: '2000-02-28T15:00:00+01:00', checkout: '2000-03-01T11:00:00+01:00' },
      { checkin: '2024-02-28T15:00:00+01:00', checkout: '2024-03-01T11:00:00+01:00' },
      { checkin: '2026-03-28T15:00:00+01:00', checkout: '2026-03-30T11:00:00+02:00' },
      { checkin: '2026-10-24T15:00:00+02:00', checkout: '2026-10-26T11:00:00+01:00' },
      { checkin: '2100-02-28T15:00:00+01:00', checkout: '2100-03-01T11:00:00+01:00' },
    ];
    // The instants only place the stays in the window, in this order.
    for (const [k, text] of texts.entries()) await stay(text.checkin, START + k * DAY, START + (k + 1) * DAY, 'booked', text);
    const c = await boardStays(db, START, END, MAX_STAY);
    expect(c.guestName).toEqual(texts.map((t) => t.checkin));
    expect(c.checkinDay).toEqual(texts.map((t) => day(t.checkin)));
    expect(c.checkoutDay).toEqual(texts.map((t) => day(t.checkout)));
    // The nights the board draws: 1, 1, 2 (2000 a leap year), 2, 2 over the spring change, 2 over the autumn one, 1 (2100 none).
    expect(c.checkoutDay.map((out, i) => out - c.checkinDay[i]!)).toEqual(texts.map((t) => nightsBetween(t.checkin.slice(0, 10), t.checkout.slice(0, 10))));
    expect(c.checkinDay.slice(0, 2)).toEqual([-1, 10_956]);
  });
});
