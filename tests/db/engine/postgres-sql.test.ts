/**
 * The rewrites that let one SQL text run on both engines (db/engine/postgres-sql.ts): placeholders,
 * SQLite's hints and `+?`, and case (LIKE → ILIKE, lower(?) under "C"), with quoted strings, quoted
 * identifiers and comments left exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { pgValues, toPgStatement } from '../../../db/engine/postgres-sql';

const text = (sql: string) => toPgStatement(sql).text;

describe('placeholders', () => {
  it('numbers positional ? as $1, $2, … and passes the values as given', () => {
    const s = toPgStatement('SELECT * FROM stays WHERE room_id = ? AND checkin_ms < ? AND id <> ?');
    expect(s.text).toBe('SELECT * FROM stays WHERE room_id = $1 AND checkin_ms < $2 AND id <> $3');
    expect(s.names).toBeNull();
    expect(pgValues(s, [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('gives a named parameter one $n however often it is used, and picks the values by name', () => {
    const s = toPgStatement('SELECT id FROM outbox WHERE next_attempt_ms <= @now AND (failing_since_ms IS NULL OR failing_since_ms > @now - @window) LIMIT @limit');
    expect(s.text).toBe('SELECT id FROM outbox WHERE next_attempt_ms <= $1 AND (failing_since_ms IS NULL OR failing_since_ms > $1 - $2) LIMIT $3');
    expect(s.names).toEqual(['now', 'window', 'limit']);
    expect(pgValues(s, [{ limit: 10, now: 5, window: 2, unused: 'x' }])).toEqual([5, 2, 10]);
  });

  it('refuses a statement mixing ? and @name, and a named parameter not given', () => {
    expect(() => toPgStatement('SELECT 1 WHERE a = ? AND b = @b')).toThrow(/mixes \? and @name/);
    const s = toPgStatement('SELECT 1 WHERE a = @a AND b = @b');
    expect(() => pgValues(s, [{ a: 1 }])).toThrow('Missing named parameter @b');
  });

  it('gives the same text the same stable statement name, and another text another', () => {
    const a = toPgStatement('SELECT 1 WHERE a = ?');
    expect(toPgStatement('SELECT 1 WHERE a = ?')).toBe(a);
    expect(a.name).toMatch(/^fd_[0-9a-f]{20}$/);
    expect(toPgStatement('SELECT 2 WHERE a = ?').name).not.toBe(a.name);
  });
});

describe('what is left alone', () => {
  it('leaves ?, @, LIKE and lower(?) inside quoted strings, quoted identifiers and comments as written', () => {
    expect(text(`SELECT 'what? @home LIKE lower(?)' AS "who?", x FROM t WHERE a = ? -- why? LIKE @x\n AND b = ? /* lower(?) LIKE */`)).toBe(
      `SELECT 'what? @home LIKE lower(?)' AS "who?", x FROM t WHERE a = $1 -- why? LIKE @x\n AND b = $2 /* lower(?) LIKE */`,
    );
  });

  it('reads a doubled quote as part of the string, not its end', () => {
    expect(text(`SELECT 'it''s ? here' AS "a ""?"" b" WHERE c = ?`)).toBe(`SELECT 'it''s ? here' AS "a ""?"" b" WHERE c = $1`);
  });

  it('leaves a binary plus and an upper-case-free word containing like alone', () => {
    expect(text('SELECT a + ?, likely, unlike FROM t WHERE b = ? + 1')).toBe('SELECT a + $1, likely, unlike FROM t WHERE b = $2 + 1');
  });
});

describe('SQLite’s own words', () => {
  it('drops INDEXED BY <index> and NOT INDEXED', () => {
    expect(text('SELECT id FROM stays INDEXED BY stays_occupancy_idx WHERE room_id = ?')).toBe('SELECT id FROM stays WHERE room_id = $1');
    expect(text('SELECT id FROM stays NOT INDEXED WHERE room_id = ?')).toBe('SELECT id FROM stays WHERE room_id = $1');
  });

  it('drops the + of SQLite’s +? after a comparison, a comma or a parenthesis', () => {
    expect(text('SELECT 1 FROM s WHERE s.id = +? AND start_ms > +? AND x IN (+?, +?)')).toBe('SELECT 1 FROM s WHERE s.id = $1 AND start_ms > $2 AND x IN ($3, $4)');
    expect(text('SELECT 1 FROM s WHERE start_ms <+ @to AND (+@from < end_ms)')).toBe('SELECT 1 FROM s WHERE start_ms <$1 AND ($2 < end_ms)');
  });
});

describe('case, as SQLite answers it', () => {
  it('makes LIKE ILIKE (SQLite’s LIKE ignores the case of ASCII letters)', () => {
    expect(text(`SELECT id FROM stays WHERE guest_name LIKE ? ESCAPE '\\' OR notes NOT LIKE ?`)).toBe(
      `SELECT id FROM stays WHERE guest_name ILIKE $1 ESCAPE '\\' OR notes NOT ILIKE $2`,
    );
  });

  it('folds a lower() parameter under COLLATE "C" (ASCII letters only), positional or named', () => {
    expect(text('SELECT id FROM users WHERE lower(username) = lower(?) OR lower(email) = lower(?)')).toBe(
      'SELECT id FROM users WHERE lower(username) = lower($1::text COLLATE "C") OR lower(email) = lower($2::text COLLATE "C")',
    );
    expect(text('SELECT id FROM users WHERE lower(email) = LOWER( @email )')).toBe('SELECT id FROM users WHERE lower(email) = lower($1::text COLLATE "C")');
  });

  it('leaves lower() of a column alone (the column is COLLATE "C" already)', () => {
    expect(text('SELECT lower(name) FROM stock_resources ORDER BY lower(name)')).toBe('SELECT lower(name) FROM stock_resources ORDER BY lower(name)');
  });
});

describe('pgValues', () => {
  it('binds nothing for an empty object of named parameters given to a statement without names', () => {
    expect(pgValues(toPgStatement('SELECT id FROM rooms ORDER BY id'), [{}])).toEqual([]);
  });

  it('keeps positional values as given, even a single one, and refuses a missing name', () => {
    expect(pgValues(toPgStatement('SELECT id FROM rooms WHERE id = ?'), [7])).toEqual([7]);
    expect(pgValues(toPgStatement('SELECT id FROM rooms WHERE a = @a AND b = @b AND c = @a'), [{ a: 1, b: 'x' }])).toEqual([1, 'x']);
    expect(() => pgValues(toPgStatement('SELECT id FROM rooms WHERE a = @a'), [{}])).toThrow('Missing named parameter @a');
  });
});
