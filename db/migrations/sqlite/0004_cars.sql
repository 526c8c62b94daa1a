CREATE TABLE `car_rentals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`car_id` integer NOT NULL,
	`guest_name` text NOT NULL,
	`stay_id` integer,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`days` integer NOT NULL,
	`daily_rate` integer NOT NULL,
	`price` integer NOT NULL,
	`status` text DEFAULT 'reserved' NOT NULL,
	`mileage_out` integer,
	`mileage_in` integer,
	`damage_note` text,
	`notes` text DEFAULT '' NOT NULL,
	`handed_out_at` text,
	`returned_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`created_ms` integer NOT NULL,
	`updated_ms` integer NOT NULL,
	FOREIGN KEY (`car_id`) REFERENCES `cars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "car_rentals_interval_ck" CHECK("car_rentals"."to_date" > "car_rentals"."from_date"),
	CONSTRAINT "car_rentals_days_ck" CHECK("car_rentals"."days" >= 1),
	CONSTRAINT "car_rentals_price_ck" CHECK("car_rentals"."price" >= 0 AND "car_rentals"."daily_rate" >= 0),
	CONSTRAINT "car_rentals_status_ck" CHECK("car_rentals"."status" IN ('reserved', 'out', 'returned', 'cancelled')),
	CONSTRAINT "car_rentals_mileage_ck" CHECK("car_rentals"."mileage_in" IS NULL OR ("car_rentals"."mileage_out" IS NOT NULL AND "car_rentals"."mileage_in" >= "car_rentals"."mileage_out")),
	CONSTRAINT "car_rentals_out_ck" CHECK("car_rentals"."status" NOT IN ('out', 'returned') OR "car_rentals"."mileage_out" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `car_rentals_holding_idx` ON `car_rentals` (`car_id`,`from_date`,`to_date`) WHERE status IN ('reserved', 'out');--> statement-breakpoint
CREATE INDEX `car_rentals_dates_idx` ON `car_rentals` (`from_date`,`to_date`);--> statement-breakpoint
CREATE INDEX `car_rentals_car_idx` ON `car_rentals` (`car_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `car_rentals_stay_idx` ON `car_rentals` (`stay_id`);--> statement-breakpoint
CREATE TABLE `cars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand` text NOT NULL,
	`model` text NOT NULL,
	`fuel_type` text NOT NULL,
	`mileage` integer NOT NULL,
	`is_rented` integer DEFAULT false NOT NULL,
	`has_damage` integer DEFAULT false NOT NULL,
	`damage_note` text,
	`plate` text,
	`seats` integer DEFAULT 5 NOT NULL,
	`daily_rate` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	CONSTRAINT "cars_mileage_ck" CHECK("cars"."mileage" >= 0),
	CONSTRAINT "cars_seats_ck" CHECK("cars"."seats" BETWEEN 1 AND 60),
	CONSTRAINT "cars_rate_ck" CHECK("cars"."daily_rate" >= 0),
	CONSTRAINT "cars_damage_ck" CHECK("cars"."has_damage" IN (0, 1) AND "cars"."is_rented" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cars_plate_uq` ON `cars` (lower("plate")) WHERE plate IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `cars_brand_idx` ON `cars` (`brand`,`model`);--> statement-breakpoint
-- hand-written: cars
-- A car's odometer never goes back, whoever writes the row (SPEC §3.4: the return's mileage is never lower).
CREATE TRIGGER `cars_mileage_never_down` BEFORE UPDATE OF `mileage` ON `cars`
WHEN NEW.`mileage` < OLD.`mileage`
BEGIN
	SELECT RAISE(ABORT, 'cars.mileage never goes down');
END;
