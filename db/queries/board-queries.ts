/**
 * The front-desk board: one window of rooms × days. **Hot path** (300 rooms × 90 days on years of
 * history): the SQL names its output columns as the API does and cuts the local dates out of the
 * stored timestamps, so rows need no per-row parsing or Intl call.
 */
import type { BoardBlock, BoardStay } from '../../shared/contract/board';
import { STAY_STATUSES } from '../../shared/rules/stay-rules';
import type { Db } from '../database';

/**
 * Every table the board reads (its queries here and `listRooms`): the board is kept while none of
 * them is written (core/read-memo.ts). tests/db/queries/board-queries.tables.sqlite.test.ts reads
 * the tables from each query's plan, so a query that reads another table fails it until it is named.
 */
export const BOARD_TABLES = ['guest_rooms', 'stays', 'room_blocks'] as const;

/**
 * The window's stays as columns, in the board's order: the contract's `BoardStay` fields, one array
 * each, position `i` of every array the same stay; `status` already as the contract's index into
 * `STAY_STATUSES`; the check-in and check-out dates (the hotel's local dates the stay was booked
 * with) as day numbers, shared/time's `dayNumber` (days since 1970-01-01). The service turns them
 * into the contract's day offsets and nights with two subtractions.
 */
export interface BoardStayColumns {
  id: BoardStay['id'][];
  roomId: BoardStay['roomId'][];
  guestName: BoardStay['guestName'][];
  guests: BoardStay['guests'][];
  checkinDay: number[];
  checkoutDay: number[];
  status: number[];
}

/** SQLite's answer to BOARD_STAY_COLUMNS_SQLITE: each column as the JSON text of an array. */
type BoardStayColumnTexts = Record<keyof BoardStayColumns, string>;

/**
 * Stays overlapping `[startMs, endMs)`, cancelled ones left out; a no-show stays on the board so the
 * desk sees it. `checkin_ms > start - maxStayMs` bounds the scan of `stays_checkin_idx` to the window
 * plus one maximum stay (no stay is longer, so none that overlaps starts earlier). In the index's
 * order, written out so both engines answer in the same order: SQLite's index ends with the rowid
 * (no sort), PostgreSQL reads its own `stays_board_idx` in that order (an index-only scan,
 * db/migrations/postgres/0005_board_index.sql); without it PostgreSQL orders ties of
 * (checkin_ms, checkout_ms) by where the rows lie, which moves when a row is updated.
 *
 * `checkout_ms - ? > 0`, not `checkout_ms > ?`: PostgreSQL's planner takes two ranges on two
 * columns as independent, and checkout follows checkin, so it expected 1 700 rows of 19 000 and
 * chose stays_checkin_idx with a sort (fetching every row, 52 ms) over the board index (29 ms); an
 * expression gets a default share (13 000 expected). SQLite's plan is the same either way (its
 * bytecode tests checkout_ms on the index entry before it reads the row), and needs no sort
 * (tests/db/engine/sqlite-engine.query-plans.sqlite.test.ts).
 *
 * **How the rows travel: as columns the database builds.** Both engines aggregate the query's rows
 * into one JSON array per column, the status already as its index (BOARD_STAY_COLUMNS_SQL), and the
 * client parses seven JSON texts. On PostgreSQL, 19 000 rows of 7 text fields cost the client far
 * more than the server (docs/benchmarks.md, "The board on PostgreSQL: columns built by the server"):
 * every field a string `pg` decodes and parses, every row a protocol message. On SQLite, in process,
 * the rows as arrays (`db.tuples`: ~19 000 arrays and ~57 000 short strings, laid out as columns
 * here) cost as much CPU as SQLite writing the JSON, but all of it was garbage, most of it copied by
 * a scavenge before it died: in the host's 2 MB young generation a fresh 300 × 90 board's first byte
 * over HTTP came 41–62 ms after the request, 31–44 ms as columns, the collector's share of the
 * host's CPU 42 → 25 % (docs/benchmarks.md, thirtieth pass).
 *
 * **The window in parts.** Both engines are asked the window in ranges of check-in time, a part per
 * BOARD_PART_DAYS days (boardParts), and the parts, each in order and each later than the one before,
 * are joined end to end. PostgreSQL answers them at once, each on its own connection of the pool, so
 * its backends build them side by side; SQLite answers them in turn on its one connection. Either way
 * each part's JSON is small: asked whole (or in two parts, PostgreSQL before the forty-fifth pass), a
 * 300 × 90 board's columns were texts of up to 300 KB (the names, two-byte once one has an "ø"),
 * grown by doubling in SQLite's heap or a backend's memory and taken by V8 as large objects, on fresh
 * pages every time; in parts what faults in is the seven answer arrays (7 × 37 pages). Measured on a
 * machine where a fault is dear (a PVM guest, ~13 µs; docs/benchmarks.md, forty-fifth pass):
 * - SQLite, benchmark 3's process: 22.5–23.1 ms and 366 faults a call whole against 21.3–21.8 ms and
 *   259 in five parts (the raw SELECT's rows 16.9–17.2 ms); `serve`'s host over HTTP: first byte
 *   0.83 ×, 900 → 727 faults a built board;
 * - PostgreSQL (`board-postgres-ab.ts --parts 2,3,4,5,6`): 34.3 ms in two parts, 24.9 in five, 25.1
 *   in six; this process's CPU a call 15.8 → 10.4 ms, the backends' 42.7 → 28.7 ms.
 */
