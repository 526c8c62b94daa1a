/**
 * The unit of work a call runs in, found through AsyncLocalStorage: every `await` inside
 * `db.unit(fn)` carries it, so a query issued anywhere below a service's unit runs on that unit's
 * connection and transaction, and its `afterCommit` callbacks wait for that unit's COMMIT.
 *
 * A scope is a transaction or one of its savepoints. Callbacks registered in a savepoint move to its
 * parent when it is released and are dropped when it is rolled back; the outermost scope runs them
 * after COMMIT. A scope used after it ended (a promise left running past its unit) throws, so a
 * write can never land outside the transaction it was meant for.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class UnitScope<C> {
  readonly callbacks: (() => void)[] = [];
  /** Callbacks under a key: a later one replaces an earlier one of the same key (database.ts `afterCommit`). */
  readonly keyed = new Map<string, () => void>();
  ended = false;
  private savepoints = 0;

  constructor(
    readonly owner: object,
    readonly conn: C,
    readonly parent: UnitScope<C> | undefined,
  ) {}

  /** The name of this scope's next child savepoint (`sp1`, `sp2`, … per transaction). */
  nextSavepoint(): string {
    const root = this.root();
    root.savepoints += 1;
    return `sp${root.savepoints}`;
  }

  root(): UnitScope<C> {
    return this.parent ? this.parent.root() : this;
  }

  add(fn: () => void, key?: string): void {
    if (key === undefined) this.callbacks.push(fn);
    else {
      // Re-inserted, so it runs in the order of its latest registration.
      this.keyed.delete(key);
      this.keyed.set(key, fn);
    }
  }

  /** What runs after COMMIT: the callbacks in order, then the latest of each key. */
  committed(): (() => void)[] {
    return [...this.callbacks, ...this.keyed.values()];
  }

  /** A savepoint that held: its callbacks now wait for the parent. */
  releaseInto(parent: UnitScope<C>): void {
    this.ended = true;
    parent.callbacks.push(...this.callbacks);
    for (const [key, fn] of this.keyed) parent.add(fn, key);
  }

  end(): void {
    this.ended = true;
  }

  check(): void {
    if (this.ended) throw new Error('A query ran after its unit of work had ended (a promise left running past db.unit)');
  }
}

const storage = new AsyncLocalStorage<UnitScope<unknown>>();

/** The scope of `owner` (one engine) this call runs in, if any. */
export function currentScope<C>(owner: object): UnitScope<C> | undefined {
  const scope = storage.getStore();
  if (!scope || scope.owner !== owner) return undefined;
  scope.check();
  return scope as UnitScope<C>;
}

export function runInScope<C, T>(scope: UnitScope<C>, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope as UnitScope<unknown>, fn);
}

/** Runs committed callbacks; one that throws (a closed socket) never undoes or fails the commit. */
export function runCallbacks(callbacks: readonly (() => void)[]): void {
  for (const fn of callbacks) {
    try {
      fn();
    } catch {
      // a broken listener must never fail a committed change
    }
  }
}

/**
 * In strict mode (the tests: sqlite-engine.ts), a check to call when a unit ends: it throws if the
 * event loop moved on while the unit held the connection, i.e. the unit waited on real I/O.
 */
export function watchTurn(strict: boolean): () => void {
  if (!strict) return () => undefined;
  let crossed = false;
  const sentinel = setImmediate(() => (crossed = true));
  return () => {
    clearImmediate(sentinel);
    if (crossed) throw new Error('A unit of work waited on real I/O while holding the database (no fetch, timer or hash inside db.unit)');
  };
}
