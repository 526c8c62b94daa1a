/**
 * CSV text that is safe to open in a spreadsheet, built for speed on large exports.
 *
 * Almost every cell (ids, prices, ISO dates, plain names) needs no quoting, so a row is a plain
 * `join`; only a text cell that a quick test flags goes through papaparse's `unparse`, which does the
 * RFC 4180 quoting and the formula neutralising. Running every cell through `unparse` made a million-row
 * export twice as slow as the raw read.
 *
 * Formula neutralising uses our own pattern, not `escapeFormulae: true`, whose `/^[=+\-@\t\r].*$/`
 * misses `=HYPERLINK("…")\nfoo` because `.` stops at the newline.
 */
import Papa from 'papaparse';

/** A cell that a spreadsheet would run as a formula: `= + - @`, tab or CR first. It gets a leading `'`. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvDelimiter = ',' | ';';

export const UTF8_BOM = '\ufeff';
export const CSV_NEWLINE = '\r\n';

/**
 * Text that papaparse would quote or escape: a quote, the delimiter, CR/LF, a BOM, a leading or
 * trailing space, or a formula start. Anything else is written as is.
 */
const needsCare: Record<CsvDelimiter, RegExp> = {
  ',': /[",\r\n\ufeff]|^[=+\-@\t ]| $/,
  ';': /[";\r\n\ufeff]|^[=+\-@\t ]| $/,
};

const unparseConfig: Record<CsvDelimiter, Papa.UnparseConfig> = {
  ',': { delimiter: ',', newline: CSV_NEWLINE, header: false, escapeFormulae: FORMULA_START },
  ';': { delimiter: ';', newline: CSV_NEWLINE, header: false, escapeFormulae: FORMULA_START },
};

/** One cell as CSV text (papaparse's quoting and formula escape). */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  return Papa.unparse([[value]], unparseConfig[delimiter]);
}

/**
 * One row (an array of cells) as a CSV line ending in CRLF. Numbers are written as they are; text
 * cells that need it are quoted, and those that start like a formula get a leading `'`.
 * **Rewrites the text cells of `row` in place** (rows come fresh from the database).
 */
export function csvLine(row: unknown[], delimiter: CsvDelimiter): string {
  const care = needsCare[delimiter];
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'string' && care.test(v)) row[i] = csvCell(v, delimiter);
  }
  // join writes null as an empty cell
  return row.join(delimiter) + CSV_NEWLINE;
}

export function csvLines(rows: unknown[][], delimiter: CsvDelimiter): string {
  let out = '';
  for (const row of rows) out += csvLine(row, delimiter);
  return out;
}
