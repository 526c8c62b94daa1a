/** Room blocks (maintenance, out of order): they occupy a room like a stay. */
import type { BlockKind } from '../../shared/rules/stay-rules';
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

export interface BlockRow {
  roomId: number;
  startsAt: string;
  endsAt: string;
  startsMs: number;
  endsMs: number;
  reason: string;
  kind: BlockKind;
  createdBy: string;
  createdAt: number;
}

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
  SELECT b.id, b.room_id AS roomId, r.number AS roomNumber, b.starts_at AS "from", b.ends_at AS "to",
         substr(b.starts_at, 1, 10) AS fromDate, substr(b.ends_at, 1, 10) AS toDate, b.reason, b.kind, b.created_at AS createdAt
  FROM room_blocks b JOIN guest_rooms r ON r.id = b.room_id`;

export function insertBlock(db: Sqlite, row: BlockRow): number {
  const r = prepared(
    db,
    `INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, kind, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.roomId, row.startsAt, row.endsAt, row.startsMs, row.endsMs, row.reason, row.kind, row.createdBy, row.createdAt);
  return Number(r.lastInsertRowid);
}

/** The block's room, period, reason and kind, as a change rewrites them. */
export function updateBlock(db: Sqlite, id: number, row: Omit<BlockRow, 'createdBy' | 'createdAt'>): void {
  prepared(db, 'UPDATE room_blocks SET room_id = ?, starts_at = ?, ends_at = ?, starts_ms = ?, ends_ms = ?, reason = ?, kind = ? WHERE id = ?').run(
    row.roomId, row.startsAt, row.endsAt, row.startsMs, row.endsMs, row.reason, row.kind, id,
  );
}

export function getBlockRecord(db: Sqlite, id: number): BlockRecord | undefined {
  return prepared<BlockRecord>(db, `${BLOCK_SELECT} WHERE b.id = +?` /* +?: see prepared.ts */).get(id);
}

export function deleteBlock(db: Sqlite, id: number): boolean {
  return prepared(db, 'DELETE FROM room_blocks WHERE id = ?').run(id).changes === 1;
}

/** Blocks overlapping `[startMs, endMs)`, by start. Blocks are few, so a scan is cheap. */
export function listBlockRecords(db: Sqlite, startMs: number, endMs: number): BlockRecord[] {
  return prepared<BlockRecord>(db, `${BLOCK_SELECT} WHERE b.starts_ms < ? AND b.ends_ms > ? ORDER BY b.starts_ms, b.id`).all(endMs, startMs);
}
