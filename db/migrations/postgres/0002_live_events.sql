-- Live events shared between the servers on this database (issue 20 item 4), PostgreSQL only:
-- SQLite runs one process, whose in-process bus reaches every client, so it has no such table
-- (docs/decisions/0003-live-events-across-servers.md). Written by db/queries/live-event-queries.ts
-- in the unit of work of the change, read by db/live-event-listener.ts by transaction (`xid`),
-- pruned after a few minutes.
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"origin" text COLLATE "C" NOT NULL,
	"payload" text COLLATE "C" NOT NULL,
	"xid" xid8 DEFAULT pg_current_xact_id() NOT NULL,
	"created_ms" bigint DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "live_events_xid" ON "live_events" ("xid");
--> statement-breakpoint
CREATE INDEX "live_events_created_ms" ON "live_events" ("created_ms");
