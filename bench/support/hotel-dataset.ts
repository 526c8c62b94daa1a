/**
 * The hotels the benchmarks run on, built with raw inserts in one transaction.
 *
 * - `createEmptyHotel`: 300 rooms, no stays (the booking benchmark fills it).
 * - `denseHistoryHotel`: the same 300 rooms with 10 years of dense history, exactly 1 000 000 stays:
 *   85 % of room-nights sold in short stays (mean 1.25 nights, what a busy city hotel sees), plus
 *   the cancellations and no-shows of such a hotel (about one booking in four) to make up the
 *   million. Rows go in day by day across all rooms, as a real desk would have written them, so a
 *   room's stays are spread over the table like in production. Built once a day and cached under
 *   `bench/.cache/` (keyed by the migrations and the day), so re-runs start at once.
 * - `historyHotel(span)`: the same with a shorter history, equally dense (`twoYearSpan()`: 2 years,
 *   about 200 000 stays, the hotel `bench/db-copy-bench.ts` moves to PostgreSQL).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventBus } from '../../core/context';
import { createCore } from '../../core/create-core';
import { openSqliteConnection, sqliteMigrationsFolder } from '../../db/engine/sqlite-engine';
import { DB_FILE_NAME, defaultMigrationsDir, isPostgresUrl, openDatabase, type Sqlite } from '../../db/open-database';
import { STAY_SEARCH_FLUSH_SQL } from '../../db/queries/stay-search-index';
import { addDays, localDate, resolveTime } from '../../shared/time';
import { seededRandom } from './stats';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const CACHE_DIR = join(BENCH_DIR, '.cache');

export const TIME_ZONE = 'Europe/Copenhagen';
/**
 * The desk's "today" in every benchmark: the day the benchmark runs, in Copenhagen. Some of the
 * measured hosts run on the real clock (the desk's host process, `npm run serve`) and the desk
 * refuses stays in the past, so the data is anchored on the real day: its dense months ahead are
 * ahead of every host's clock. The dense hotel is built for that day (its cache key holds it).
 */
export const TODAY = localDate(Date.now(), TIME_ZONE);
/** 10:00 at the hotel on TODAY: the clock of the hosts the benchmarks start themselves. */
export const NOW_MS = resolveTime(TODAY, TIME_ZONE, '10:00').ms;
/** History: 3 652 days (10 years), the last 123 days (four months) booked ahead of today. */
export const HISTORY_DAYS = 3652;
export const HISTORY_FROM = addDays(TODAY, 123 - HISTORY_DAYS);
export const DENSE_STAYS = 1_000_000;
/** How much history a hotel has: `days` from `from`, `stays` rows in all (sold ones plus cancelled and no-shows). */
export interface HistorySpan {
  days: number;
  from: string;
  stays: number;
}
const DENSE: HistorySpan = { days: HISTORY_DAYS, from: HISTORY_FROM, stays: DENSE_STAYS };
/** Two years up to four months ahead, as dense as the 10-year hotel (about 200 000 stays). */
export function twoYearSpan(): HistorySpan {
  const days = 730;
  return { days, from: addDays(TODAY, 123 - days), stays: Math.round((DENSE_STAYS * days) / HISTORY_DAYS) };
}
const OCCUPANCY = 0.85;
const DATASET_VERSION = 'dense-v1';

export interface RoomSpec {
  number: number;
  floor: number;
  category: string;
  capacity: number;
  nightlyRate: number;
}

const CATEGORIES = [
  { upTo: 8, category: 'Standard single room', capacity: 1, nightlyRate: 79_500 },
  { upTo: 22, category: 'Standard double room', capacity: 2, nightlyRate: 109_500 },
  { upTo: 28, category: 'Superior double room', capacity: 3, nightlyRate: 149_500 },
  { upTo: 30, category: 'Junior suite', capacity: 4, nightlyRate: 219_500 },
];

/** 10 floors × 30 rooms: 101–130, 201–230, … 1001–1030. */
export function hotelRooms(): RoomSpec[] {
  const rooms: RoomSpec[] = [];
  for (let floor = 1; floor <= 10; floor++) {
    for (let i = 1; i <= 30; i++) {
      const c = CATEGORIES.find((k) => i <= k.upTo)!;
      rooms.push({ number: floor * 100 + i, floor, category: c.category, capacity: c.capacity, nightlyRate: c.nightlyRate });
    }
  }
  return rooms;
}

