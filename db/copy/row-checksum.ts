/**
 * The checksum `db:copy` verifies a table with, computed the same way on both sides from the same
 * canonical text of each row: the rows in key order, each as one line, all of them through SHA-256.
 *
 * **The canonical text of a row** is its values in the schema's column order, as a JSON array written
 * from the exact values: integers as their decimal digits (read as BigInt on both sides, so no value
 * is rounded through a double on the way), text as a JSON string (every character, escaped), NULL as
 * `null`. So a row of `stays` reads `[17,3,"Standard double room","Mette Hansen",null,…]` whether it
 * came out of SQLite or out of PostgreSQL, and a changed character, a lost digit, a NULL that became
 * an empty text or a missing row changes the table's checksum.
 *
 * Besides the checksum, each row leaves an 8-byte fingerprint, so a mismatch can say which row
 * differs first (8 bytes a row: 8 MB for a million stays).
 */
import { createHash, type Hash } from 'node:crypto';

/** A value as the copy reads it: SQLite with safe integers, PostgreSQL with integers as BigInt. */
export type CopyValue = bigint | string | null | number | Uint8Array;

export function canonicalValue(value: CopyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  // Neither engine should hand these to the copy (no REAL or BLOB column); written apart from any integer or text.
  if (typeof value === 'number') return `{"real":${JSON.stringify(String(value))}}`;
  return `{"blob":"${Buffer.from(value).toString('hex')}"}`;
}

export function canonicalRow(row: readonly CopyValue[]): string {
  return `[${row.map(canonicalValue).join(',')}]\n`;
}

export interface TableDigest {
  rows: number;
  /** SHA-256 (hex) of the rows' canonical lines in key order. */
  checksum: string;
}

export class TableChecksum {
  private readonly hash: Hash = createHash('sha256');
  private fingerprints = Buffer.alloc(8 * 1024);
  rows = 0;

  add(row: readonly CopyValue[]): void {
    const line = canonicalRow(row);
    this.hash.update(line);
    if (this.fingerprints.length < (this.rows + 1) * 8) {
      const grown = Buffer.alloc(this.fingerprints.length * 2);
      this.fingerprints.copy(grown);
      this.fingerprints = grown;
    }
    createHash('sha256').update(line).digest().copy(this.fingerprints, this.rows * 8, 0, 8);
    this.rows++;
  }

  /** Whether row `index` (in key order) has the same fingerprint in both checksums. */
  sameRow(other: TableChecksum, index: number): boolean {
    if (index >= this.rows || index >= other.rows) return false;
    return this.fingerprints.subarray(index * 8, index * 8 + 8).equals(other.fingerprints.subarray(index * 8, index * 8 + 8));
  }

  digest(): TableDigest {
    return { rows: this.rows, checksum: this.hash.digest('hex') };
  }
}
