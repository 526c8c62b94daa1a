CREATE TABLE `stock_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`status` text DEFAULT 'out' NOT NULL,
	`guest_name` text,
	`stay_id` integer,
	`owner_id` integer,
	`created_by` text NOT NULL,
	`booked_at` text NOT NULL,
	`booked_ms` integer NOT NULL,
	`return_by` text,
	`return_by_ms` integer,
	`closed_at` text,
	`closed_ms` integer,
	`closed_by` text,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `stock_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_bookings_quantity_ck" CHECK("stock_bookings"."quantity" >= 1),
	CONSTRAINT "stock_bookings_status_ck" CHECK("stock_bookings"."status" IN ('out', 'returned', 'cancelled')),
	CONSTRAINT "stock_bookings_closed_ck" CHECK(("stock_bookings"."status" = 'out') = ("stock_bookings"."closed_ms" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `stock_bookings_resource_idx` ON `stock_bookings` (`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_bookings_owner_idx` ON `stock_bookings` (`owner_id`);--> statement-breakpoint
CREATE INDEX `stock_bookings_stay_idx` ON `stock_bookings` (`stay_id`) WHERE stay_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `stock_bookings_due_idx` ON `stock_bookings` (`return_by_ms`) WHERE status = 'out' AND return_by_ms IS NOT NULL;--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`booking_id` integer,
	`kind` text NOT NULL,
	`available_change` integer NOT NULL,
	`total_change` integer NOT NULL,
	`available_after` integer NOT NULL,
	`total_after` integer NOT NULL,
	`at` text NOT NULL,
	`at_ms` integer NOT NULL,
	`actor` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `stock_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `stock_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_resource_idx` ON `stock_movements` (`resource_id`,`id`);--> statement-breakpoint
CREATE TABLE `stock_resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`total_quantity` integer NOT NULL,
	`available_quantity` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "stock_resources_total_ck" CHECK("stock_resources"."total_quantity" >= 0),
	CONSTRAINT "stock_resources_available_ck" CHECK("stock_resources"."available_quantity" >= 0 AND "stock_resources"."available_quantity" <= "stock_resources"."total_quantity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_resources_name_uq` ON `stock_resources` (lower("name"));--> statement-breakpoint
-- hand-written: stock
-- A resource's movements are its history: append-only, whoever asks.
CREATE TRIGGER `stock_movements_no_update` BEFORE UPDATE ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_delete` BEFORE DELETE ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements is append-only');
END;
