/**
 * `JSON.stringify(value)` as UTF-8 bytes, made in pieces: long arrays are written a slice at a time
 * and the pieces copied into one buffer of the exact size. For the board's 0.7 MB answer (its
 * ~19 000 stays as seven columns) `Buffer.from(JSON.stringify(board))` first builds the whole text as
 * one string — two bytes a character once a guest's name has an "ø", 1.4 MB — which V8 keeps as a
 * large object on pages of its own, fresh every time, and then encodes it again: 13.5 ms and ~714
 * page faults an answer on a machine where a fault is dear (a PVM guest), against 5.6 ms and ~154 in
 * pieces (docs/benchmarks.md, forty-fifth pass). Each piece here is a short string in the young
 * generation, dead by the next scavenge, and the buffer comes from the allocator's heap.
 *
 * The bytes are exactly `JSON.stringify`'s: every piece is `JSON.stringify`'s own text of a slice, a
 * key or a value, joined where its brackets and commas would be (tests/core/api/json-bytes.test.ts).
 * Plain objects and arrays are walked; anything else (a `Date`, a value with `toJSON`, a class) is
 * handed to `JSON.stringify` whole.
 */

/** Elements of an array written as one piece: 1 000 of the board's names are ~30 000 characters. */
export const JSON_PIECE_ELEMENTS = 1000;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Values `JSON.stringify` leaves out of an object. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function writePieces(value: unknown, out: string[]): void {
  if (Array.isArray(value) && value.length > JSON_PIECE_ELEMENTS) {
    out.push('[');
    for (let i = 0; i < value.length; i += JSON_PIECE_ELEMENTS) {
      const text = JSON.stringify(value.slice(i, i + JSON_PIECE_ELEMENTS));
      out.push(i === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
    }
    out.push(']');
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && isPlainObject(value)) {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (isSkipped(member)) continue;
      out.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      writePieces(member, out);
    }
    out.push('}');
  } else {
    out.push(JSON.stringify(value));
  }
}

/** `value`'s JSON, as `JSON.stringify` writes it, in UTF-8. */
export function jsonBytes(value: object): Buffer {
  const pieces: string[] = [];
  writePieces(value, pieces);
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at);
  return bytes;
}
