/**
 * The one rewrite the PostgreSQL adapter makes to the SQL that both engines share: placeholders.
 * Queries are written with SQLite's `?` (positional) or `@name` (named) placeholders; PostgreSQL
 * takes `$1, $2, …`. A named parameter used twice is one `$n`. SQLite's `INDEXED BY <index>` hint
 * (which makes SQLite fail loudly when an index stops serving a query) means nothing to PostgreSQL's
 * planner and is dropped. Quoted strings, quoted identifiers and comments are left alone.
 *
 *   SELECT id FROM stays INDEXED BY stays_occupancy_idx WHERE room_id = ? AND checkin_ms < ?
 *   → SELECT id FROM stays WHERE room_id = $1 AND checkin_ms < $2
 *   WHERE a = @now OR b < @now AND c = @limit   → WHERE a = $1 OR b < $1 AND c = $2   (names: now, limit)
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

const cache = new Map<string, PgStatement>();

export function toPgStatement(sql: string): PgStatement {
  let statement = cache.get(sql);
  if (!statement) {
    const { text, names } = rewritePlaceholders(sql.replace(/\s+INDEXED BY\s+\w+/gi, '').replace(/\s+NOT INDEXED\b/gi, ''));
    const name = `fd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statement = { name, text, names };
    cache.set(sql, statement);
  }
  return statement;
}

/** The values in `$n` order: positional ones as given, named ones picked from the one object. */
export function pgValues(statement: PgStatement, params: unknown[]): unknown[] {
  if (!statement.names) return params;
  const named = (params[0] ?? {}) as Record<string, unknown>;
  return statement.names.map((name) => {
    if (!(name in named)) throw new Error(`Missing named parameter @${name}`);
    return named[name];
  });
}