/** Creates a migrated database with the hotel's settings and rooms (ids 1–300 in `hotelRooms()` order): a SQLite file, or a PostgreSQL URL. */
export async function createEmptyHotel(database: string): Promise<void> {
  const postgres = isPostgresUrl(database);
  if (!postgres) mkdirSync(dirname(database), { recursive: true });
  const db = await openDatabase(postgres ? { engine: 'postgres', url: database } : { engine: 'sqlite', file: database });
  try {
    await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    await db.unit(async () => {
      for (const r of hotelRooms()) {
        await db.run(
          `INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, housekeeping, active, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'clean', 1, ?, ?)`,
          r.number, r.category, r.capacity, r.nightlyRate, r.floor, NOW_MS, NOW_MS,
        );
      }
    });
  } finally {
    await db.close();
  }
}

export interface DatasetInfo {
  file: string;
  rooms: number;
  liveStays: number;
  otherStays: number;
  stays: number;
  occupancy: number;
  meanNights: number;
  buildSeconds: number;
}

function migrationsKey(span: HistorySpan): string {
  const hash = createHash('sha1').update(DATASET_VERSION).update(TODAY).update(`${span.days}:${span.stays}`);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(defaultMigrationsDir());
  return hash.digest('hex').slice(0, 10);
}

/** Short stays: 1 night 80 %, 2 nights 15 %, 3 nights 5 % (mean 1.25). */
function stayLength(r: number): number {
  return r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
}
const MEAN_NIGHTS = 1.25;
/**
 * A free room starts a stay on a given day with probability p. Sold share of nights = pL/(pL + 1 − p)
 * with L the mean length; solving for 85 % with L = 1.25 gives p = 0.85 / (1.25 − 0.85 × 0.25).
 */
const START_PROBABILITY = OCCUPANCY / (MEAN_NIGHTS - OCCUPANCY * (MEAN_NIGHTS - 1));

