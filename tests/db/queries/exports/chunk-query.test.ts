/**
 * An export's chunk query carries its LIMIT as a number in the SQL, never a bound parameter: SQLite's
 * planner reads a LIMIT's value, so a statement whose LIMIT is bound is planned again every time its
 * parameters are bound — at every chunk of an export (db/queries/exports/chunk-query.ts). Every export
 * of the registry goes through `keysetChunk`, so its SQL is checked here, the line query's too.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_CHUNK_ROWS, keysetChunk } from '../../../../db/queries/exports/chunk-query';
import { deskStaysChunk, staysChunk } from '../../../../db/queries/exports/stays-export-queries';
import { emptyFilter } from '../../../../db/queries/sql-filter';

describe('keysetChunk', () => {
  it('writes the chunk size into the LIMIT and binds only the keyset and the filters', () => {
    const chunk = keysetChunk(['s.id', 's.guest_name', { integer: 's.guests' }], 'stays s', 's.id', emptyFilter(), { lines: 2 });
    for (const sql of [chunk.sql, chunk.lines!.sql]) {
      expect(sql).toMatch(new RegExp(`ORDER BY s\\.id LIMIT ${EXPORT_CHUNK_ROWS}$`));
      expect(sql.match(/@\w+/g)?.filter((p) => p !== '@delimiter')).toEqual(['@after']);
    }
  });

  it('gives the same SELECT with another LIMIT, written in, for a small export\'s one read', () => {
    const chunk = keysetChunk(['id', 'name'], 'cars', 'id', emptyFilter());
    expect(chunk.upTo(5_001)).toBe(chunk.sql.replace(`LIMIT ${EXPORT_CHUNK_ROWS}`, 'LIMIT 5001'));
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => chunk.upTo(bad)).toThrow(/positive integer/);
  });

  it('gives the stays CSVs a written LIMIT in both their queries', () => {
    for (const chunk of [staysChunk({ from: '2026-01-01', status: 'booked' }), deskStaysChunk({ roomId: 3 }, { booked: 'B', checked_in: 'I', checked_out: 'O', cancelled: 'C', no_show: 'N' })]) {
      expect(chunk.sql).not.toMatch(/LIMIT @/);
      expect(chunk.lines!.sql).not.toMatch(/LIMIT @/);
      expect(chunk.sql).toMatch(new RegExp(`LIMIT ${EXPORT_CHUNK_ROWS}$`));
    }
  });
});
