/**
 * The two rewrites db:copy's test of the demo hotel needed (db/engine/postgres-sql.ts): SQLite's `+?`
 * loses its plus on PostgreSQL, and an empty object of named parameters given to a statement that
 * names none binds nothing. (Pure text: no database.)
 */
import { describe, expect, it } from 'vitest';
import { pgValues, toPgStatement } from '../../../db/engine/postgres-sql';

describe('toPgStatement: a parameter written as +? (SQLite keeps its plan)', () => {
  it('drops the unary plus after a comparison, a comma or a parenthesis, positional or named', () => {
    expect(toPgStatement('SELECT id FROM stays s WHERE s.id = +?').text).toBe('SELECT id FROM stays s WHERE s.id = $1');
    expect(toPgStatement('SELECT 1 FROM t WHERE a > +? AND b <+ ? AND c IN (+?, +?)').text).toBe('SELECT 1 FROM t WHERE a > $1 AND b <$2 AND c IN ($3, $4)');
    expect(toPgStatement('SELECT 1 FROM t WHERE a = +@at AND b < @at').text).toBe('SELECT 1 FROM t WHERE a = $1 AND b < $1');
  });

  it('keeps an addition, and a plus inside quotes', () => {
    expect(toPgStatement('UPDATE t SET seats = seats + ? WHERE note = \'= +?\'').text).toBe('UPDATE t SET seats = seats + $1 WHERE note = \'= +?\'');
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
