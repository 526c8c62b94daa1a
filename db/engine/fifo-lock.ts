/**
 * One holder at a time, served in arrival order. SQLite's engine holds it for each unit of work and
 * each read outside one: the one connection is never shared by two units, and a read never sees a
 * unit's uncommitted rows. `tryAcquire` is the fast path: a free lock is taken without a promise.
 */
export class FifoLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  tryAcquire(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lock to the next in line (it stays held), or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  get isHeld(): boolean {
    return this.held;
  }
}
