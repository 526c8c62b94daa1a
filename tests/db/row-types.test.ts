import { describe, expect, it } from 'vitest';
import { columnList } from '../../db/queries/row-types';
import { loginThrottle, timeslots } from '../../db/schema';

describe('columnList', () => {
  it('aliases each column to its schema property, quoted, in the order given', () => {
    expect(columnList(loginThrottle, ['updatedAt', 'key', 'lockedUntil'])).toBe('updated_at AS "updatedAt", key, locked_until AS "lockedUntil"');
  });

  it('leaves a column bare where its name is the property', () => {
    expect(columnList(timeslots, ['id', 'capacity'])).toBe('id, capacity');
  });

  it('prefixes every column with the table alias for a join', () => {
    expect(columnList(timeslots, ['id', 'roomId'], 't')).toBe('t.id, t.room_id AS "roomId"');
  });
});
