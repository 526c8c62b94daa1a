/**
 * A database as an older release left it: a copy of the migrations folder holding only the first
 * `count` migrations, applied to a fresh file. A migration's test fills that database with rows, then
 * opens it with every migration (as the new release does) and checks what the step did to them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMigrationsDir, openDatabase, type Sqlite } from '../../../db/open-database';

export interface JournalEntry {
  idx: number;
  tag: string;
}

export function journal(dir = defaultMigrationsDir()): JournalEntry[] {
  return (JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

export interface MigrationStep {
  /** The database with every migration before `tag` applied. */
  before: Sqlite;
  /** Closes `before` and opens the same file with every migration, as the new release does. */
  migrate(): Promise<Sqlite>;
  /** Closes what is open and removes the folder. */
  dispose(): void;
}

/** Opens a database migrated up to, but not including, the migration `tag`. */
export async function migrationStep(tag: string): Promise<MigrationStep> {
  const entries = journal();
  const count = entries.findIndex((e) => e.tag === tag);
  if (count < 0) throw new Error(`no migration ${tag} in the journal`);
  const dir = mkdtempSync(join(tmpdir(), `frontdesk-${tag}-`));
  const older = join(dir, 'migrations');
  cpSync(defaultMigrationsDir(), older, { recursive: true });
  for (const e of entries.slice(count)) rmSync(join(older, `${e.tag}.sql`));
  writeFileSync(join(older, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: entries.slice(0, count) }));
  const file = join(dir, 'frontdesk.db');
  let open: Sqlite | undefined = (await openDatabase({ file, migrationsDir: older })).sqlite;
  const step: MigrationStep = {
    before: open,
    async migrate() {
      open?.close();
      open = (await openDatabase({ file })).sqlite;
      return open;
    },
    dispose() {
      open?.close();
      open = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return step;
}

export const sqliteNames = (db: Sqlite, type: 'table' | 'index' | 'trigger'): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
