import { getTableColumns, is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { columnList, columnName } from '../../../db/queries/row-types';
import * as schema from '../../../db/schema';
import type { loginThrottle, timeslots } from '../../../db/schema';

describe('columnList', () => {
  it('aliases each column to its schema property, quoted, in the order given', () => {
    expect(columnList<typeof loginThrottle>(['updatedAt', 'key', 'lockedUntil'])).toBe('updated_at AS "updatedAt", key, locked_until AS "lockedUntil"');
  });

  it('leaves a column bare where its name is the property', () => {
    expect(columnList<typeof timeslots>(['id', 'capacity'])).toBe('id, capacity');
  });

  it('prefixes every column with the table alias for a join', () => {
    expect(columnList<typeof timeslots>(['id', 'roomId'], 't')).toBe('t.id, t.room_id AS "roomId"');
  });

  it('names the same column as the schema does, for every column of every table', () => {
    const tables = Object.values(schema as Record<string, unknown>).filter((value): value is Table => is(value, Table));
    expect(tables.length).toBeGreaterThan(10);
    const mismatched = tables.flatMap((table) =>
      Object.entries(getTableColumns(table))
        .filter(([prop, column]) => columnName(prop) !== column.name)
        .map(([prop, column]) => `${prop} → ${column.name}`),
    );
    expect(mismatched).toEqual([]);
  });
});