const FIRST = ['Anna', 'Mette', 'Lars', 'Jens', 'Sofie', 'Karen', 'Peter', 'Emma', 'Mads', 'Ida', 'Oliver', 'Freja', 'Noah', 'Laura', 'Lucas', 'Clara'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Petersen', 'Schmidt', 'Müller'];

interface DayTimes {
  checkinMs: number;
  checkinIso: string;
  checkoutMs: number;
  checkoutIso: string;
}

function dayTimes(span: HistorySpan): DayTimes[] {
  const out: DayTimes[] = [];
  for (let d = 0; d <= span.days + 4; d++) {
    const date = addDays(span.from, d);
    const cin = resolveTime(date, TIME_ZONE, '14:00');
    const cout = resolveTime(date, TIME_ZONE, '12:00');
    out.push({ checkinMs: cin.ms, checkinIso: cin.iso, checkoutMs: cout.ms, checkoutIso: cout.iso });
  }
  return out;
}

interface LiveStay {
  room: number;
  day: number;
  nights: number;
}

/**
 * Walks the history day by day over all rooms, calling `emit` for each sold stay. The walk has its
 * own seeded generator, so two walks see the same stays whatever `emit` draws from its own.
 */
function walkLiveStays(roomCount: number, days: number, emit: (s: LiveStay) => void): void {
  const rand = seededRandom(20260501);
  const freeFrom = new Int32Array(roomCount);
  for (let day = 0; day < days; day++) {
    for (let room = 0; room < roomCount; room++) {
      if (freeFrom[room]! > day || rand() >= START_PROBABILITY) continue;
      const nights = Math.min(stayLength(rand()), days - day);
      freeFrom[room] = day + nights;
      emit({ room, day, nights });
    }
  }
}

function fillDenseHistory(sqlite: Sqlite, span: HistorySpan): Omit<DatasetInfo, 'file' | 'buildSeconds'> {
  const rooms = hotelRooms();
  const times = dayTimes(span);
  let live = 0;
  let soldNights = 0;
  walkLiveStays(rooms.length, span.days, (s) => {
    live++;
    soldNights += s.nights;
  });
  const others = span.stays - live;
  if (others < 0) throw new Error(`dense history has ${live} sold stays, more than ${span.stays}`);

  const insert = sqlite.prepare(
    `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                        nights, status, price, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, '', 'desk', ?, ?)`,
  );
  const rand = seededRandom(7);
  const write = (roomIndex: number, day: number, nights: number, status: string) => {
    const room = rooms[roomIndex]!;
    const a = times[day]!;
    const b = times[day + nights]!;
    const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    const guests = Math.min(room.capacity, rand() < 0.5 ? 1 : 2);
    const createdAt = a.checkinMs - Math.floor(1 + rand() * 60) * 86_400_000;
    insert.run(roomIndex + 1, room.category, name, guests, a.checkinIso, b.checkoutIso, a.checkinMs, b.checkoutMs, nights, status,
      nights * room.nightlyRate, createdAt, createdAt);
  };

  let k = 0;
  let written = 0;
  sqlite.transaction(() => {
    walkLiveStays(rooms.length, span.days, (s) => {
      const a = times[s.day]!;
      const b = times[s.day + s.nights]!;
      const status = b.checkoutMs <= NOW_MS ? 'checked_out' : a.checkinMs <= NOW_MS ? 'checked_in' : 'booked';
      write(s.room, s.day, s.nights, status);
      // Spread the non-occupying bookings evenly over the history: exactly `others` of them in all.
      k++;
      const due = Math.floor((k * others) / live) - Math.floor(((k - 1) * others) / live);
      for (let i = 0; i < due; i++) {
        const nights = stayLength(rand());
        const day = Math.min(s.day, span.days - nights);
        const past = times[day]!.checkinMs < NOW_MS;
        write(Math.floor(rand() * rooms.length), day, nights, past && rand() < 0.1 ? 'no_show' : 'cancelled');
        written++;
      }
    });
    // The desk's search index, as the engine brings it up to date before a COMMIT (stay-search-index.ts).
    for (const sql of STAY_SEARCH_FLUSH_SQL) sqlite.prepare(sql).run();
  })();
  if (written !== others) throw new Error(`wrote ${written} non-occupying stays, expected ${others}`);
  return {
    rooms: rooms.length,
    liveStays: live,
    otherStays: others,
    stays: live + others,
    occupancy: soldNights / (rooms.length * span.days),
    meanNights: soldNights / live,
  };
}

/** The cached dense hotel (built on first use, ~1 minute). Treat the file as read-only: copy it to write. */
export function denseHistoryHotel(log: (line: string) => void = () => undefined): Promise<DatasetInfo> {
  return historyHotel(DENSE, log);
}

/** The cached hotel with `span`'s history (built on first use). Treat the file as read-only: copy it to write. */
export async function historyHotel(span: HistorySpan, log: (line: string) => void = () => undefined): Promise<DatasetInfo> {
  const prefix = span === DENSE ? 'hotel-dense-' : `hotel-${span.days}d-`;
  const file = join(CACHE_DIR, `${prefix}${migrationsKey(span)}.db`);
  const infoFile = `${file}.json`;
  if (existsSync(file) && existsSync(infoFile)) return JSON.parse(readFileSync(infoFile, 'utf8')) as DatasetInfo;

  log(`building the ${span.days}-day hotel (${span.stays.toLocaleString('en')} stays) into ${file} …`);
  const started = performance.now();
  // A hotel built for older migrations is never used again: 250 MB each, so drop them.
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of readdirSync(CACHE_DIR)) if (name.startsWith(prefix)) rmSync(join(CACHE_DIR, name), { force: true });
  const tmp = `${file}.building`;
  await createEmptyHotel(tmp);
  const sqlite = openSqliteConnection(tmp, sqliteMigrationsFolder(defaultMigrationsDir()));
  let info: Omit<DatasetInfo, 'file' | 'buildSeconds'>;
  try {
    // Only the build runs unsynced with a large page cache: the benchmarks open the file with the
    // production pragmas (WAL, synchronous=FULL).
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -524288');
    info = fillDenseHistory(sqlite, span);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  renameSync(tmp, file);
  const full: DatasetInfo = { file, ...info, buildSeconds: (performance.now() - started) / 1000 };
  writeFileSync(infoFile, JSON.stringify(full, null, 2));
  log(`built in ${full.buildSeconds.toFixed(1)} s: ${full.liveStays} sold stays + ${full.otherStays} cancelled/no-show, occupancy ${(full.occupancy * 100).toFixed(1)} %`);
  return full;
}

/** A writable copy of `dbFile` as `<dir>/frontdesk.db`, where createHost looks for it. */
export function copyHotelTo(dbFile: string, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, DB_FILE_NAME);
  for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  copyFileSync(dbFile, target);
  return target;
}

export { scratchDir } from './scratch-dirs';
