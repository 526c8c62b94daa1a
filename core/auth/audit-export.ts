/**
 * The audit log as CSV (`audit:export`), oldest first. `at` is stored as UTC ms and written as ISO
 * text in the hotel's zone, as the audit screen shows it (audit-service.ts); the date filters are
 * hotel-local dates, `to` inclusive. An actor named `=HYPERLINK(…)` stays text, like every export's
 * cells (core/export/csv-cells.ts).
 */
import type { ParsedInput } from '../../shared/contract/commands';
import { addDays, formatInstant, startOfLocalDate } from '../../shared/time';
import { defineExport } from '../export/export-def';

export type AuditCsvQuery = Partial<ParsedInput<'audit:export'>>;

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address'] as const;

export const auditExport = defineExport<AuditCsvQuery>({
  fileName: 'audit',
  title: 'Export the audit log',
  columns: AUDIT_CSV_COLUMNS.map((header) => (header === 'at' ? { header, cell: (ms, env) => formatInstant(ms as number, env.timeZone) } : header)),
  chunkQuery(query, env) {
    const where = ['id > @after'];
    const params: Record<string, string | number> = {};
    const add = (clause: string, name: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params[name] = value;
    };
    add('actor = @actor', 'actor', query.actor);
    add('action = @action', 'action', query.action);
    add('entity = @entity', 'entity', query.entity);
    add('at >= @fromMs', 'fromMs', query.from === undefined ? undefined : startOfLocalDate(query.from, env.timeZone));
    // `to` is inclusive: everything before the next local day begins.
    add('at < @toMs', 'toMs', query.to === undefined ? undefined : startOfLocalDate(addDays(query.to, 1), env.timeZone));
    const sql = `SELECT id, at, actor, role, action, entity, entity_id, detail, via, address
      FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`;
    return { sql, params };
  },
});
