/**
 * One unit of work's connection, pipelined: statements whose answer the unit does not wait for
 * (BEGIN, SAVEPOINT, RELEASE, `db.send`'s writes) go out at once, and their answers are checked with
 * the next statement it does wait for, or with the COMMIT. A booking sent 16 statements one round
 * trip at a time; it now sends them in 8 (docs/postgresql.md, "Speed").
 *
 * Why this is safe:
 * - The pool's clients run in pg's pipeline mode (`pipeline: true`): every statement is its own
 *   extended-protocol exchange ending in Sync, answered in order. A statement that fails inside the
 *   transaction aborts it, so every later statement fails too, and a COMMIT behind it is a ROLLBACK.
 * - `ask` waits for every answer sent before its own and throws the first failure among them: a
 *   unit never goes on past a write that failed.
 * - A statement pg refuses before it reaches the server (a value it cannot serialize) would leave the
 *   transaction healthy and a COMMIT behind it would commit without it. So only statements whose
 *   values are plain scalars are sent unanswered (`sendable`); any other is asked, as before.
 *
 * Several statements sent in one turn of the event loop leave in one write to the socket: the first
 * corks the client's socket and the socket is uncorked once the turn's work is done. On a loaded
 * 2-core machine each write to the server's socket cost ~100 µs of CPU (the profile in
 * docs/benchmarks.md), more than most statements take to run.
 */
import type pg from 'pg';
import type { Writable } from 'node:stream';

export type PipelineQuery = string | pg.QueryConfig | pg.QueryArrayConfig;

/** A value pg turns into text without running any code of ours that could throw. */
function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Whether `query` may be sent without waiting for its answer. */
export function sendable(query: PipelineQuery): boolean {
  return typeof query === 'string' || (query.values ?? []).every(isScalar);
}

/** The client's socket, to cork; undefined if pg ever stops exposing it (then each statement is its own write). */
function socketOf(client: pg.ClientBase): Writable | undefined {
  const stream = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
  return typeof stream?.cork === 'function' ? stream : undefined;
}

export class Pipeline {
  private unanswered: Promise<unknown>[] = [];
  private corked = false;
  /** Statements sent so far. */
  sent = 0;

  constructor(readonly client: pg.PoolClient) {}

  /** Sends `query` now; its answer is checked by the next `ask` (or dropped by `finish`). */
  send(query: PipelineQuery): void {
    const answer = this.write(query);
    // Whoever asks next looks at it; until then a failure must not count as unhandled.
    answer.catch(() => undefined);
    this.unanswered.push(answer);
  }

  /** Sends `query` and waits for its answer and every earlier one; the first failure (in order) is thrown. */
  async ask<R extends pg.QueryResultRow = pg.QueryResultRow>(query: PipelineQuery): Promise<pg.QueryResult<R>> {
    const answer = this.write(query) as Promise<pg.QueryResult<R>>;
    const earlier = this.take();
    if (earlier.length === 0) return answer;
    // Answers arrive in the order sent, so the first rejection is the earliest statement's.
    const [result] = await Promise.all([answer, ...earlier]);
    return result;
  }

  /**
   * Sends `query` (a ROLLBACK) and waits for every answer; the earlier statements' failures are the
   * ones being rolled back, so only the first is returned, for when `query` itself fails.
   */
  async finish(query: string): Promise<void> {
    const answer = this.write(query);
    const earlier = await Promise.allSettled(this.take());
    const firstFailure = earlier.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    try {
      await answer;
    } catch (e) {
      throw firstFailure ? firstFailure.reason : e;
    }
  }

  private take(): Promise<unknown>[] {
    const earlier = this.unanswered;
    this.unanswered = [];
    return earlier;
  }

  private write(query: PipelineQuery): Promise<pg.QueryResult> {
    this.sent++;
    const socket = socketOf(this.client);
    if (socket && !this.corked) {
      socket.cork();
      this.corked = true;
      // After this turn's microtasks: everything the unit sent meanwhile leaves in one write.
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    return this.client.query(query);
  }
}
