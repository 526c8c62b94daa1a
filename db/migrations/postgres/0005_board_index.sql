-- The front-desk board's index, PostgreSQL only (issue 16 item 8: board 300 × 90 on 1 000 000 stays,
-- p50 ≤ 40 ms). The board reads every stay that is not cancelled overlapping its window, a range of
-- checkin_ms (db/queries/board-queries.ts). Through stays_checkin_idx PostgreSQL fetched each row
-- from the table, the cancelled ones too (25 000 rows, 2 149 buffers for a 90-day window); this
-- partial index holds what the board shows, so the read is an index-only scan (690 buffers, half the
-- time), already in the board's order (checkin_ms, checkout_ms, id: SQLite's index order, with its
-- rowid last). SQLite's board reads stays_checkin_idx as before (`INDEXED BY`), so it is not in
-- db/schema/stays.ts: SQLite would keep a second copy of the rows for nothing.
CREATE INDEX "stays_board_idx" ON "stays" USING btree ("checkin_ms", "checkout_ms", "id")
  INCLUDE ("room_id", "guests", "status", "guest_name", "checkin", "checkout")
  WHERE status <> 'cancelled';
