/**
 * A read answered again, unchanged, while the data it read stands: for the few big reads every desk
 * asks for at once (the board: eight desks reload the same 300 × 90 window after each live event).
 * Each answer is kept with the storage seam's change token (`Database.changeToken`, read in the same
 * `read` as the data, so the two see one state); while the token is the same, the kept answer is the
 * answer. A write to one of the tables it reads, or any commit of another connection, changes the
 * token and drops every kept answer; writes to other tables (the outbox's, the audit log's) do not.
 * Where the engine gives no token (PostgreSQL, where other servers write; or inside a transaction)
 * nothing is kept and every call builds.
 *
 * A kept answer is shared by every caller, so its objects are frozen (`freezeKept`): a caller that
 * changed one would throw instead of changing the next desk's board. `isKeptAnswer` tells the REST
 * adapter an answer is kept, so its JSON is made once for every desk (core/api/contract-routes.ts). The key must name
 * everything besides the data the answer depends on (the window, the hotel's today, its settings).
 * At most `size` answers are kept (the latest asked), so an idle server holds a few boards at most.
 */
import type { Database } from '../db/database';

export interface ReadMemo<V> {
  /** The answer kept for `key` if the data has not changed since it was built, else `build()` (kept). */
  read(key: string, build: () => Promise<V>): Promise<V>;
}

export interface ReadMemoOptions {
  /** Every table the read reads (its query module's list): writes to other tables keep the answer. */
  tables: readonly string[];
  /** Answers kept at most, the latest asked (default 2). */
  size?: number;
}

export function createReadMemo<V>(db: Database, { tables, size = 2 }: ReadMemoOptions): ReadMemo<V> {
  let heldToken: string | null = null;
  const kept = new Map<string, V>();
  return {
    read: (key, build) =>
      db.read(async () => {
        const token = await db.changeToken(tables);
        if (token === null) return build();
        if (token !== heldToken) {
          kept.clear();
          heldToken = token;
        }
        const hit = kept.get(key);
        if (hit !== undefined) {
          // The latest asked goes last: the first is the one to drop.
          kept.delete(key);
          kept.set(key, hit);
          return hit;
        }
        const value = freezeKept(await build());
        if (typeof value === 'object' && value !== null) keptAnswers.add(value);
        kept.set(key, value);
        if (kept.size > size) kept.delete(kept.keys().next().value!);
        return value;
      }),
  };
}

const keptAnswers = new WeakSet<object>();

/** Whether `value` is an answer a memo keeps, handed unchanged to every caller while its tables stand. */
export function isKeptAnswer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && keptAnswers.has(value);
}

const isObject = (item: unknown) => typeof item === 'object' && item !== null;

/**
 * Freezes `value` and every object inside it, and every array that holds an object. An array of
 * plain values (a board column: 19 000 ids, nights or names) is left as it is: frozen, V8 gives it
 * frozen elements, which cost ~0.5 ms to make for each such column and made `JSON.stringify` of the
 * 300 × 90 board 2.4 times slower (3.96 against 1.67 ms). Its holder is frozen, so it cannot be
 * swapped for another.
 */
export function freezeKept<T>(value: T): T {
  if (!isObject(value) || Object.isFrozen(value)) return value;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value as object);
  if (Array.isArray(value) && !items.some(isObject)) return value;
  Object.freeze(value);
  for (const item of items) if (isObject(item)) freezeKept(item);
  return value;
}
