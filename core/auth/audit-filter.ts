/**
 * The audit log's filters as the screen and the CSV export both take them — exact actor, action and
 * entity, and hotel-local dates with `to` inclusive — turned into the row filter the queries run.
 * Pure, so the export's worker thread uses it too.
 */
import type { AuditRowFilter } from '../../db/queries/audit-queries';
import { addDays, startOfLocalDate } from '../../shared/time';

export interface AuditFilterInput {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export function auditRowFilter(f: AuditFilterInput, timeZone: string): AuditRowFilter {
  return {
    actor: f.actor,
    action: f.action,
    entity: f.entity,
    fromMs: f.from === undefined ? undefined : startOfLocalDate(f.from, timeZone),
    // `to` is inclusive: everything before the next local day begins.
    toMs: f.to === undefined ? undefined : startOfLocalDate(addDays(f.to, 1), timeZone),
  };
}
