/**
 * One data row → the input of the domain's create command, or the row's errors: each cell read as
 * its field's type (cell-values.ts), a formula refused, then the whole input checked by the same
 * contract schema the desk's command uses, each issue named by the column it came from.
 */
import type { ImportRowError } from '../../shared/contract/imports';
import { WEEKDAYS } from '../../shared/contract/appointments';
import type { ColumnMap } from './column-mapping';
import { isFormula, parseBoolean, parseDate, parseHours, parseInteger, parseMoney } from './cell-values';
import type { FieldDef, KindDef } from './import-kind-def';

export interface RowInput {
  line: number;
  input?: Record<string, unknown>;
  errors: ImportRowError[];
}

const READERS: Record<FieldDef['type'], (t: string) => unknown> = {
  text: (t) => t,
  integer: parseInteger,
  money: parseMoney,
  date: parseDate,
  boolean: parseBoolean,
  hours: parseHours,
};

const TYPE_REASON: Record<FieldDef['type'], string> = {
  text: 'imports.badValue', integer: 'imports.badNumber', money: 'imports.badNumber', date: 'imports.badDate', boolean: 'imports.badValue', hours: 'imports.badHours',
};

export function rowError(line: number, column: string | null, reason: string, message: string, params: Record<string, string | number> = {}): ImportRowError {
  return { row: line, column, reason, message, params: { row: line, ...(column !== null ? { column } : {}), ...params } };
}

/** Providers' `hoursMon`…`hoursSun` cells → `workingHours` (a day without a cell is a day off). */
function foldHours(values: Record<string, unknown>): void {
  const days = WEEKDAYS.map((d) => `hours${d[0]!.toUpperCase()}${d.slice(1)}`);
  if (!days.some((k) => k in values)) return;
  values.workingHours = Object.fromEntries(WEEKDAYS.map((d, i) => [d, values[days[i]!] ?? null]));
  for (const k of days) delete values[k];
}

export function readRow(kind: KindDef, columns: ColumnMap, line: number, cells: string[], header: string[]): RowInput {
  const errors: ImportRowError[] = [];
  const values: Record<string, unknown> = {};
  for (const def of kind.fields) {
    const i = columns.index.get(def.field);
    if (i === undefined) continue;
    const column = header[i]!;
    const text = (cells[i] ?? '').trim();
    if (text === '') continue;
    if (isFormula(text)) {
      errors.push(rowError(line, column, 'imports.formula', `Row ${line}, ${column}: a formula is not imported (${text.slice(0, 40)})`));
      continue;
    }
    const value = READERS[def.type](text);
    if (value === undefined) errors.push(rowError(line, column, TYPE_REASON[def.type], `Row ${line}, ${column}: "${text.slice(0, 40)}" is not a valid ${def.type}`, { value: text.slice(0, 40) }));
    else values[def.field] = value;
  }
  for (const def of kind.fields) {
    const i = columns.index.get(def.field);
    if (def.required && !(def.field in values) && !errors.some((e) => i !== undefined && e.column === header[i])) {
      const column = i === undefined ? null : header[i]!;
      errors.push(rowError(line, column, 'imports.required', `Row ${line}: ${column ?? def.field} is required`, { field: def.field }));
    }
  }
  foldHours(values);
  return errors.length ? { line, errors } : { line, input: values, errors };
}

/** The contract schema's verdict on a row's input (after the kind's own lookups), its issues named by column. */
export function checkInput(kind: KindDef, columns: ColumnMap, header: string[], line: number, input: Record<string, unknown>, fieldOf: (path: string) => string): RowInput {
  const parsed = kind.schema.safeParse(input);
  if (parsed.success) return { line, input: parsed.data as Record<string, unknown>, errors: [] };
  const errors = parsed.error.issues.map((issue) => {
    const field = fieldOf(String(issue.path[0] ?? ''));
    const i = columns.index.get(field);
    const column = i === undefined ? null : header[i]!;
    return rowError(line, column, 'imports.invalid', `Row ${line}${column ? `, ${column}` : ''}: ${issue.message}`, { message: issue.message });
  });
  return { line, errors };
}
