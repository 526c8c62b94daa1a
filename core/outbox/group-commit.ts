/**
 * The worker's **group commit** of `sent` marks: deliveries whose confirm (or 2xx) arrives while a
 * write is under way are marked together in the next one (`markSentMany`: one statement, one fsync),
 * instead of one write each. Each caller still learns whether its own row changed, and its lane stays
 * busy until its mark is written, so a record's next message never goes before this one is `sent`.
 */
import type { Database } from '../../db/database';
import { markSentMany } from '../../db/queries/outbox-queries';

export interface GroupCommit {
  /** Marks `id` sent (with the others waiting); resolves to whether its row changed. */
  mark(id: number, nowMs: number): Promise<boolean>;
}

export function createGroupCommit(db: Database): GroupCommit {
  let waiting: { id: number; nowMs: number; resolve(changed: boolean): void; reject(e: unknown): void }[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        try {
          const changed = await markSentMany(db, batch.map((w) => w.id), Math.max(...batch.map((w) => w.nowMs)));
          for (const w of batch) w.resolve(changed.has(w.id));
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    mark(id, nowMs) {
      return new Promise((resolve, reject) => {
        waiting.push({ id, nowMs, resolve, reject });
        if (!writing) void writeAll();
      });
    },
  };
}
