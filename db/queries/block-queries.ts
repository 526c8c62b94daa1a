/** Room blocks (maintenance, out of order): they occupy a room like a stay. */
import type { BlockKind } from '../../shared/rules/stay-rules';
import type { Db } from '../database';
import type { roomBlocks } from '../schema';
import type { RowOf } from './row-types';

/** A block as written: every column but the id. */
export type BlockRow = Omit<RowOf<typeof roomBlocks>, 'id'>;

/** A block as read, with its room's number and its local dates; `createdAt` in ms. */
export interface BlockRecord {
  id: number;
  roomId: number;
  roomNumber: number;
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
  reason: string;
  kind: BlockKind;
  createdAt: number;
}

const BLOCK_SELECT = `
  SELECT b.id, b.room_id AS "roomId", r.number AS "roomNumber", b.starts_at AS "from", b.ends_at AS "to",
         substr(b.starts_at, 1, 10) AS "fromDate", substr(b.ends_at, 1, 10) AS "toDate", b.reason, b.kind, b.created_at AS "createdAt"
  FROM room_blocks b JOIN guest_rooms r ON r.id = b.room_id`;

export async function insertBlock(db: Db, row: BlockRow): Promise<number> {
  return db.insert(`INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, kind, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.roomId, row.startsAt, row.endsAt, row.startsMs, row.endsMs, row.reason, row.kind, row.createdBy, row.createdAt);
}

/** The block's room, period, reason and kind, as a change rewrites them. */
export async function updateBlock(db: Db, id: number, row: Omit<BlockRow, 'createdBy' | 'createdAt'>): Promise<void> {
  await db.run('UPDATE room_blocks SET room_id = ?, starts_at = ?, ends_at = ?, starts_ms = ?, ends_ms = ?, reason = ?, kind = ? WHERE id = ?', row.roomId, row.startsAt, row.endsAt, row.startsMs, row.endsMs, row.reason, row.kind, id);
}

export async function getBlockRecord(db: Db, id: number): Promise<BlockRecord | undefined> {
  return await db.get<BlockRecord>(`${BLOCK_SELECT} WHERE b.id = +?`, id);
}

export async function deleteBlock(db: Db, id: number): Promise<boolean> {
  return (await db.run('DELETE FROM room_blocks WHERE id = ?', id)).changes === 1;
}

/** Blocks overlapping `[startMs, endMs)`, by start. Blocks are few, so a scan is cheap. */
export async function listBlockRecords(db: Db, startMs: number, endMs: number): Promise<BlockRecord[]> {
  return await db.all<BlockRecord>(`${BLOCK_SELECT} WHERE b.starts_ms < ? AND b.ends_ms > ? ORDER BY b.starts_ms, b.id`, endMs, startMs);
}
