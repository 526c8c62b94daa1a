/** The audit log's CSV chunk (core/auth/audit-export.ts: its columns in this order), filtered as the audit screen's list is (`auditWhere`). */
import { auditWhere, type AuditRowFilter } from '../audit-queries';
import { keysetChunk, type ChunkQuery } from './chunk-query';

const COLUMNS = ['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address'];

export function auditChunk(f: AuditRowFilter): ChunkQuery {
  const { clauses, params } = auditWhere(f);
  return keysetChunk(COLUMNS, 'audit_log', 'id', { clauses, params });
}
