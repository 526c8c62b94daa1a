/**
 * How many segments each level of an FTS5 index holds, read from its structure record (row 10 of
 * `<table>_data`, laid out as SQLite's fts5_index.c describes it: a 4-byte cookie, an optional
 * version-2 marker, then varints: levels, segments, the write counter, and per level its merge state,
 * its segment count and each segment's fields). FTS5 merges a level all at once, inside the COMMIT
 * that adds its sixteenth segment (`crisismerge`): a test reads this to see how close a level came.
 */
import type { Sqlite } from '../../db/engine/sqlite-engine';

/** SQLite's varint: 7 bits a byte, high bit set on all but the last; a ninth byte gives all 8 bits. */
function varint(b: Buffer, at: number): [value: number, next: number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const c = b[at + i]!;
    if (i === 8) return [v * 256 + c, at + 9];
    v = v * 128 + (c & 0x7f);
    if (!(c & 0x80)) return [v, at + i + 1];
  }
  throw new Error('unreachable');
}

/** The version-2 structure record's marker after the cookie; its segments carry five more fields. */
const V2_MARKER = [0xff, 0x00, 0x00, 0x01];

export function fts5SegmentsPerLevel(db: Sqlite, table: string): number[] {
  const record = db.prepare(`SELECT block FROM "${table}_data" WHERE id = 10`).pluck().get() as Buffer | undefined;
  if (!record) return [];
  const v2 = V2_MARKER.every((byte, i) => record[4 + i] === byte);
  const [levels, afterLevels] = varint(record, v2 ? 8 : 4);
  let at = afterLevels;
  [, at] = varint(record, at); // segments in all
  [, at] = varint(record, at); // write counter
  const perLevel: number[] = [];
  for (let l = 0; l < levels; l++) {
    let segments: number;
    [, at] = varint(record, at); // segments of this level being merged
    [segments, at] = varint(record, at);
    perLevel.push(segments);
    for (let s = 0; s < segments * (v2 ? 8 : 3); s++) [, at] = varint(record, at);
  }
  if (at !== record.length) throw new Error(`${table}: structure record not read to its end (${at} of ${record.length} bytes)`);
  return perLevel;
}
