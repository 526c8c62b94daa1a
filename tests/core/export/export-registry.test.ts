/**
 * The export registry against the contract: every `export: '<id>'` a command names has an entry and
 * every entry is named by a command; each entry's chunk query selects exactly one value per column,
 * takes the keyset's `@after` and `@limit`, and runs on the real schema with every filter its command
 * takes set at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { columnHeader } from '../../../core/export/export-def';
import { EXPORTS, exportDef, type ExportId } from '../../../core/export/export-registry';
import { commands, type CommandDef } from '../../../shared/contract/commands';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(() => (t = createTestCore()));
afterEach(() => t.close());

const exportCommands = Object.entries(commands as Record<string, CommandDef>).filter(([, def]) => def.export !== undefined);

/** One value for every filter of a command's input (as the REST route or IPC would have parsed it). */
const EVERY_FILTER: Record<string, unknown> = {
  delimiter: ';', bom: true, from: '2026-05-01', to: '2026-05-08', status: 'booked', roomId: 1,
  actor: 'admin', action: 'stays:create', entity: 'stays',
};

describe('the export registry', () => {
  it('has an entry for every export a command names, and none that no command names', () => {
    const named = new Set(exportCommands.map(([, def]) => def.export));
    expect(new Set(Object.keys(EXPORTS))).toEqual(named);
  });

  it('gives every export command a query with one value per column, on the real schema, every filter set', () => {
    for (const [name, def] of exportCommands) {
      const entry = exportDef(def.export as ExportId);
      const shape = (def.input as z.ZodObject).shape as Record<string, unknown>;
      const filters = Object.keys(shape);
      const unknownFilters = filters.filter((k) => !(k in EVERY_FILTER));
      expect(unknownFilters, `${name}: add its filters to EVERY_FILTER`).toEqual([]);
      const query = def.input.parse(Object.fromEntries(filters.map((k) => [k, EVERY_FILTER[k]]))) as never;

      const { sql, params } = entry.chunkQuery(query, { timeZone: 'Europe/Copenhagen' });
      const stmt = t.sqlite.prepare(sql).raw(true);
      expect(stmt.columns().map((c) => c.name), name).toHaveLength(entry.columns.length);
      expect(() => stmt.all({ ...params, after: 0, limit: 1 }), name).not.toThrow();
      expect(new Set(entry.columns.map(columnHeader)).size, `${name}: headers are unique`).toBe(entry.columns.length);
    }
  });
});
