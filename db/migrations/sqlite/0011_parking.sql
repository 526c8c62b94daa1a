CREATE TABLE `parking_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` integer NOT NULL,
	`plate` text NOT NULL,
	`guest_name` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `parking_spaces`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parking_bookings_interval_ck" CHECK("parking_bookings"."to_date" > "parking_bookings"."from_date"),
	CONSTRAINT "parking_bookings_status_ck" CHECK("parking_bookings"."status" IN ('booked', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `parking_bookings_holding_idx` ON `parking_bookings` (`space_id`,`from_date`,`to_date`) WHERE status = 'booked';--> statement-breakpoint
CREATE TABLE `parking_spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parking_spaces_label_uq` ON `parking_spaces` (lower("label"));