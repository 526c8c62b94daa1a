/**
 * Which column of the file holds each field: the mapping sent, else the one saved by the last import
 * of the kind, else guessed from the header (Danish and English names, compared without case,
 * spaces, dots, dashes or underscores). A required field without a column refuses the file (400).
 */
import type { ImportKind } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import type { FieldDef } from './import-kind-def';

export const normalizeHeader = (h: string) => h.toLowerCase().replace(/[\s._\-/#:]+/g, '');

export interface ColumnMap {
  /** field → column index. */
  index: Map<string, number>;
  /** field → the header used, as the file spells it. */
  mapping: Record<string, string>;
}

export function mapColumns(kind: ImportKind, fields: readonly FieldDef[], header: string[], given: Record<string, string>, saved: Record<string, string>): ColumnMap {
  const byName = new Map(header.map((h, i) => [normalizeHeader(h), i]));
  const index = new Map<string, number>();
  const taken = new Set<number>();
  const pick = (field: string, name: string | undefined) => {
    if (name === undefined || index.has(field)) return;
    const i = byName.get(normalizeHeader(name));
    if (i === undefined || taken.has(i)) return;
    index.set(field, i);
    taken.add(i);
  };
  for (const def of fields) pick(def.field, given[def.field]);
  for (const def of fields) pick(def.field, saved[def.field]);
  for (const def of fields) for (const h of def.headers) pick(def.field, h);
  if (index.size === 0) {
    throw new AppError('VALIDATION', 'The file is not a CSV of this kind: no column of its header names a field', { reason: 'imports.notCsv', params: { kind } });
  }
  const missing = fields.find((d) => d.required && !index.has(d.field));
  if (missing) throw new AppError('VALIDATION', `The file has no column for "${missing.field}"`, { reason: 'imports.missingColumn', params: { field: missing.field } });
  const mapping = Object.fromEntries([...index].map(([field, i]) => [field, header[i]!]));
  return { index, mapping };
}
