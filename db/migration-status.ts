/**
 * Whether the database holds every migration this release knows (a load balancer's readiness,
 * `GET /health/ready`). drizzle's migrator records each applied migration with its journal entry's
 * `when` as `created_at`, and applies those newer than the newest recorded one; so the database is
 * current when its newest `created_at` is at least the journal's last `when`. A database migrated by
 * a newer release is current too (its newer migrations are unknown here, ours are all in); one
 * restored from an older backup, or never migrated, is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, MigrationStatus } from './database';

export type { MigrationStatus };

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations of one engine's folder (`db/migrations/<engine>`), in order, from drizzle-kit's journal. */
export function readJournal(migrationsFolder: string): JournalEntry[] {
  const file = join(migrationsFolder, 'meta', '_journal.json');
  const entries = (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
  if (entries.length === 0) throw new Error(`${file} lists no migration`);
  return entries;
}

/** One read of `table` (drizzle's migrations table, which differs per engine) against the journal. */
export async function readMigrationStatus(db: Db, table: string, journal: readonly JournalEntry[]): Promise<MigrationStatus> {
  const row = (await db.get<{ n: number; at: number | null }>(`SELECT count(*) AS n, max(created_at) AS at FROM ${table}`))!;
  const latest = journal[journal.length - 1]!;
  return { applied: Number(row.n), expected: journal.length, latest: latest.tag, current: row.at !== null && Number(row.at) >= latest.when };
}
