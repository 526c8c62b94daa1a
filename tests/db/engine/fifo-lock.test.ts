/** The lock SQLite's engine holds for each unit and each read (db/engine/fifo-lock.ts): one holder, arrival order. */
import { describe, expect, it } from 'vitest';
import { FifoLock } from '../../../db/engine/fifo-lock';

describe('FifoLock', () => {
  it('takes a free lock at once (without a promise), and refuses a held one', () => {
    const lock = new FifoLock();
    expect(lock.isHeld).toBe(false);
    expect(lock.tryAcquire()).toBe(true);
    expect(lock.isHeld).toBe(true);
    expect(lock.tryAcquire()).toBe(false);
    lock.release();
    expect(lock.isHeld).toBe(false);
  });

  it('hands the lock to the waiters in the order they came, one at a time, keeping it held in between', async () => {
    const lock = new FifoLock();
    await lock.acquire();
    const order: string[] = [];
    const waiter = (name: string) =>
      lock.acquire().then(() => {
        order.push(`${name} holds`);
        expect(lock.isHeld).toBe(true);
        // Nobody else got in while this one holds.
        expect(lock.tryAcquire()).toBe(false);
        order.push(`${name} lets go`);
        lock.release();
      });
    const all = Promise.all([waiter('a'), waiter('b'), waiter('c')]);
    expect(order).toEqual([]);
    lock.release();
    await all;
    expect(order).toEqual(['a holds', 'a lets go', 'b holds', 'b lets go', 'c holds', 'c lets go']);
    expect(lock.isHeld).toBe(false);
  });

  it('never lets a latecomer’s tryAcquire jump the queue while a waiter is being handed the lock', async () => {
    const lock = new FifoLock();
    await lock.acquire();
    let waiterGotIt = false;
    const waiting = lock.acquire().then(() => (waiterGotIt = true));
    lock.release();
    // The lock went straight to the waiter (still held), before its promise callback even ran.
    expect(lock.tryAcquire()).toBe(false);
    await waiting;
    expect(waiterGotIt).toBe(true);
    lock.release();
    expect(lock.tryAcquire()).toBe(true);
  });
});
