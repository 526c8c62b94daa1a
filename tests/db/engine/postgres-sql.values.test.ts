/** The values the PostgreSQL adapter binds for the SQL both engines share (db/engine/postgres-sql.ts, `pgValues`). */
import { describe, expect, it } from 'vitest';
import { pgValues, toPgStatement } from '../../../db/engine/postgres-sql';

describe('pgValues', () => {
  it('binds positional values as given and named ones in $n order', () => {
    expect(pgValues(toPgStatement('SELECT 1 WHERE a = ? AND b = ?'), [1, 'x'])).toEqual([1, 'x']);
    expect(pgValues(toPgStatement('SELECT 1 WHERE a = @b AND c = @a AND d = @b'), [{ a: 1, b: 2 }])).toEqual([2, 1]);
  });

  it('binds nothing for an empty object of named values given to a statement that names none (a list with no filter)', () => {
    expect(pgValues(toPgStatement('SELECT count(*) AS n FROM stays'), [{}])).toEqual([]);
    expect(pgValues(toPgStatement('SELECT count(*) AS n FROM stays'), [])).toEqual([]);
  });

  it('refuses a named value it was not given', () => {
    expect(() => pgValues(toPgStatement('SELECT 1 WHERE a = @a'), [{}])).toThrow('Missing named parameter @a');
  });
});
