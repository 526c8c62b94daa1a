/**
 * A CSV as hotels have it, turned into rows in the host, streaming: bytes → text (UTF-8 with or
 * without BOM; Windows-1252 when the bytes are not valid UTF-8, as Excel and older systems write
 * æøå) → Papa Parse over a Node stream (never its worker mode) → one `string[]` per row. The
 * delimiter (`,`, `;` or tab) is read from the header line. Limits: the whole file (`maxBytes`, 413)
 * and one row (`maxRowChars`, 400); a file with a NUL byte is not text (400).
 */
import { Readable } from 'node:stream';
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
  /** The data rows with their line in the file (the header is line 1). */
  rows: AsyncIterable<{ line: number; cells: string[] }>;
}

async function* chunksOf(input: CsvInput): AsyncIterable<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) yield input;
  else yield* input;
}

/** Decodes byte chunks as UTF-8 until a chunk is not valid UTF-8, then as Windows-1252 from there on. */
async function* decode(input: CsvInput, limits: CsvLimits, seen: { encoding: CsvEncoding }): AsyncIterable<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const cp1252 = new TextDecoder('windows-1252');
  let bytes = 0;
  for await (const chunk of chunksOf(input)) {
    const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    bytes += size;
    if (bytes > limits.maxBytes) {
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

export async function readCsv(input: CsvInput, limits: CsvLimits = DEFAULT_CSV_LIMITS): Promise<CsvRows> {
  const seen = { encoding: 'utf-8' as CsvEncoding };
  const text = decode(input, limits, seen)[Symbol.asyncIterator]();
  // Read until the header line is whole, to choose the delimiter.
  let head = '';
  while (!/[\r\n]/.test(head)) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
    if (head.length > limits.maxRowChars) break;
  }
  const firstLine = head.split(/\r?\n|\r/)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  async function* rest(): AsyncIterable<string> {
    if (head) yield head;
    for (let n = await text.next(); !n.done; n = await text.next()) yield n.value;
  }
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: 'greedy' }) as NodeJS.ReadWriteStream;
  const source = Readable.from(rest(), { objectMode: false, encoding: 'utf8' });
  source.on('error', (e) => parser.emit('error', e));
  source.pipe(parser);
  const iterator = (parser as unknown as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? [] : first.value.map((h) => h.trim());
  let line = 1;
  async function* rows(): AsyncIterable<{ line: number; cells: string[] }> {
    for (let n = await iterator.next(); !n.done; n = await iterator.next()) {
      line += 1;
      const size = n.value.reduce((sum, cell) => sum + cell.length, 0);
      if (size > limits.maxRowChars) {
        source.destroy();
        throw new AppError('VALIDATION', `Row ${line} is longer than ${limits.maxRowChars} characters`, { reason: 'imports.rowTooLong', params: { row: line, max: limits.maxRowChars } });
      }
      yield { line, cells: n.value };
    }
  }
  if (firstLine.length > limits.maxRowChars) {
    source.destroy();
    throw new AppError('VALIDATION', `Row 1 is longer than ${limits.maxRowChars} characters`, { reason: 'imports.rowTooLong', params: { row: 1, max: limits.maxRowChars } });
  }
  return { get encoding() { return seen.encoding; }, delimiter, header, rows: rows() };
}
