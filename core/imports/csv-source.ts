/**
 * A CSV as hotels have it, turned into rows in the host, streaming: bytes → text (UTF-8 with or
 * without BOM; Windows-1252 when the bytes are not valid UTF-8, as Excel and older systems write
 * æøå) → records parsed by Papa Parse a piece at a time (never its worker mode) → one `string[]` per row. The
 * delimiter (`,`, `;` or tab) is read from the header line. Limits: the whole file (`maxBytes`, 413)
 * and one row (`maxRowChars`, 400); a file with a NUL byte is not text (400).
 */
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvLimits {
  /** The largest file, in bytes. */
  maxBytes: number;
  /** The longest row, in characters. */
  maxRowChars: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxBytes: 64 * 1024 * 1024, maxRowChars: 100_000 };

export type CsvInput = string | Uint8Array | AsyncIterable<Uint8Array | string>;

export interface CsvRows {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  header: string[];
  /** Bytes read from the input so far (a little ahead of the rows handed out). */
  readonly bytesRead: number;
  /** The data rows with their line in the file (the header is line 1). */
  rows: AsyncIterable<{ line: number; cells: string[] }>;
}

async function* chunksOf(input: CsvInput): AsyncIterable<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) yield input;
  else yield* input;
}

/** Decodes byte chunks as UTF-8 until a chunk is not valid UTF-8, then as Windows-1252 from there on. */
async function* decode(input: CsvInput, limits: CsvLimits, seen: { encoding: CsvEncoding; bytes: number }): AsyncIterable<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const cp1252 = new TextDecoder('windows-1252');
  for await (const chunk of chunksOf(input)) {
    seen.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (seen.bytes > limits.maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${limits.maxBytes} bytes`, { reason: 'imports.tooLarge', params: { max: limits.maxBytes } });
    }
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else if (seen.encoding === 'utf-8') {
      try {
        text = utf8.decode(chunk, { stream: true });
      } catch {
        seen.encoding = 'windows-1252';
        text = cp1252.decode(chunk);
      }
    } else text = cp1252.decode(chunk);
    if (text.includes('\0')) throw new AppError('VALIDATION', 'The file is not a CSV text file (it holds binary data)', { reason: 'imports.notCsv' });
    if (text) yield text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** The delimiter the header line uses most, outside quotes. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => unquoted.split(d).length - 1;
  const candidates: CsvDelimiter[] = [';', ',', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',' as CsvDelimiter);
}

const rowTooLong = (row: number, max: number) =>
  new AppError('VALIDATION', `Row ${row} is longer than ${max} characters`, { reason: 'imports.rowTooLong', params: { row, max } });

export async function readCsv(input: CsvInput, limits: CsvLimits = DEFAULT_CSV_LIMITS): Promise<CsvRows> {
  const seen = { encoding: 'utf-8' as CsvEncoding, bytes: 0 };
  const text = decode(input, limits, seen)[Symbol.asyncIterator]();
  let buffer = '';
  let ended = false;
  const fill = async () => {
    const next = await text.next();
    if (next.done) ended = true;
    else buffer += next.value;
  };
  // Read until the header line is whole, to choose the delimiter.
  while (!ended && !/[\r\n]/.test(buffer) && buffer.length <= limits.maxRowChars) await fill();
  const firstLine = buffer.split(/\r?\n|\r/)[0] ?? '';
  if (firstLine.length > limits.maxRowChars) throw rowTooLong(1, limits.maxRowChars);
  const delimiter = detectDelimiter(firstLine);
  // The file's line of the last record handed out (counting records: a quoted cell may span lines).
  let line = 1;

  /**
   * The records, parsed by Papa Parse a piece of text at a time: each piece ends at the last record
   * boundary of what has arrived (completeRecords), the rest waits for the next chunk. (Papa Parse's
   * own Node stream mode pauses its parser whenever the reader is slower than the file, and each
   * resume splits the rest of its chunk again: 100 000 rows took 7.4 s there, 0.2 s like this.)
   */
  async function* records(): AsyncGenerator<string[]> {
    for (;;) {
      const cut = ended ? buffer.length : completeRecords(buffer);
      if (cut > 0) {
        const piece = buffer.slice(0, cut);
        buffer = buffer.slice(cut);
        yield* Papa.parse<string[]>(piece, { delimiter, skipEmptyLines: 'greedy' }).data;
      }
      if (ended) return;
      // A record still open after this many characters is one too long (a 1 MB row): refused before it is all read.
      if (buffer.length > limits.maxRowChars) throw rowTooLong(line + 1, limits.maxRowChars);
      await fill();
    }
  }
  const all = records();
  const first = await all.next();
  const header = first.done ? [] : first.value.map((h) => h.trim());
  async function* rows(): AsyncIterable<{ line: number; cells: string[] }> {
    for await (const cells of all) {
      line += 1;
      const size = cells.reduce((sum, cell) => sum + cell.length, 0);
      if (size > limits.maxRowChars) throw rowTooLong(line, limits.maxRowChars);
      yield { line, cells };
    }
  }
  return {
    get encoding() { return seen.encoding; },
    get bytesRead() { return seen.bytes; },
    delimiter, header, rows: rows(),
  };
}

/**
 * Where the last whole record of `text` ends: just after its last line break outside quotes (a
 * quoted cell may hold line breaks; in CSV a quote inside a cell is doubled, so an even count of
 * quotes before a break puts it outside). A `\r` at the very end may be half of `\r\n`: not yet.
 * 0 when no record is whole.
 */
export function completeRecords(text: string): number {
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) !== 10))) end = i + 1;
  }
  return end;
}
