-- hand-written: desk_search
-- The desk's search (docs/desk-worklists.md): a trigram FTS5 index over the guest's name, e-mail and
-- phone digits of every stay, kept by triggers in the same transaction as the change. Trigrams find a
-- part of a word anywhere ("ansen" finds "Mette Hansen", "2012" finds "+45 20 12 34 56"), without
-- regard to case or accents; a plain B-tree cannot serve `LIKE '%…%'`.
CREATE VIRTUAL TABLE `stay_search` USING fts5(`name`, `email`, `phone`, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
INSERT INTO `stay_search` (rowid, `name`, `email`, `phone`)
SELECT id, guest_name, coalesce(guest_email, ''),
       replace(replace(replace(replace(replace(replace(coalesce(guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')
FROM stays;
--> statement-breakpoint
CREATE TRIGGER `stay_search_insert` AFTER INSERT ON `stays`
BEGIN
	INSERT INTO `stay_search` (rowid, `name`, `email`, `phone`) VALUES (new.id, new.guest_name, coalesce(new.guest_email, ''),
		replace(replace(replace(replace(replace(replace(coalesce(new.guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `stay_search_update` AFTER UPDATE OF guest_name, guest_email, guest_phone ON `stays`
BEGIN
	DELETE FROM `stay_search` WHERE rowid = old.id;
	INSERT INTO `stay_search` (rowid, `name`, `email`, `phone`) VALUES (new.id, new.guest_name, coalesce(new.guest_email, ''),
		replace(replace(replace(replace(replace(replace(coalesce(new.guest_phone, ''), ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `stay_search_delete` AFTER DELETE ON `stays`
BEGIN
	DELETE FROM `stay_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
-- The worklists' Departures and In-house (and the board's counts): the few checked-in stays, by departure.
CREATE INDEX `stays_in_house_idx` ON `stays` (`status`, `checkout_ms`) WHERE status = 'checked_in';
