/**
 * The audit log as CSV (`audit:export`), oldest first. `at` is stored as UTC ms and written as ISO
 * text in the hotel's zone, as the audit screen shows it (audit-service.ts); the date filters are
 * hotel-local dates, `to` inclusive. An actor named `=HYPERLINK(…)` stays text, like every export's
 * cells (core/export/csv-cells.ts).
 */
import type { ParsedInput } from '../../shared/contract/commands';
import { auditChunk } from '../../db/queries/exports/audit-export-queries';
import { formatInstant } from '../../shared/time';
import { auditRowFilter } from './audit-filter';
import { defineExport } from '../export/export-def';

export type AuditCsvQuery = Partial<ParsedInput<'audit:export'>>;

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address'] as const;

export const auditExport = defineExport<AuditCsvQuery>({
  fileName: 'audit',
  title: 'Export the audit log',
  columns: AUDIT_CSV_COLUMNS.map((header) => (header === 'at' ? { header, cell: (ms, env) => formatInstant(ms as number, env.timeZone) } : header)),
  chunkQuery: (query, env) => auditChunk(auditRowFilter(query, env.timeZone)),
});
