/**
 * The desk's search and worklists (core/desk/desk-service.ts). The search reads the trigram FTS5
 * table `stay_search` on SQLite (migration 0007, kept in each change's transaction: stay-search-index.ts) and a trigram GIN
 * index on PostgreSQL (see stayHitsByText); the worklists read the partial
 * index `stays_in_house_idx` (checked-in stays by departure) and `stays_checkin_idx` (today's arrivals).
 */
import type { SearchHit, WorkItem, WorkTodo } from '../../shared/contract/desk';
import type { Db } from '../database';
import type { guestRooms, stays } from '../schema';
import { likePattern } from './like-pattern';
import type { RowPick } from './row-types';

type HitRow = Omit<SearchHit, 'matched'>;

const HIT_SELECT = `
  SELECT s.id AS "stayId", s.room_id AS "roomId", r.number AS "roomNumber", s.guest_name AS "guestName", s.guest_email AS "guestEmail",
         s.guest_phone AS "guestPhone", substr(s.checkin, 1, 10) AS "checkinDate", substr(s.checkout, 1, 10) AS "checkoutDate", s.status
  FROM stays s JOIN guest_rooms r ON r.id = s.room_id`;

/**
 * The order of hits: guests in house, then stays not yet over, then the rest; within each, the stay
 * nearest to now first. `@now` is the clock's instant.
 */
const HIT_ORDER = `ORDER BY (s.status = 'checked_in') DESC, (s.status = 'booked' AND s.checkout_ms > @now) DESC, abs(s.checkin_ms - @now), s.id DESC`;

export async function stayHitById(db: Db, id: number): Promise<HitRow | undefined> {
  return await db.get<HitRow>(`${HIT_SELECT} WHERE s.id = +?`, id);
}

/** Stays in room `number` (by the unique room number index, then the room's own stays), nearest first. */
export async function stayHitsByRoom(db: Db, number: number, now: number, limit: number): Promise<HitRow[]> {
  return await db.all<HitRow>(`${HIT_SELECT} WHERE r.number = @number ${HIT_ORDER} LIMIT @limit`, { number, now, limit });
}

/** The search words as an FTS5 query: each a quoted phrase (its own `"` doubled), all of which must match. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * Stays where each of `terms` (3 characters or more, built by the service) is a part of the guest's
 * name, e-mail or phone digits, without regard to case or accents, in HIT_ORDER. SQLite: the trigram
 * FTS5 table `stay_search` (migration 0007). PostgreSQL: `frontdesk_search_doc` under its trigram GIN
 * index, folded as SQLite's tokenizer folds (postgres migration 0001), so both find the same stays.
 */
export async function stayHitsByText(db: Db, terms: readonly string[], now: number, limit: number): Promise<HitRow[]> {
  if (db.dialect === 'sqlite') {
    return await db.all<HitRow>(`${HIT_SELECT} WHERE s.id IN (SELECT rowid FROM stay_search WHERE stay_search MATCH @match) ${HIT_ORDER} LIMIT @limit`, { match: ftsQuery(terms), now, limit });
  }
  const params: Record<string, string | number> = { now, limit };
  const where = terms.map((term, i) => {
    params[`t${i}`] = likePattern(term);
    return `frontdesk_search_doc(s.guest_name, s.guest_email, s.guest_phone) LIKE frontdesk_search_fold(@t${i}) ESCAPE '\\'`;
  });
  return await db.all<HitRow>(`${HIT_SELECT} WHERE ${where.join(' AND ')} ${HIT_ORDER} LIMIT @limit`, params);
}

/**
 * A worklist row: a stay's columns and its room's housekeeping, plus what the query computes or
 * renames: `stayId` (the stay's id), `roomNumber` (joined), the local dates (`substr` of the instants).
 */
type WorkRow = RowPick<typeof stays, 'roomId' | 'guestName' | 'guests' | 'checkin' | 'checkout' | 'status' | 'checkoutMs'> &
  RowPick<typeof guestRooms, 'housekeeping'> & {
    stayId: number;
    roomNumber: number;
    checkinDate: string;
    checkoutDate: string;
    /** Another stay still checked in in the same room (arrivals only). */
    occupied: number;
  };

const WORK_SELECT = `
  SELECT s.id AS "stayId", s.room_id AS "roomId", r.number AS "roomNumber", r.housekeeping, s.guest_name AS "guestName", s.guests,
         s.checkin, s.checkout, substr(s.checkin, 1, 10) AS "checkinDate", substr(s.checkout, 1, 10) AS "checkoutDate", s.status,
         s.checkout_ms AS "checkoutMs"`;

function roomTodo(row: WorkRow, todo: WorkTodo[]): void {
  if (row.housekeeping === 'out_of_order') todo.push('room_out_of_order');
  else if (row.housekeeping === 'dirty') todo.push('room_not_clean');
}

/**
 * Booked stays arriving in `[dayStartMs, dayEndMs)`, by room: a range of `stays_checkin_idx`. What is
 * left: the check-in, and whatever stands in its way (the room's housekeeping, a guest still in it).
 */
export async function arrivalsOn(db: Db, dayStartMs: number, dayEndMs: number): Promise<WorkItem[]> {
  const rows = await db.all<WorkRow>(`${WORK_SELECT},
       EXISTS (SELECT 1 FROM stays o INDEXED BY stays_in_house_idx WHERE o.status = 'checked_in' AND o.room_id = s.room_id AND o.id <> s.id) AS occupied
     FROM stays s JOIN guest_rooms r ON r.id = s.room_id
     WHERE s.checkin_ms >= ? AND s.checkin_ms < ? AND s.status = 'booked'
     ORDER BY s.checkin_ms, r.number`, dayStartMs, dayEndMs);
  return rows.map((row) => {
    const todo: WorkTodo[] = ['check_in'];
    roomTodo(row, todo);
    if (row.occupied) todo.push('room_occupied');
    return toItem(row, todo);
  });
}

/**
 * Every checked-in stay, by departure (the partial index `stays_in_house_idx`). The departures are
 * those whose checkout falls before `dayEndMs`; one whose checkout is before `dayStartMs` is overdue.
 */
export async function inHouseStays(db: Db, dayStartMs: number, dayEndMs: number): Promise<{ departures: WorkItem[]; inHouse: WorkItem[] }> {
  const rows = await db.all<WorkRow>(`${WORK_SELECT}, 0 AS occupied
     FROM stays s INDEXED BY stays_in_house_idx JOIN guest_rooms r ON r.id = s.room_id
     WHERE s.status = 'checked_in'
     ORDER BY s.checkout_ms, r.number`);
  const departures: WorkItem[] = [];
  const inHouse: WorkItem[] = [];
  for (const row of rows) {
    const overdue = row.checkoutMs < dayStartMs;
    const leaving = row.checkoutMs < dayEndMs;
    const todo: WorkTodo[] = leaving ? ['check_out'] : [];
    if (overdue) todo.push('overdue');
    const item = toItem(row, todo);
    inHouse.push(item);
    if (leaving) departures.push(item);
  }
  return { departures, inHouse };
}

function toItem(row: WorkRow, todo: WorkTodo[]): WorkItem {
  const { checkoutMs: _ms, occupied: _o, ...rest } = row;
  return { ...rest, todo };
}