export async function boardStays(db: Db, startMs: number, endMs: number, maxStayMs: number, parts = boardParts(startMs, endMs)): Promise<BoardStayColumns> {
  // Part k: check-in from splits[k] (inclusive: after splits[k] − 1 ms, check-in times being whole
  // ms) to before splits[k + 1]; the first part from one maximum stay before the window.
  const splits = boardSplits(startMs, endMs, parts);
  const part = async (to: number, after: number): Promise<BoardStayColumns> =>
    db.dialect === 'postgres'
      ? (await db.get<BoardStayColumns>(BOARD_STAY_COLUMNS_SQL, to, after, startMs))!
      : parseColumns((await db.get<BoardStayColumnTexts>(BOARD_STAY_COLUMNS_SQLITE, to, after, startMs))!);
  const answers = await Promise.all(splits.slice(1).map((to, k) => part(to, k === 0 ? startMs - maxStayMs : splits[k]! - 1)));
  return answers.length === 1 ? answers[0]! : joinColumns(answers);
}

/** The days of the window in one part of the board's stay query (at 300 rooms, ~4 500 stays, texts under 128 KB). */
export const BOARD_PART_DAYS = 21;

/** How many parts `boardStays` asks a window in: one per BOARD_PART_DAYS of its days, at least one. */
export function boardParts(startMs: number, endMs: number): number {
  return Math.max(1, Math.ceil(Math.round((endMs - startMs) / 86_400_000) / BOARD_PART_DAYS));
}

/** Where the parts meet: the window's start, `parts` − 1 whole-ms points evenly inside it, its end. */
export function boardSplits(startMs: number, endMs: number, parts = boardParts(startMs, endMs)): number[] {
  const splits = [startMs];
  for (let k = 1; k < parts; k++) splits.push(Math.round(startMs + ((endMs - startMs) * k) / parts));
  splits.push(endMs);
  return splits;
}

function parseColumns(t: BoardStayColumnTexts): BoardStayColumns {
  return {
    id: JSON.parse(t.id) as number[],
    roomId: JSON.parse(t.roomId) as number[],
    guestName: JSON.parse(t.guestName) as string[],
    guests: JSON.parse(t.guests) as number[],
    checkinDay: JSON.parse(t.checkinDay) as number[],
    checkoutDay: JSON.parse(t.checkoutDay) as number[],
    status: JSON.parse(t.status) as number[],
  };
}

function joinColumns(parts: readonly BoardStayColumns[]): BoardStayColumns {
  const keys = Object.keys(parts[0]!) as (keyof BoardStayColumns)[];
  return Object.fromEntries(keys.map((k) => [k, ([] as unknown[]).concat(...parts.map((p) => p[k]))])) as unknown as BoardStayColumns;
}

/**
 * A stored local date-time's date (`checkin`'s first ten characters, the hotel's local date) as its
 * day number, shared/time's `dayNumber`: plain calendar arithmetic on a civil date, no time zone
 * involved (tests/db/queries/board-queries.test.ts holds each engine to `dayNumber` across leap days
 * and centuries). A number of 5 digits instead of a 12-character string: SQLite writes 2 × ~245 KB
 * less JSON for a 300 × 90 board, the client parses numbers instead of ~37 000 strings and the
 * service needs no date lookups (docs/benchmarks.md, forty-fourth pass).
 */
const DAY_NUMBER = {
  sqlite: (column: string) => `unixepoch(substr(${column}, 1, 10)) / 86400`,
  postgres: (column: string) => `(substr(${column}, 1, 10)::date - DATE '1970-01-01')`,
} as const;

