/**
 * What each engine says when it refuses a row, for tests that run on both: SQLite's `UNIQUE
 * constraint failed: …` is PostgreSQL's `duplicate key value violates unique constraint …` (23505).
 * A test matches the refusal, whichever engine gave it; a test of one engine's own error (its SQLSTATE)
 * lives in a `*.postgres.test.ts` / `*.sqlite.test.ts` file.
 */
export const UNIQUE_VIOLATION = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
export const FOREIGN_KEY_VIOLATION = /FOREIGN KEY constraint failed|violates foreign key constraint/;
export const CHECK_VIOLATION = /CHECK constraint failed|violates check constraint/;
export const NOT_NULL_VIOLATION = /NOT NULL constraint failed|violates not-null constraint/;
/**
 * A unique index refusing a lone statement, as the caller sees it: SQLite's own error, or on
 * PostgreSQL the 409 the adapter makes of a 23505 (db/engine/postgres-errors.ts; the SQLSTATE itself
 * is checked in tests/db/migrations/0000_foundation.postgres.test.ts).
 */
export const UNIQUE_REFUSAL = /UNIQUE constraint failed|Another change to the same record was saved at the same moment/;
