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
 * The rule for which text papaparse would quote or escape, in one place: a quote, the delimiter, CR,
 * LF or a BOM anywhere; a formula start (`FORMULA_START`) or a space first; a space last. Anything
 * else is written as is. `needsCare` tests one cell with it; `isPlainLine` a whole line already joined.
 */
const CARE_ANYWHERE = '"\r\n\ufeff';
/** (The dash last: inside a character class it is then itself.) */
const CARE_FIRST = '=+@\t -';
const CARE_LAST = ' ';

const needsCare: Record<CsvDelimiter, RegExp> = {
  ',': new RegExp(`[${CARE_ANYWHERE},]|^[${CARE_FIRST}]|[${CARE_LAST}]$`),
  ';': new RegExp(`[${CARE_ANYWHERE};]|^[${CARE_FIRST}]|[${CARE_LAST}]$`),
};

/** What is never in a plain line: `CARE_ANYWHERE`, and a tab anywhere (to be safe: only a first one needs care). */
const NOT_PLAIN_ANYWHERE = new RegExp(`[${CARE_ANYWHERE}\t]`);
/** `CARE_FIRST` by char code (`FIRST_CODE[code] === 1`): a typed array: `Set.has` was ~4 % of a large export's samples (docs/benchmarks.md §4, thirty-fifth pass). */
const FIRST_CODE = new Uint8Array(128);
for (const c of CARE_FIRST) FIRST_CODE[c.charCodeAt(0)] = 1;
const LAST_CODE = CARE_LAST.charCodeAt(0);

/**
 * Whether `line` — `cells` values joined with `delimiter`, as SQL can join them — is exactly what
 * `csvLine` writes for them, without its CRLF: it has `cells - 1` delimiters (so no cell holds one),
 * and no cell needs care. A `false` may be too careful (a negative number, a tab inside a cell); the
 * caller then formats the row's values instead, so the bytes are always `csvLine`'s.
 */
export function isPlainLine(line: string, delimiter: CsvDelimiter, cells: number): boolean {
  if (NOT_PLAIN_ANYWHERE.test(line)) return false;
  let start = 0;
  for (let k = 1; k <= cells; k++) {
    const next = line.indexOf(delimiter, start);
    const last = k === cells;
    if (last ? next !== -1 : next === -1) return false;
    const end = last ? line.length : next;
    if (end > start && (FIRST_CODE[line.charCodeAt(start)] === 1 || line.charCodeAt(end - 1) === LAST_CODE)) return false;
    start = end + 1;
  }
  return true;
}

const unparseConfig: Record<CsvDelimiter, Papa.UnparseConfig> = {
  ',': { delimiter: ',', newline: CSV_NEWLINE, header: false, escapeFormulae: FORMULA_START },
  ';': { delimiter: ';', newline: CSV_NEWLINE, header: false, escapeFormulae: FORMULA_START },
};

/** One cell as CSV text (papaparse's quoting and formula escape). */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  return Papa.unparse([[value]], unparseConfig[delimiter]);
}

/** One cell as `csvLine` writes it (null and undefined as an empty cell, a number as it is). */
export function csvCellText(value: unknown, delimiter: CsvDelimiter): string {
  if (typeof value === 'string') return needsCare[delimiter].test(value) ? csvCell(value, delimiter) : value;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * One row (an array of cells) as a CSV line ending in CRLF. Numbers are written as they are; text
 * cells that need it are quoted, and those that start like a formula get a leading `'`.
 * **Rewrites the text cells of `row` in place** (rows come fresh from the database).
 */
export function csvLine(row: unknown[], delimiter: CsvDelimiter): string {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'string') row[i] = csvCellText(v, delimiter);
  }
  // join writes null as an empty cell
  return row.join(delimiter) + CSV_NEWLINE;
}

export function csvLines(rows: unknown[][], delimiter: CsvDelimiter): string {
  let out = '';
  for (const row of rows) out += csvLine(row, delimiter);
  return out;
}
