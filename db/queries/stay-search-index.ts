/**
 * SQLite only: the desk's search index (the FTS5 table `stay_search`, migration 0007), brought up to
 * date once per transaction. The stays' triggers note each stay they add or change in
 * `stay_search_queue` (migration 0011); the SQLite engine runs these statements in the transaction
 * just before its COMMIT, whenever a note is waiting, so at every COMMIT the index matches the stays.
 * Why not in the trigger itself: FTS5 writes its pending terms out as a new segment at every
 * savepoint, and a group commit runs each write of its batch in savepoints (a segment and its merges
 * per booking, ~50 µs of CPU each: docs/benchmarks.md, issue 22 §3); here a batch of 25 bookings
 * makes one segment. A search made inside the very transaction that wrote a stay does not see it yet
 * (nothing does that). PostgreSQL's search is an expression index over the stays: nothing to do.
 */

/** Whether a note is waiting (one indexed lookup). */
export const STAY_SEARCH_PENDING_SQL = 'SELECT EXISTS (SELECT 1 FROM stay_search_queue) AS pending';

/** The noted stays indexed as they are now (a changed stay's old entry replaced), then the notes cleared. */
export const STAY_SEARCH_FLUSH_SQL: readonly string[] = [
  `INSERT OR REPLACE INTO stay_search (rowid, name, email, phone)
   SELECT s.id, s.guest_name, coalesce(s.guest_email, ''),
          replace(replace(replace(replace(replace(replace(coalesce(s.guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
   FROM stay_search_queue q JOIN stays s ON s.id = q.id`,
  'DELETE FROM stay_search_queue',
];
