/**
 * What the query modules share. (Statements are prepared once per connection by the engine
 * adapters, db/engine/*.)
 *
 * **STAT4 re-prepare trap (SQLite).** This SQLite is built with SQLITE_ENABLE_STAT4, so a statement whose plan
 * could depend on a bound value (a JOIN with `column = ?`) is silently re-prepared on every call:
 * 26 µs instead of 3.6 µs for a stay by id. Writing the value as `+?` (an expression, not a bare
 * parameter) keeps the plan (still a rowid lookup) and the statement prepared once. Use `+?` for the
 * key of JOIN lookups on hot paths. The PostgreSQL adapter drops the `+` (db/engine/postgres-sql.ts).
 */

/** `%term%` for LIKE, with the user's own `%`, `_` and `\` taken literally (pair with `ESCAPE '\'`). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