/** Parameters: end, start − maxStay, start. The rows the columns queries below aggregate, in the dialect's day numbers. */
function boardStaysSql(dayNumber: (column: string) => string): string {
  return `SELECT id, room_id AS "roomId", guest_name AS "guestName", guests, ${dayNumber('checkin')} AS "checkinDay",
            ${dayNumber('checkout')} AS "checkoutDay", status
     FROM stays INDEXED BY stays_checkin_idx
     WHERE checkin_ms < ? AND checkin_ms > ? AND checkout_ms - ? > 0 AND status <> 'cancelled'
     ORDER BY checkin_ms, checkout_ms, id`;
}

/** The window's stays as rows, in SQLite's dialect; exported for the board benchmark's raw anchor. */
export const BOARD_STAYS_SQL = boardStaysSql(DAY_NUMBER.sqlite);

/** The same rows on PostgreSQL (its `INDEXED BY` dropped by the engine, as everywhere). */
export const BOARD_STAYS_SQL_POSTGRES = boardStaysSql(DAY_NUMBER.postgres);

/** A stay's status as its index in STAY_STATUSES, the contract's `BoardStays.status`. */
const STATUS_INDEX_SQL = `CASE status ${STAY_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

/** The stays' rows as one row of JSON arrays, one per column, in the dialect's aggregate. */
function stayColumnsSql(rows: string, jsonArray: (value: string) => string): string {
  return `SELECT ${jsonArray('id')} AS id, ${jsonArray('"roomId"')} AS "roomId", ${jsonArray('"guestName"')} AS "guestName",
            ${jsonArray('guests')} AS guests, ${jsonArray('"checkinDay"')} AS "checkinDay", ${jsonArray('"checkoutDay"')} AS "checkoutDay",
            ${jsonArray(STATUS_INDEX_SQL)} AS status
     FROM (${rows}) AS board_stays`;
}

/**
 * PostgreSQL: BOARD_STAYS_SQL_POSTGRES's answer as one row of JSON arrays (`pg` parses `json` with
 * JSON.parse). The aggregates read the ordered subquery's rows in its order: an `ORDER BY` in each
 * `json_agg` would sort each column again (measured: 2 × the server's time). Same parameters as
 * BOARD_STAYS_SQL.
 */
export const BOARD_STAY_COLUMNS_SQL = stayColumnsSql(BOARD_STAYS_SQL_POSTGRES, (value) => `coalesce(json_agg(${value}), '[]')`);

/**
 * SQLite: the same, as JSON texts (`json_group_array` answers `[]` for no rows). An aggregate over a
 * subquery with ORDER BY is never flattened into it (SQLite's flattening rule 16), so the subquery
 * runs as a co-routine feeding the aggregates in its order, off the same index scan, no sort
 * (tests/db/engine/sqlite-engine.query-plans.sqlite.test.ts). Same parameters as BOARD_STAYS_SQL.
 */
export const BOARD_STAY_COLUMNS_SQLITE = stayColumnsSql(BOARD_STAYS_SQL, (value) => `json_group_array(${value})`);

export async function boardBlocks(db: Db, startMs: number, endMs: number): Promise<BoardBlock[]> {
  return await db.all<BoardBlock>(BOARD_BLOCKS_SQL, endMs, startMs);
}

/** Parameters: end, start. */
export const BOARD_BLOCKS_SQL = `SELECT id, room_id AS "roomId", substr(starts_at, 1, 10) AS "fromDate", substr(ends_at, 1, 10) AS "toDate", reason, kind
     FROM room_blocks WHERE starts_ms < ? AND ends_ms > ?`;

export interface DayCounts {
  arrivals: number;
  departures: number;
  inHouse: number;
}

/**
 * Today at the desk, as the worklists count it (db/queries/desk-queries.ts, the same definitions):
 * booked stays arriving in `[dayStartMs, dayEndMs)` and not yet checked in, checked-in guests due
 * out before `dayEndMs` (an overdue one too) and not yet checked out, and every guest checked in. So
 * each count goes down as the desk checks guests in and out. Arrivals are a range of
 * `stays_checkin_idx`; the other two read only the small partial index `stays_in_house_idx`.
 */
export async function dayCounts(db: Db, dayStartMs: number, dayEndMs: number): Promise<DayCounts> {
  return (await db.get<DayCounts>(DAY_COUNTS_SQL, { dayStart: dayStartMs, dayEnd: dayEndMs }))!;
}

/** Parameters: `{ dayStart, dayEnd }`. */
export const DAY_COUNTS_SQL = `SELECT (SELECT count(*) FROM stays INDEXED BY stays_checkin_idx
               WHERE checkin_ms >= @dayStart AND checkin_ms < @dayEnd AND status = 'booked') AS arrivals,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in' AND checkout_ms < @dayEnd) AS departures,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in') AS "inHouse"`;
