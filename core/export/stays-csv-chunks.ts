/**
 * What the stays export reads and how it formats it; runs inside the export's worker thread
 * (stays-csv-worker.ts). Seed 000's six columns come first, named exactly as the seed names them
 * (`id, roomnumber, category, isbooking, checkin, checkout`), then the desk's own.
 *
 * Rows come in keyset chunks (`id > last ORDER BY id LIMIT n`, never OFFSET) from one prepared
 * statement in raw (array) mode, all inside one read transaction, so the export is one consistent
 * snapshot while the writer keeps booking (WAL lets both run).
 */
import { openReadConnection } from '../../db/read-connection';
import type { StayExportQuery } from '../../shared/contract/schemas';
import { csvLine, csvLines, UTF8_BOM, type CsvDelimiter } from './csv-cells';

export const STAY_CSV_COLUMNS = [
  'id', 'roomnumber', 'category', 'isbooking', 'checkin', 'checkout',
  'status', 'guest_name', 'guests', 'nights', 'price',
] as const;

/**
 * Rows per chunk (~30 KB of text). One chunk's rows and text are what the worker's capped heap holds
 * besides its modules. With the widest rows the desk can hold (a formula and 119 quotes as the name,
 * 80 quotes as the category, every cell quoted), the worker loaded through tsx needs a 10 MB old
 * generation at 250 rows and 12 MB at 500 (1 000 rows ran out at 14 MB); 250 leaves the 12 MB cap
 * (stays-csv-thread.ts) room to spare. Small chunks cost nothing measurable: each keyset query starts
 * where the last one ended, and an export's CPU was the same with 250, 500 and 1 000 rows per piece.
 */
export const STAY_CSV_CHUNK_ROWS = 250;

/** The export connection's page cache, in KiB. */
const STAY_CSV_CACHE_KIB = 256;

export type StayCsvQuery = Partial<StayExportQuery>;

interface ChunkQuery {
  sql: string;
  /** Named parameters of the filters; `@after` and `@limit` are added per chunk. */
  params: Record<string, string | number>;
}

/**
 * The chunk query. The date filter is overlap on hotel-local dates: a stay's nights `[checkinDate,
 * checkoutDate)` meet `[from, to)` iff `checkinDate < to AND checkoutDate > from` — the first ten
 * characters of the stored ISO text are exactly the local date at booking time.
 */
function chunkQuery(query: StayCsvQuery): ChunkQuery {
  const where = ['s.id > @after'];
  const params: Record<string, string | number> = {};
  if (query.from !== undefined) {
    where.push('substr(s.checkout, 1, 10) > @from');
    params.from = query.from;
  }
  if (query.to !== undefined) {
    where.push('substr(s.checkin, 1, 10) < @to');
    params.to = query.to;
  }
  if (query.status !== undefined) {
    where.push('s.status = @status');
    params.status = query.status;
  }
  if (query.roomId !== undefined) {
    where.push('s.room_id = @roomId');
    params.roomId = query.roomId;
  }
  // isbooking mirrors isBooking() in shared/rules/stay-rules.ts: 0 once cancelled or a no-show.
  const sql = `SELECT s.id, r.number, s.category, CASE WHEN s.status IN ('cancelled', 'no_show') THEN 0 ELSE 1 END,
      s.checkin, s.checkout, s.status, s.guest_name, s.guests, s.nights, s.price
    FROM stays s JOIN guest_rooms r ON r.id = s.room_id
    WHERE ${where.join(' AND ')}
    ORDER BY s.id LIMIT @limit`;
  return { sql, params };
}

/** The first piece of every export: the optional BOM and the header line. */
export function staysCsvHeader(query: StayCsvQuery): string {
  return (query.bom ? UTF8_BOM : '') + csvLine([...STAY_CSV_COLUMNS], query.delimiter ?? ',');
}

export interface StaysCsvReader {
  /** The next chunk as CSV text and its row count; 0 rows at the end. */
  next(): { text: string; rows: number };
  /** Ends the read transaction and closes the connection. */
  close(): void;
}

/**
 * Opens the export's own read-only connection and begins the snapshot. Each `next()` is one `.all()` of raw rows (faster than iterating row by row) formatted
 * into one string.
 */
export function openStaysCsvReader(dbFile: string, query: StayCsvQuery): StaysCsvReader {
  const delimiter: CsvDelimiter = query.delimiter ?? ',';
  // One pass in id order reads each page once: better-sqlite3's default 16 MB page cache would only
  // fill with pages never read again. 256 KiB holds the B-tree's inner pages and the rooms.
  const db = openReadConnection(dbFile, { cacheKiB: STAY_CSV_CACHE_KIB });
  try {
    const { sql, params } = chunkQuery(query);
    const stmt = db.prepare(sql).raw(true);
    const args: Record<string, string | number> = { ...params, after: 0, limit: STAY_CSV_CHUNK_ROWS };
    db.exec('BEGIN');
    return {
      next() {
        const rows = stmt.all(args) as unknown[][];
        if (rows.length === 0) return { text: '', rows: 0 };
        args.after = rows[rows.length - 1]![0] as number;
        return { text: csvLines(rows, delimiter), rows: rows.length };
      },
      close() {
        if (db.inTransaction) db.exec('COMMIT');
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
