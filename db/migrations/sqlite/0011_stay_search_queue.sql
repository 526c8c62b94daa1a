-- hand-written: stay_search_queue
-- The desk's search index (0007) is brought up to date once per transaction, just before its COMMIT,
-- instead of once per stay. FTS5 writes its pending terms out as a new index segment at every
-- savepoint, and group commit runs every write of a batch in savepoints of one transaction
-- (db/engine/sqlite-group-commit.ts): with the index written by the stay's own trigger, each booking
-- made a segment and its merges, ~50 µs of a booking's ~285 µs of CPU in the host
-- (docs/benchmarks.md, issue 22 §3). Now the stay triggers only note the stay's id here, in the same
-- savepoint as the change (a refused write takes its note back with it), and the engine indexes the
-- noted stays in one statement before each COMMIT (db/queries/stay-search-index.ts): at every COMMIT
-- the index matches the stays, as before.
CREATE TABLE `stay_search_queue` (`id` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
DROP TRIGGER `stay_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `stay_search_insert` AFTER INSERT ON `stays`
BEGIN
	INSERT OR IGNORE INTO `stay_search_queue` (`id`) VALUES (new.id);
END;
--> statement-breakpoint
DROP TRIGGER `stay_search_update`;
--> statement-breakpoint
CREATE TRIGGER `stay_search_update` AFTER UPDATE OF guest_name, guest_email, guest_phone ON `stays`
BEGIN
	INSERT OR IGNORE INTO `stay_search_queue` (`id`) VALUES (new.id);
END;
--> statement-breakpoint
DROP TRIGGER `stay_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `stay_search_delete` AFTER DELETE ON `stays`
BEGIN
	DELETE FROM `stay_search` WHERE rowid = old.id;
	DELETE FROM `stay_search_queue` WHERE `id` = old.id;
END;
