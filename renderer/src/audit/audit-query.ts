/**
 * The audit screen's filter form as the contract's query: empty fields are left out, names are
 * trimmed, and paging asks for entries older than the last one shown. Pure: tested in Node.
 */
import type { CommandInput } from '../../../shared/contract/commands';

export interface AuditFilter {
  actor: string;
  action: string;
  entity: string;
  /** Hotel-local dates (`YYYY-MM-DD`), inclusive; empty for open-ended. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { actor: '', action: '', entity: '', from: '', to: '' };

/** Entries per page: a screenful and some. */
export const AUDIT_PAGE_SIZE = 100;

type AuditFilterInput = Partial<Record<keyof AuditFilter, string>>;

export function auditFilterInput(filter: AuditFilter): AuditFilterInput {
  const input: AuditFilterInput = {};
  for (const key of Object.keys(EMPTY_AUDIT_FILTER) as (keyof AuditFilter)[]) {
    const value = filter[key].trim();
    if (value) input[key] = value;
  }
  return input;
}

export function auditQuery(filter: AuditFilter, beforeId: number | null = null): CommandInput<'audit:list'> {
  return { ...auditFilterInput(filter), limit: AUDIT_PAGE_SIZE, ...(beforeId === null ? {} : { beforeId }) };
}

/** A date range that ends before it starts finds nothing: said at the field instead. */
export function auditRangeInvalid(filter: AuditFilter): boolean {
  return Boolean(filter.from && filter.to && filter.to < filter.from);
}
