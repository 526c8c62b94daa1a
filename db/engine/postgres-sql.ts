/**
 * The rewrites the PostgreSQL adapter makes to the SQL that both engines share, so that one text
 * answers the same on both. Quoted strings, quoted identifiers and comments are left alone.
 *
 * 1. Placeholders. Queries are written with SQLite's `?` (positional) or `@name` (named)
 *    placeholders; PostgreSQL takes `$1, $2, …`. A named parameter used twice is one `$n`.
 * 2. SQLite's `INDEXED BY <index>` hint (it makes SQLite fail loudly when an index stops serving a
 *    query) means nothing to PostgreSQL's planner and is dropped.
 * 3. Case. SQLite's `LIKE` ignores the case of ASCII letters, and its `lower()` folds ASCII letters
 *    only. PostgreSQL's `ILIKE` and `lower()` do the same on text that collates as "C" (every text
 *    column is `COLLATE "C"`, db/schema-postgres.ts), so `LIKE` becomes `ILIKE`; a parameter would
 *    take the database's own collation, so `lower(?)` becomes `lower(?::text COLLATE "C")`.
 * 4. SQLite's `+?` (a parameter written as an expression, so SQLite keeps its plan: db/queries/like-pattern.ts)
 *    loses its `+`: PostgreSQL would type `+$1` as a number, which no text key equals and no index
 *    on a bigint key serves.
 *
 *   SELECT id FROM stays INDEXED BY stays_occupancy_idx WHERE room_id = ? AND checkin_ms < ?
 *   → SELECT id FROM stays WHERE room_id = $1 AND checkin_ms < $2
 *   WHERE a = @now OR b < @now AND c = @limit   → WHERE a = $1 OR b < $1 AND c = $2   (names: now, limit)
 *   WHERE lower(plate) = lower(?) OR notes LIKE ?  → WHERE lower(plate) = lower($1::text COLLATE "C") OR notes ILIKE $2
 *   WHERE s.id = +? AND start_ms > +?             → WHERE s.id = $1 AND start_ms > $2
 */
import { createHash } from 'node:crypto';

export interface PgStatement {
  /** A stable name, so each connection prepares the statement once. */
  name: string;
  text: string;
  /** For named parameters: the name of `$1`, `$2`, …; null for positional ones. */
  names: string[] | null;
}

const IDENT = /[A-Za-z0-9_]/;

function rewritePlaceholders(sql: string): { text: string; names: string[] | null } {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++positional}`;
    } else if (c === '@' && IDENT.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && IDENT.test(sql[j]!)) j++;
      const name = sql.slice(i + 1, j);
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i = j - 1;
    } else {
      out += c;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`SQL mixes ? and @name placeholders: ${sql}`);
  return { text: out, names: names.length > 0 ? names : null };
}

/** `found`, or `otherwise` when indexOf found nothing (-1). */
function orEnd(found: number, otherwise: number): number {
  return found === -1 ? otherwise : found;
}

/** The index of the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const j = sql.indexOf(quote, i);
    if (j === -1) return sql.length - 1;
    if (sql[j + 1] === quote) {
      i = j + 2;
      continue;
    }
    return j;
  }
}

/** Rules 2, 3 and 4, on the parts of the text outside quotes and comments. */
function rewriteWords(sql: string): string {
  return mapUnquoted(sql, (part) =>
    part
      .replace(/\s+INDEXED BY\s+\w+/gi, '')
      .replace(/\s+NOT INDEXED\b/gi, '')
      .replace(/\bLIKE\b/g, 'ILIKE')
      .replace(/\blower\(\s*(\?|@\w+)\s*\)/gi, 'lower($1::text COLLATE "C")')
      // A unary plus (after a comparison, a comma or an opening parenthesis) on a parameter.
      .replace(/([=<>,(]\s*)\+\s*(\?|@\w+)/g, '$1$2'),
  );
}

/** Applies `fn` to the stretches of `sql` outside quotes and comments. */
function mapUnquoted(sql: string, fn: (part: string) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    let end: number;
    if (c === "'" || c === '"') end = closingQuote(sql, i, c);
    else if (c === '-' && sql[i + 1] === '-') end = orEnd(sql.indexOf('\n', i), sql.length) - 1;
    else if (c === '/' && sql[i + 1] === '*') end = orEnd(sql.indexOf('*/', i + 2), sql.length - 1) + 1;
    else continue;
    out += fn(sql.slice(from, i)) + sql.slice(i, end + 1);
    from = end + 1;
    i = end;
  }
  return out + fn(sql.slice(from));
}

const cache = new Map<string, PgStatement>();

export function toPgStatement(sql: string): PgStatement {
  let statement = cache.get(sql);
  if (!statement) {
    const { text, names } = rewritePlaceholders(rewriteWords(sql));
    const name = `fd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statement = { name, text, names };
    cache.set(sql, statement);
  }
  return statement;
}

/** The values in `$n` order: positional ones as given, named ones picked from the one object. */
export function pgValues(statement: PgStatement, params: unknown[]): unknown[] {
  // A list with no filter given passes its (empty) object of named parameters to a statement that
  // names none; SQLite takes it, and so must this (a value bound to `$n` is never a plain object).
  if (!statement.names) return params.length === 1 && isPlainObject(params[0]) ? [] : params;
  const named = (params[0] ?? {}) as Record<string, unknown>;
  return statement.names.map((name) => {
    if (!(name in named)) throw new Error(`Missing named parameter @${name}`);
    return named[name];
  });
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
