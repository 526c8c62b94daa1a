CREATE TABLE `guest_rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`category` text NOT NULL,
	`capacity` integer NOT NULL,
	`nightly_rate` integer NOT NULL,
	`floor` integer NOT NULL,
	`housekeeping` text DEFAULT 'clean' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "guest_rooms_capacity_ck" CHECK("guest_rooms"."capacity" >= 1),
	CONSTRAINT "guest_rooms_rate_ck" CHECK("guest_rooms"."nightly_rate" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guest_rooms_number_uq` ON `guest_rooms` (`number`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`topic` text NOT NULL,
	`aggregate` text NOT NULL,
	`path` text NOT NULL,
	`payload` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`next_attempt_ms` integer NOT NULL,
	`last_error` text,
	`last_attempt_ms` integer,
	`created_ms` integer NOT NULL,
	`sent_ms` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_uq` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_ms`);--> statement-breakpoint
CREATE INDEX `outbox_aggregate_idx` ON `outbox` (`aggregate`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `room_blocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`starts_ms` integer NOT NULL,
	`ends_ms` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `guest_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "room_blocks_interval_ck" CHECK("room_blocks"."ends_ms" > "room_blocks"."starts_ms")
);
--> statement-breakpoint
CREATE INDEX `room_blocks_room_idx` ON `room_blocks` (`room_id`,`starts_ms`,`ends_ms`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`category` text NOT NULL,
	`guest_name` text NOT NULL,
	`guest_email` text,
	`guest_phone` text,
	`guests` integer DEFAULT 1 NOT NULL,
	`checkin` text NOT NULL,
	`checkout` text NOT NULL,
	`checkin_ms` integer NOT NULL,
	`checkout_ms` integer NOT NULL,
	`nights` integer NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`price` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `guest_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stays_interval_ck" CHECK("stays"."checkout_ms" > "stays"."checkin_ms"),
	CONSTRAINT "stays_guests_ck" CHECK("stays"."guests" >= 1),
	CONSTRAINT "stays_price_ck" CHECK("stays"."price" >= 0)
);
--> statement-breakpoint
CREATE INDEX `stays_occupancy_idx` ON `stays` (`room_id`,`checkin_ms`,`checkout_ms`,`status`) WHERE status IN ('booked', 'checked_in', 'checked_out');--> statement-breakpoint
CREATE INDEX `stays_checkin_idx` ON `stays` (`checkin_ms`,`checkout_ms`);--> statement-breakpoint
CREATE INDEX `stays_room_idx` ON `stays` (`room_id`,`checkin_ms`);--> statement-breakpoint
CREATE INDEX `stays_guest_idx` ON `stays` (`guest_name`);