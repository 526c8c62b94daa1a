CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`guest_name` text NOT NULL,
	`guest_email` text,
	`room_id` integer,
	`timeslot_id` integer,
	`provider_id` integer,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`occupied_until_ms` integer NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`local_date` text NOT NULL,
	`local_time` text NOT NULL,
	`status` text NOT NULL,
	`payment_status` text DEFAULT 'unpaid' NOT NULL,
	`payment_method` text,
	`price` integer DEFAULT 0 NOT NULL,
	`refund_amount` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`booking_type` text,
	`hold_until_ms` integer,
	`reminder_sent_ms` integer,
	`cancelled_ms` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `service_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`timeslot_id`) REFERENCES `timeslots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appointments_kind_ck" CHECK(("appointments"."kind" = 'timeslot' AND "appointments"."timeslot_id" IS NOT NULL AND "appointments"."room_id" IS NOT NULL AND "appointments"."provider_id" IS NULL) OR ("appointments"."kind" = 'provider' AND "appointments"."provider_id" IS NOT NULL AND "appointments"."timeslot_id" IS NULL)),
	CONSTRAINT "appointments_status_ck" CHECK("appointments"."status" IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
	CONSTRAINT "appointments_payment_ck" CHECK("appointments"."payment_status" IN ('unpaid', 'paid', 'refunded')),
	CONSTRAINT "appointments_interval_ck" CHECK("appointments"."end_ms" > "appointments"."start_ms" AND "appointments"."occupied_until_ms" >= "appointments"."end_ms"),
	CONSTRAINT "appointments_money_ck" CHECK("appointments"."price" >= 0 AND "appointments"."refund_amount" >= 0 AND "appointments"."refund_amount" <= "appointments"."price")
);
--> statement-breakpoint
CREATE INDEX `appointments_slot_idx` ON `appointments` (`timeslot_id`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_provider_idx` ON `appointments` (`provider_id`,`start_ms`);--> statement-breakpoint
CREATE INDEX `appointments_user_idx` ON `appointments` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `appointments_created_idx` ON `appointments` (`created_at`);--> statement-breakpoint
CREATE INDEX `appointments_start_idx` ON `appointments` (`start_ms`);--> statement-breakpoint
CREATE INDEX `appointments_hold_idx` ON `appointments` (`hold_until_ms`) WHERE "appointments"."hold_until_ms" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `appointments_reminder_idx` ON `appointments` (`start_ms`) WHERE "appointments"."reminder_sent_ms" IS NULL AND "appointments"."status" IN ('pending', 'confirmed');--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`appointment_minutes` integer DEFAULT 30 NOT NULL,
	`buffer_minutes` integer DEFAULT 0 NOT NULL,
	`price` integer DEFAULT 0 NOT NULL,
	`working_hours` text NOT NULL,
	`days_off` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "providers_minutes_ck" CHECK("providers"."appointment_minutes" > 0 AND "providers"."buffer_minutes" >= 0 AND "providers"."price" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_email_uq` ON `providers` (lower("email"));--> statement-breakpoint
CREATE TABLE `service_rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`capacity` integer DEFAULT 1 NOT NULL,
	`room_type` text NOT NULL,
	`hourly_rate` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`metadata` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "service_rooms_type_ck" CHECK("service_rooms"."room_type" IN ('office', 'consultation', 'meeting', 'treatment')),
	CONSTRAINT "service_rooms_capacity_ck" CHECK("service_rooms"."capacity" >= 1),
	CONSTRAINT "service_rooms_rate_ck" CHECK("service_rooms"."hourly_rate" >= 0)
);
--> statement-breakpoint
CREATE INDEX `service_rooms_name_idx` ON `service_rooms` (`name`);--> statement-breakpoint
CREATE TABLE `timeslots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`local_date` text NOT NULL,
	`capacity` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `service_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "timeslots_interval_ck" CHECK("timeslots"."end_ms" > "timeslots"."start_ms"),
	CONSTRAINT "timeslots_capacity_ck" CHECK("timeslots"."capacity" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timeslots_room_start_uq` ON `timeslots` (`room_id`,`start_ms`);--> statement-breakpoint
CREATE INDEX `timeslots_room_date_idx` ON `timeslots` (`room_id`,`local_date`,`start_ms`);--> statement-breakpoint
-- hand-written: appointments
-- No two timeslots of a room overlap, whoever inserts them (slots are at most 480 minutes long).
CREATE TRIGGER `timeslots_no_overlap` BEFORE INSERT ON `timeslots`
WHEN EXISTS (
  SELECT 1 FROM `timeslots` t
  WHERE t.`room_id` = NEW.`room_id` AND t.`start_ms` > NEW.`start_ms` - 28800000 AND t.`start_ms` < NEW.`end_ms` AND t.`end_ms` > NEW.`start_ms`
)
BEGIN
  SELECT RAISE(ABORT, 'timeslot overlaps another timeslot of the room');
END;
