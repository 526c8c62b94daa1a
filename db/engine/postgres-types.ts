/**
 * How PostgreSQL's values come back: as SQLite gives them, so both engines answer alike. int8
 * (`bigint` columns, `count(*)`) and numeric (`sum` of bigints) as numbers (every value Frontdesk
 * stores is below 2^53), booleans (`EXISTS`, comparisons) as 1/0. Everything else as `pg` parses it.
 */
import pg from 'pg';

const OID = { bool: 16, int8: 20, numeric: 1700 } as const;

export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8 || oid === OID.numeric) return (value: string) => Number(value);
    if (oid === OID.bool) return (value: string) => (value === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  },
};
