/**
 * A connection's writes, counted by the table each statement writes: what lets a read kept while its
 * data stands (core/read-memo.ts, the board) outlive the writes that do not touch it. A booking
 * commits about a dozen times on the host's connection (the stay, then the outbox's claims and marks
 * of its billing message, the search index's queue), and only the first changes the board.
 *
 * The table is read from the statement's SQL, once per SQL text: the first name after `INSERT [OR …]
 * INTO`, `REPLACE INTO`, `UPDATE [OR …]` or `DELETE FROM`. A write in any other form (one that
 * begins `WITH`, say) is counted as a write of every table (`ANY`), so a count can only be too
 * high, never too low. What else a statement changes besides its table: SQLite's triggers here write
 * only the search index (`stay_search_*`, from `stays`), and no foreign key cascades
 * (tests/db/engine/write-counts.test.ts holds the migrations to both).
 */

/** The key of a write whose table is not read from its SQL: counted against every table. */
export const ANY = '*';

const WRITTEN_TABLE = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`[]?(\w+)/i;

/** The table a write's SQL writes, or ANY. */
export function writtenTable(sql: string): string {
  return WRITTEN_TABLE.exec(sql)?.[1]?.toLowerCase() ?? ANY;
}

export interface WriteCounts {
  /** Counts one write statement (before it runs: one that fails counts too, which costs only a rebuild). */
  count(sql: string): void;
  /** Writes so far of any of `tables`, those of unknown table included. */
  of(tables: readonly string[]): number;
}

export function createWriteCounts(): WriteCounts {
  const tableOf = new Map<string, string>();
  const counts = new Map<string, number>();
  return {
    count(sql) {
      let table = tableOf.get(sql);
      if (table === undefined) {
        table = writtenTable(sql);
        tableOf.set(sql, table);
      }
      counts.set(table, (counts.get(table) ?? 0) + 1);
    },
    of(tables) {
      let n = counts.get(ANY) ?? 0;
      for (const t of tables) n += counts.get(t) ?? 0;
      return n;
    },
  };
}
