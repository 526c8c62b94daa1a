/**
 * PostgreSQL's units of work: a transaction on a pooled connection (pipelined: postgres-pipeline.ts),
 * run again from the start when it lost a race (postgres-errors.ts), and what a unit inside another
 * one is.
 *
 * **A unit inside a unit is flat first, a savepoint only when it must be.** A savepoint lets the
 * caller of a failed inner unit carry on with the rest of the transaction (the import center does:
 * a refused row rolls back alone). Almost always nobody does: the dispatcher's write holds the
 * service's `commit()` unit, and a failure there fails the write. So an inner unit runs without a
 * SAVEPOINT (two statements and a subtransaction fewer per write), and if it fails, the transaction
 * is marked (unless it had sent no statement yet): should its caller catch the failure and go on
 * (another statement, a unit that returns, the COMMIT), the transaction is rolled back and run again
 * from the start with a savepoint for every inner unit (`FlatUnitCaught`). A unit may always be run again: it does no real I/O, and the
 * same retry already answers a lost race. If the failure reaches the outermost unit, it is that
 * unit's failure, as it always was.
 *
 * **A unit that others wait for hands its connection on as soon as its COMMIT (or ROLLBACK) is
 * sent**, not when it is answered. The transaction ends with that statement whatever its answer (a
 * COMMIT of a failed transaction is a ROLLBACK; a COMMIT that fails has rolled back), and nothing
 * else of the unit is ever sent on the connection: the next holder's BEGIN and first statements queue
 * behind it on the same connection (pipeline mode) and run once it is done. The unit itself still
 * waits for the COMMIT's answer, with its WAL flush, before it returns or runs its after-commit
 * callbacks: the acknowledgement stays after the durable COMMIT. Under load a connection was otherwise
 * held for one more turn of the host's event loop per unit, in which the database sat idle on it
 * (docs/postgresql.md, "Speed"). Only a waiter gets it that early: a connection never lies idle in
 * the pool with a COMMIT unanswered, where closing the pool or its idle timeout would cut it off.
 */
import type pg from 'pg';
import type { UnitOptions } from '../database';
import { isConnectionLost, isRetryable, toCallerError } from './postgres-errors';
import { Pipeline } from './postgres-pipeline';
import { currentScope, runCallbacks, runInScope, UnitScope } from './unit-scope';

const DEFAULT_RETRIES = 8;

/** A transaction under way: its pipeline, whether inner units take savepoints, whether a flat one failed. */
export interface Tx {
  readonly pipe: Pipeline;
  readonly savepoints: boolean;
  innerFailed: boolean;
}

/** Statements sent in `tx` so far: a flat unit that failed before sending one left nothing to undo. */
function sentIn(tx: Tx): number {
  return tx.pipe.sent;
}

/** A flat inner unit failed and its caller went on: the transaction is run again with savepoints. */
class FlatUnitCaught extends Error {
  constructor() {
    super('A unit inside another failed and its caller carried on: run again with savepoints');
  }
}

/** Throws if a flat inner unit of `tx` failed: nothing more may be written or committed in it. */
export function assertUsable(tx: Tx): void {
  if (tx.innerFailed) throw new FlatUnitCaught();
}

async function savepoint<T>(owner: object, parent: UnitScope<Tx>, fn: () => Promise<T>): Promise<T> {
  const name = parent.nextSavepoint();
  const { pipe } = parent.conn;
  const scope = new UnitScope<Tx>(owner, parent.conn, parent);
  pipe.send(`SAVEPOINT ${name}`);
  try {
    const value = await runInScope(scope, fn);
    pipe.send(`RELEASE SAVEPOINT ${name}`);
    scope.releaseInto(parent);
    return value;
  } catch (e) {
    scope.end();
    if (!isConnectionLost(e)) {
      await pipe.finish(`ROLLBACK TO SAVEPOINT ${name}`);
      // A flat unit that failed inside this savepoint is undone with it: the transaction is usable
      // again (an import's refused row, whose caller goes on with the next row).
      parent.conn.innerFailed = false;
    }
    throw e;
  }
}

