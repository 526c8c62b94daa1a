/**
 * The export registry against the contract: every `export: '<id>'` a command names has an entry and
 * every entry is named by a command; each entry's chunk query selects exactly one value per column,
 * takes the keyset's `@after` (its LIMIT written in), and runs on the real schema with every filter its command
 * takes set at once — the command's valid input from the contract fixture (the one table of valid
 * inputs, which names every field), so a new export needs no line here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { columnHeader, type ChunkQuery, type ExportDef, type ExportEnv, type ExportId } from '../../../core/export/export-def';
import { openSnapshotQueries, openSnapshotReader } from '../../../db/read-connection';
import { EXPORTS, exportDef } from '../../../core/composition/export-registry';
import { commands, type CommandDef, type CommandName } from '../../../shared/contract/commands';
import { contractInput, seedContractHotel } from '../../support/contract-fixture';
import type { ContractFixture } from '../../support/domain-fixture';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
let fixture: ContractFixture;
beforeAll(async () => {
  t = await createTestCore();
  fixture = await seedContractHotel(t.core);
});
afterAll(async () => await t?.close());

/** The first rows of a chunk query, as the export's worker reads them (its own snapshot, raw rows). */
async function firstChunk({ sql, params }: ChunkQuery): Promise<unknown[][]> {
  const reader = await openSnapshotReader(t.db.exportSource, sql);
  try {
    return await reader.chunk({ ...params, after: 0 });
  } finally {
    await reader.close();
  }
}

/** An export's first rows: a chunked one's first chunk, a computed one's rows (a report's), each in its own snapshot. */
async function firstRows(entry: ExportDef, query: never, env: ExportEnv): Promise<unknown[][]> {
  if (!entry.rows) return await firstChunk(entry.chunkQuery(query, env));
  const db = await openSnapshotQueries(t.db.exportSource);
  try {
    return (await entry.rows(db, query, env)).slice(0, 2);
  } finally {
    await db.close();
  }
}

const exportCommands = Object.entries(commands as Record<string, CommandDef>).filter(([, def]) => def.export !== undefined) as [CommandName, CommandDef][];

describe('the export registry', () => {
  it('has an entry for every export a command names, and none that no command names', () => {
    const named = new Set(exportCommands.map(([, def]) => def.export));
    expect(new Set(Object.keys(EXPORTS))).toEqual(named);
  });

  it('gives every export command a query with one value per column, on the real schema, every filter set', async () => {
    for (const [name, def] of exportCommands) {
      const entry = exportDef(def.export as ExportId);
      const shape = (def.input as z.ZodObject).shape as Record<string, unknown>;
      const input = contractInput(name, fixture);
      expect(Object.keys(shape).filter((k) => !(k in input)), `${name}: its fixture input names every filter`).toEqual([]);
      const query = def.input.parse(input) as never;

      const env: ExportEnv = { timeZone: 'Europe/Copenhagen', report: { nowMs: t.clock.now(), maxStayMs: 90 * 86_400_000, outOfOrderUnavailable: true } };
      // Every filter set: the query runs on the real schema.
      await expect(firstRows(entry, query, env), name).resolves.toBeDefined();
      // No filter: the fixture has a row of every export, with one value per column.
      const [row] = await firstRows(entry, def.input.parse({}) as never, env);
      expect(row, `${name}: a row of the fixture`).toHaveLength(entry.columns.length);
      expect(new Set(entry.columns.map(columnHeader)).size, `${name}: headers are unique`).toBe(entry.columns.length);
    }
  });

  it("gives every export whose chunk SQL joins lines the same rows by line, every filter set, its joined cells' values as they are", async () => {
    let joined = 0;
    for (const [name, def] of exportCommands) {
      const entry = exportDef(def.export as ExportId);
      if (entry.rows) continue;
      const env: ExportEnv = { timeZone: 'Europe/Copenhagen' };
      for (const query of [def.input.parse(contractInput(name, fixture)), def.input.parse({})] as never[]) {
        const chunk = entry.chunkQuery(query, env);
        if (!chunk.lines) continue;
        joined++;
        expect(entry.columns.slice(0, chunk.lines.cells).every((c) => typeof c === 'string'), `${name}: no joined cell is converted`).toBe(true);
        const reader = await openSnapshotReader(t.db.exportSource, chunk.sql, { linesSql: chunk.lines.sql });
        try {
          const args = { ...chunk.params, after: 0, limit: 2 };
          const values = await reader.chunk(args);
          const lines = await reader.lines!({ ...args, delimiter: ';' });
          expect(lines.map((l) => l[0]), name).toEqual(values.map((v) => v[0]));
          lines.forEach((line, i) => {
            expect(line, name).toHaveLength(2 + entry.columns.length - chunk.lines!.cells);
            expect(line[1], name).toBe(values[i]!.slice(0, chunk.lines!.cells).map((v) => (v === null ? '' : String(v))).join(';'));
          });
        } finally {
          await reader.close();
        }
      }
    }
    expect(joined, 'the stays CSVs join their lines in SQL').toBeGreaterThanOrEqual(4);
  });
});
