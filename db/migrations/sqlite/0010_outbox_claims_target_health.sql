CREATE TABLE `outbox_target_health` (
	`target` text PRIMARY KEY NOT NULL,
	`failing_since_ms` integer,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_failure_ms` integer,
	`last_success_ms` integer,
	`next_probe_ms` integer,
	`recovered_ms` integer
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_until_ms` integer;