/** A savepoint that lost a race is rolled back and run again, the transaction around it kept (an import's row). */
async function savepointWithRetries<T>(owner: object, parent: UnitScope<Tx>, fn: () => Promise<T>, retries: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await savepoint(owner, parent, fn);
    } catch (e) {
      if (!isRetryable(e) || attempt >= retries) throw e;
    }
  }
}

async function flat<T>(owner: object, parent: UnitScope<Tx>, fn: () => Promise<T>): Promise<T> {
  const tx = parent.conn;
  const scope = new UnitScope<Tx>(owner, tx, parent);
  const before = sentIn(tx);
  try {
    const value = await runInScope(scope, fn);
    // A flat unit inside this one failed, and this one went on as if not.
    assertUsable(tx);
    scope.releaseInto(parent);
    return value;
  } catch (e) {
    scope.end();
    // Refused before it wrote or read anything (a check on its input): nothing of it to undo.
    if (sentIn(tx) > before) tx.innerFailed = true;
    throw e;
  }
}

async function transaction<T>(pool: pg.Pool, owner: object, fn: () => Promise<T>, savepoints: boolean): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw toCallerError(e);
  }
  const tx: Tx = { pipe: new Pipeline(client), savepoints, innerFailed: false };
  const scope = new UnitScope<Tx>(owner, tx, undefined);
  let ended = false;
  /** Sends the transaction's last statement; its connection goes to whoever waits for one at once (see above). */
  const end = (statement: 'COMMIT' | 'ROLLBACK') => {
    ended = true;
    scope.end();
    const answer = tx.pipe.ask(statement);
    if (pool.waitingCount > 0) {
      client.release();
      return answer;
    }
    return answer.then(
      (done) => (client.release(), done),
      (error: unknown) => {
        client.release(isConnectionLost(error) ? (error as Error) : undefined);
        throw error;
      },
    );
  };
  try {
    tx.pipe.send('BEGIN');
    const value = await runInScope(scope, fn);
    assertUsable(tx);
    const done = await end('COMMIT');
    // A COMMIT of a transaction that had failed is a ROLLBACK (ask would have thrown that failure first).
    if (done.command !== 'COMMIT') throw new Error(`COMMIT answered ${done.command}`);
    runCallbacks(scope.committed());
    return value;
  } catch (e) {
    if (ended) throw e;
    scope.end();
    if (isConnectionLost(e)) {
      client.release(e as Error);
      throw e;
    }
    // The answers are not waited for: the ROLLBACK ends the transaction whatever they are.
    end('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The engine's `unit`: the outermost one a transaction (retried on a lost race), an inner one flat or a savepoint. */
export function createUnits(pool: pg.Pool, owner: object) {
  return {
    async unit<T>(fn: () => Promise<T>, options?: UnitOptions): Promise<T> {
      const parent = currentScope<Tx>(owner);
      if (parent) {
        assertUsable(parent.conn);
        // An inner unit given `retries` is one whose caller catches its failure and goes on (database.ts): a savepoint at once.
        if (options?.retries !== undefined) return savepointWithRetries(owner, parent, fn, options.retries);
        return parent.conn.savepoints ? savepoint(owner, parent, fn) : flat(owner, parent, fn);
      }
      const retries = options?.retries ?? DEFAULT_RETRIES;
      let savepoints = false;
      for (let attempt = 0; ; attempt++) {
        try {
          return await transaction(pool, owner, fn, savepoints);
        } catch (e) {
          if (e instanceof FlatUnitCaught && !savepoints) {
            // Not a lost race: run again at once, inner units as savepoints.
            savepoints = true;
            attempt--;
            continue;
          }
          if (!isRetryable(e) || attempt >= retries) throw toCallerError(e);
          // Jittered, growing pause: the racers that lost do not collide again at once.
          await new Promise((r) => setTimeout(r, Math.random() * 2 ** Math.min(attempt, 6)));
        }
      }
    },
  };
}
