/**
 * Read-only connections for long reads (the CSV export), so the writer is never held up. Kept free
 * of drizzle so the export's worker thread can open one without loading the ORM.
 */
import Database from 'better-sqlite3';

export function openReadConnection(file: string, options: { cacheKiB?: number } = {}): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (options.cacheKiB !== undefined) sqlite.pragma(`cache_size = -${options.cacheKiB}`);
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
