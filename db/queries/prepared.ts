/**
 * Prepared statements, cached per connection. Every query module goes through here so a hot path
 * (the availability check, the board) prepares its SQL once per database, not once per call.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../open-database';

const cache = new WeakMap<Sqlite, Map<string, Statement<unknown[], unknown>>>();

export function prepared<R = unknown>(db: Sqlite, sql: string): Statement<unknown[], R> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    statements.set(sql, stmt);
  }
  return stmt as Statement<unknown[], R>;
}

/** `%term%` for LIKE, with the user's own `%`, `_` and `\` taken literally (pair with `ESCAPE '\'`). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
