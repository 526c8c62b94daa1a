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
 *
 * **Merging, a bounded step at a time.** Each COMMIT that writes the index adds a segment to it. Left
 * to itself FTS5 merges segments a little at a time and, when a level reaches sixteen, all of them at
 * once inside that COMMIT; the little merges fall behind under many small transactions, so the
 * all-at-once ones come, each level's costing sixteen times the last's: 130-160 ms of the host's event
 * loop on a 1 000 000-stay hotel (docs/benchmarks.md, benchmark 4). Migration 0012 turns the automatic
 * merges off; instead each flush ends with `'merge', 32`: up to ~32 pages of the level with the most
 * segments (only one with four or more, or a merge already begun), which keeps every level short of
 * sixteen. About the same work in all, none of it in one lump (`npx tsx bench/ab/search-merge-ab.ts`,
 * 12 000 COMMITs on the 1 000 000-stay hotel): of 25 stays each 9.6 s against 8.8 s, the longest
 * COMMIT 30 ms against 287 ms; of one stay each 2.3 s both, the longest 28 against 330 ms.
 */

/** Pages of index merged per flush, roughly (FTS5 ends a step where a term ends). */
export const STAY_SEARCH_MERGE_PAGES = 32;

/** Whether a note is waiting (one indexed lookup). */
export const STAY_SEARCH_PENDING_SQL = 'SELECT EXISTS (SELECT 1 FROM stay_search_queue) AS pending';

/** The noted stays indexed as they are now (a changed stay's old entry replaced), then the notes cleared. */
export const STAY_SEARCH_FLUSH_SQL: readonly string[] = [
  `INSERT OR REPLACE INTO stay_search (rowid, name, email, phone)
   SELECT s.id, s.guest_name, coalesce(s.guest_email, ''),
          replace(replace(replace(replace(replace(replace(coalesce(s.guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
   FROM stay_search_queue q JOIN stays s ON s.id = q.id`,
  'DELETE FROM stay_search_queue',
  `INSERT INTO stay_search (stay_search, rank) VALUES ('merge', ${STAY_SEARCH_MERGE_PAGES})`,
];

