/**
 * An export's text from its rows, wherever they were read: the header line and the rows' CSV, each
 * column's `cell` conversion applied. The worker's reader (export-reader.ts) and a small export read
 * on the host's own thread (small-export.ts) format through this one module, so both give the same
 * bytes; the worker's chunks whose lines SQL joined go through `linesFormatter`, to the same bytes.
 * Imports nothing that opens a connection.
 */
import { CSV_NEWLINE, csvCellText, csvLine, csvLines, isPlainLine, UTF8_BOM, type CsvDelimiter } from './csv-cells';
import { columnHeader, type CsvOptions, type ExportDef, type ExportEnv } from './export-def';

/** The first piece of every export: the optional BOM and the header line. */
export function exportHeader(def: ExportDef, query: CsvOptions, env: ExportEnv): string {
  const cells = def.header ? def.header(query, env) : def.columns.map(columnHeader);
  return (query.bom ? UTF8_BOM : '') + csvLine(cells, query.delimiter ?? ',');
}

/** Turns each row's raw values into cells in place, for the columns that say how (none for seed 000's stays). */
function cellFormatter(def: ExportDef, env: ExportEnv, options: CsvOptions): ((rows: unknown[][]) => void) | undefined {
  const cells: [number, (value: unknown, env: ExportEnv, options: CsvOptions) => unknown][] = [];
  def.columns.forEach((c, i) => {
    if (typeof c !== 'string') cells.push([i, c.cell]);
  });
  if (cells.length === 0) return undefined;
  return (rows) => {
    for (const row of rows) for (const [i, cell] of cells) row[i] = cell(row[i], env, options);
  };
}

/** The export's rows (raw values, in its columns' order) as CSV lines; the rows' cells are converted in place. */
export function rowsFormatter(def: ExportDef, query: CsvOptions, env: ExportEnv): (rows: unknown[][]) => string {
  const delimiter: CsvDelimiter = query.delimiter ?? ',';
  const format = cellFormatter(def, env, query);
  return (rows) => {
    format?.(rows);
    return csvLines(rows, delimiter);
  };
}

/**
 * Rows of a chunk's line query (`[key, line, …values of the columns after the line's `cells`]`,
 * db/queries/exports/chunk-query.ts) as CSV text, if every line is what `csvLine` would write for its
 * cells (`isPlainLine`); the columns after them converted and written as `rowsFormatter` does.
 * `undefined` when a line is not plain or is NULL: the chunk is then read as values.
 */
export function linesFormatter(def: ExportDef, query: CsvOptions, env: ExportEnv, cells: number): (rows: unknown[][]) => string | undefined {
  const delimiter: CsvDelimiter = query.delimiter ?? ',';
  // The columns after the line, each with its `cell` conversion if it has one; a row's tail is
  // written cell by cell (`csvCellText`: what `csvLine` writes), not through a copy of the row.
  const rest = def.columns.slice(cells).map((c) => (typeof c === 'string' ? undefined : c.cell));
  const tail = (row: unknown[]): string => {
    let text = '';
    for (let i = 0; i < rest.length; i++) {
      const cell = rest[i];
      text += delimiter + csvCellText(cell ? cell(row[i + 2], env, query) : row[i + 2], delimiter);
    }
    return text + CSV_NEWLINE;
  };
  return (rows) => {
    let text = '';
    for (const row of rows) {
      const line = row[1];
      if (typeof line !== 'string' || !isPlainLine(line, delimiter, cells)) return undefined;
      text += rest.length === 0 ? line + CSV_NEWLINE : line + tail(row);
    }
    return text;
  };
}
