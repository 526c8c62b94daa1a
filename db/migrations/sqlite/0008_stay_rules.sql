CREATE TABLE `stay_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`at_ms` integer NOT NULL,
	`actor` text NOT NULL,
	`prev_checkin` text NOT NULL,
	`prev_checkin_ms` integer NOT NULL,
	`prev_checkout` text NOT NULL,
	`prev_checkout_ms` integer NOT NULL,
	`prev_nights` integer NOT NULL,
	`prev_price` integer NOT NULL,
	`undone_at_ms` integer,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stay_status_changes_price_ck" CHECK("stay_status_changes"."prev_price" >= 0)
);
--> statement-breakpoint
CREATE INDEX `stay_status_changes_stay_idx` ON `stay_status_changes` (`stay_id`,`id`);--> statement-breakpoint
ALTER TABLE `room_blocks` ADD `kind` text DEFAULT 'blocked' NOT NULL;--> statement-breakpoint
-- hand-written: stay_rules
CREATE TRIGGER `room_blocks_kind_insert_ck` BEFORE INSERT ON `room_blocks`
WHEN NEW.`kind` NOT IN ('blocked', 'out_of_order')
BEGIN SELECT RAISE(ABORT, 'room_blocks.kind must be blocked or out_of_order'); END;
--> statement-breakpoint
CREATE TRIGGER `room_blocks_kind_update_ck` BEFORE UPDATE OF `kind` ON `room_blocks`
WHEN NEW.`kind` NOT IN ('blocked', 'out_of_order')
BEGIN SELECT RAISE(ABORT, 'room_blocks.kind must be blocked or out_of_order'); END;
