CREATE TABLE "outbox_target_health" (
	"target" text COLLATE "C" PRIMARY KEY NOT NULL,
	"failing_since_ms" bigint,
	"failures" bigint DEFAULT 0 NOT NULL,
	"last_error" text COLLATE "C",
	"last_failure_ms" bigint,
	"last_success_ms" bigint,
	"next_probe_ms" bigint,
	"recovered_ms" bigint
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until_ms" bigint;