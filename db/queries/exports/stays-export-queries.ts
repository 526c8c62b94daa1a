/**
 * The two stays CSVs' chunks: seed 000's (core/stays/stays-export.ts) and the desk's for accountants
 * (core/stays/desk-stays-export.ts), their columns in this order, one filter for both.
 *
 * The date filter is overlap on hotel-local dates: a stay's nights `[checkinDate, checkoutDate)` meet
 * `[from, to)` iff `checkinDate < to AND checkoutDate > from` — the first ten characters of the
 * stored ISO text are exactly the local date at booking time (the stays list filters instants instead).
 */
import type { StayStatus } from '../../../shared/rules/stay-rules';
import { addFilter, emptyFilter, type SqlFilter } from '../sql-filter';
import { keysetChunk, type ChunkColumn, type ChunkQuery } from './chunk-query';

export interface StayExportFilter {
  from?: string | undefined;
  to?: string | undefined;
  status?: StayStatus | undefined;
  roomId?: number | undefined;
}

export function stayExportWhere(f: StayExportFilter): SqlFilter {
  const w = emptyFilter();
  addFilter(w, 'substr(s.checkout, 1, 10) > @from', 'from', f.from);
  addFilter(w, 'substr(s.checkin, 1, 10) < @to', 'to', f.to);
  addFilter(w, 's.status = @status', 'status', f.status);
  addFilter(w, 's.room_id = @roomId', 'roomId', f.roomId);
  return w;
}

const FROM = 'stays s JOIN guest_rooms r ON r.id = s.room_id';

/**
 * Seed 000's six columns, then the desk's own. isbooking mirrors isBooking() in shared/rules/stay-rules.ts: 0 once cancelled or a no-show.
 * Each value is its cell as it is, so SQL may join the line (chunk-query.ts).
 */
const SEED_COLUMNS: readonly ChunkColumn[] = [
  's.id', { integer: 'r.number' }, 's.category', "CASE WHEN s.status IN ('cancelled', 'no_show') THEN 0 ELSE 1 END",
  's.checkin', 's.checkout', 's.status', 's.guest_name', { integer: 's.guests' }, { integer: 's.nights' }, { integer: 's.price' },
];

export function staysChunk(f: StayExportFilter): ChunkQuery {
  return keysetChunk(SEED_COLUMNS, FROM, 's.id', stayExportWhere(f), { lines: SEED_COLUMNS.length });
}

/**
 * The desk's columns: the status in the reader's words (`statusText`, bound as parameters), and the
 * stored ISO text, which is hotel-local, cut into its date (characters 1–10) and time (12–16).
 * The price comes in minor units, last: the core writes it as a decimal; SQL may join the others.
 */
export function deskStaysChunk(f: StayExportFilter, statusText: Record<StayStatus, string>): ChunkQuery {
  const statuses = Object.keys(statusText) as StayStatus[];
  const status = `CASE s.status ${statuses.map((k) => `WHEN '${k}' THEN @status_${k}`).join(' ')} ELSE s.status END`;
  const columns: ChunkColumn[] = [
    's.id', { integer: 'r.number' }, 's.category', status, 's.guest_name', { integer: 's.guests' },
    'substr(s.checkin, 1, 10)', 'substr(s.checkin, 12, 5)', 'substr(s.checkout, 1, 10)', 'substr(s.checkout, 12, 5)', { integer: 's.nights' }, 's.price',
  ];
  const chunk = keysetChunk(columns, FROM, 's.id', stayExportWhere(f), { lines: columns.length - 1 });
  const params = { ...chunk.params, ...Object.fromEntries(statuses.map((k) => [`status_${k}`, statusText[k]])) };
  return { ...chunk, params };
}
