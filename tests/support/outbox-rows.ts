import type { Sqlite } from '../../db/open-database';

export interface OutboxRow {
  id: number;
  target: string;
  topic: string;
  aggregate: string;
  path: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
}

/** The outbox as stored, payloads parsed, oldest first. */
export function outboxRows(sqlite: Sqlite): OutboxRow[] {
  const rows = sqlite
    .prepare('SELECT id, target, topic, aggregate, path, payload, status, attempts FROM outbox ORDER BY id')
    .all() as (Omit<OutboxRow, 'payload'> & { payload: string })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

export type CountedTable = 'stays' | 'outbox' | 'room_blocks' | 'guest_rooms' | 'service_rooms' | 'providers' | 'appointments' | 'stock_resources' | 'cars';

export function countRows(sqlite: Sqlite, table: CountedTable): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
