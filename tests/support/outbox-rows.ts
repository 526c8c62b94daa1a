import type { Db } from '../../db/database';

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
export async function outboxRows(db: Db): Promise<OutboxRow[]> {
  const rows = await db.all<Omit<OutboxRow, 'payload'> & { payload: string }>(
    'SELECT id, target, topic, aggregate, path, payload, status, attempts FROM outbox ORDER BY id',
  );
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

export type CountedTable = 'stays' | 'outbox' | 'room_blocks' | 'guest_rooms' | 'service_rooms' | 'providers' | 'appointments' | 'stock_resources' | 'cars';

export async function countRows(db: Db, table: CountedTable): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}
