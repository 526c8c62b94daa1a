/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE). Reads filter on exact actor,
 * action and entity and an `at` range, newest first for the screen (`beforeId` paging) and oldest
 * first in chunks for the CSV export. Each combination of filters is its own cached statement.
 */
import type { Db } from '../database';
import type { auditLog } from '../schema';
import { columnList, type RowOf } from './row-types';

/** An audit row as read. */
export type AuditRecordRow = RowOf<typeof auditLog>;

/** An audit row as written (the id is the database's). */
export type AuditRow = Omit<AuditRecordRow, 'id'>;

export interface AuditRowFilter {
  actor?: string;
  action?: string;
  entity?: string;
  /** `at` range, epoch ms: fromMs inclusive, toMs exclusive. */
  fromMs?: number;
  toMs?: number;
}

const COLUMNS = columnList<typeof auditLog>(['id', 'at', 'actorId', 'actor', 'role', 'action', 'entity', 'entityId', 'detail', 'via', 'address']);

export async function insertAuditRow(db: Db, row: AuditRow): Promise<void> {
  await db.send(`INSERT INTO audit_log (at, actor_id, actor, role, action, entity, entity_id, detail, via, address)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.at, row.actorId, row.actor, row.role, row.action, row.entity, row.entityId, row.detail, row.via, row.address);
}

/**
 * The filter's clauses with named parameters (`@actor`, `@fromMs`, …), for the screen's list and the
 * CSV export's chunks alike; the caller adds its own paging clause.
 */
export function auditWhere(filter: AuditRowFilter): { clauses: string[]; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  for (const [column, name, op] of [
    ['actor', 'actor', '='],
    ['action', 'action', '='],
    ['entity', 'entity', '='],
    ['at', 'fromMs', '>='],
    ['at', 'toMs', '<'],
  ] as const) {
    const value = filter[name];
    if (value === undefined) continue;
    clauses.push(`${column} ${op} @${name}`);
    params[name] = value;
  }
  return { clauses, params };
}

/** Up to `limit` rows older than `beforeId` (all when null), newest first. */
export async function listAuditRows(db: Db, filter: AuditRowFilter, beforeId: number | null, limit: number): Promise<AuditRecordRow[]> {
  const w = auditWhere(filter);
  const sql = `SELECT ${COLUMNS} FROM audit_log WHERE ${['id < @beforeId', ...w.clauses].join(' AND ')} ORDER BY id DESC LIMIT @limit`;
  return await db.all<AuditRecordRow>(sql, { ...w.params, beforeId: beforeId ?? Number.MAX_SAFE_INTEGER, limit });
}
