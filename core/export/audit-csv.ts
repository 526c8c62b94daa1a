/**
 * The audit log as CSV: the HTTP download and the desktop's save dialog. The log is small next to
 * the stays (a row per change), so it is read on the host's thread, 500 rows a chunk from the audit
 * service's iterator, each chunk formatted and handed on before the next is read (constant memory).
 * Cells are neutralised like every export's (csv-cells.ts): an actor named `=HYPERLINK(…)` stays text.
 */
import { open, rename, rm } from 'node:fs/promises';
import type { AuditEntry } from '../../shared/contract/auth-schemas';
import type { ParsedInput } from '../../shared/contract/commands';
import type { AuditService } from '../auth/auth-types';
import { csvLine, csvLines, UTF8_BOM } from './csv-cells';

export type AuditCsvQuery = ParsedInput<'audit:export'>;

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address'] as const;
const CHUNK_ROWS = 500;

function row(e: AuditEntry): unknown[] {
  return [e.id, e.at, e.actor, e.role, e.action, e.entity, e.entityId ?? '', e.detail, e.via, e.address ?? ''];
}

export interface AuditCsvPiece {
  text: string;
  rows: number;
}

/** The CSV text in pieces: the header (after an optional BOM), then one piece per 500 entries. */
export function* auditCsvPieces(audit: Pick<AuditService, 'iterate'>, query: AuditCsvQuery): Generator<AuditCsvPiece> {
  const delimiter = query.delimiter;
  yield { text: `${query.bom ? UTF8_BOM : ''}${csvLine([...AUDIT_CSV_COLUMNS], delimiter)}`, rows: 0 };
  let rows: unknown[][] = [];
  for (const entry of audit.iterate(query)) {
    rows.push(row(entry));
    if (rows.length === CHUNK_ROWS) {
      yield { text: csvLines(rows, delimiter), rows: rows.length };
      rows = [];
    }
  }
  if (rows.length) yield { text: csvLines(rows, delimiter), rows: rows.length };
}

/** Writes the export to `filePath` through a `.part` sibling renamed at the end (never half a file). */
export async function writeAuditCsvFile(audit: Pick<AuditService, 'iterate'>, query: AuditCsvQuery, filePath: string): Promise<{ rows: number }> {
  const partPath = `${filePath}.part`;
  const file = await open(partPath, 'w');
  let rows = 0;
  try {
    for (const piece of auditCsvPieces(audit, query)) {
      await file.write(piece.text);
      rows += piece.rows;
    }
    await file.close();
    await rename(partPath, filePath);
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(partPath, { force: true });
    throw e;
  }
  return { rows };
}
