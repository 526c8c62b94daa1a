CREATE TABLE `outbox_sequences` (
	`aggregate` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failing_since_ms` integer;--> statement-breakpoint
-- Existing messages are numbered 1, 2, 3… per aggregate in the order they were written (id), and each
-- aggregate's counter continues from there. Their retry window starts at their next failure.
UPDATE `outbox` SET `seq` = (SELECT count(*) FROM `outbox` p WHERE p.`aggregate` = `outbox`.`aggregate` AND p.`id` <= `outbox`.`id`);--> statement-breakpoint
INSERT INTO `outbox_sequences` (`aggregate`, `last_seq`) SELECT `aggregate`, max(`seq`) FROM `outbox` GROUP BY `aggregate`;--> statement-breakpoint
-- A count of attempts has no meaning in hours: the retry window (`outboxRetryHours`) starts at its default.
DELETE FROM `settings` WHERE `key` = 'outboxMaxAttempts';--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_aggregate_seq_uq` ON `outbox` (`aggregate`,`seq`);
