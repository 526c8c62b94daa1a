/**
 * How a call finds the unit of work it runs in (db/engine/unit-scope.ts): through every `await`, per
 * engine; savepoint names per transaction; callbacks moving up on release and dropped on rollback;
 * a scope used after its unit ended throws; a broken callback never fails a commit.
 */
import { describe, expect, it } from 'vitest';
import { currentScope, runCallbacks, runInScope, UnitScope } from '../../../db/engine/unit-scope';

const engine = {};
const otherEngine = {};

describe('UnitScope', () => {
  it('is found through awaits, timers of the same call and nested calls, and only by its own engine', async () => {
    const scope = new UnitScope(engine, 'conn', undefined);
    expect(currentScope(engine)).toBeUndefined();
    const seen = await runInScope(scope, async () => {
      await Promise.resolve();
      const deep = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return currentScope<string>(engine);
      };
      return { here: currentScope<string>(engine), deep: await deep(), other: currentScope(otherEngine) };
    });
    expect(seen).toEqual({ here: scope, deep: scope, other: undefined });
    expect(currentScope(engine)).toBeUndefined();
  });

  it('names savepoints sp1, sp2, … per transaction, whichever scope of it asks', () => {
    const root = new UnitScope(engine, 'c', undefined);
    const child = new UnitScope(engine, 'c', root);
    expect([root.nextSavepoint(), child.nextSavepoint(), new UnitScope(engine, 'c', child).nextSavepoint()]).toEqual(['sp1', 'sp2', 'sp3']);
    expect(child.root()).toBe(root);
    expect(new UnitScope(engine, 'c', undefined).nextSavepoint()).toBe('sp1');
  });

  it('moves a released savepoint’s callbacks to its parent; an ended scope keeps its own to be dropped', () => {
    const root = new UnitScope(engine, 'c', undefined);
    const kept = new UnitScope(engine, 'c', root);
    const dropped = new UnitScope(engine, 'c', root);
    const a = () => undefined;
    const b = () => undefined;
    kept.callbacks.push(a);
    dropped.callbacks.push(b);
    kept.releaseInto(root);
    dropped.end();
    expect(root.callbacks).toEqual([a]);
    expect(kept.ended && dropped.ended).toBe(true);
  });

  it('throws when a promise left running past its unit reaches for the ended scope', async () => {
    const scope = new UnitScope(engine, 'c', undefined);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let leaked!: Promise<unknown>;
    await runInScope(scope, async () => {
      leaked = gate.then(() => currentScope(engine));
    });
    scope.end();
    release();
    await expect(leaked).rejects.toThrow('A query ran after its unit of work had ended');
  });

  it('runs committed callbacks in order, and one that throws stops neither the others nor the caller', () => {
    const ran: number[] = [];
    expect(() =>
      runCallbacks([
        () => ran.push(1),
        () => {
          throw new Error('a closed socket');
        },
        () => ran.push(3),
      ]),
    ).not.toThrow();
    expect(ran).toEqual([1, 3]);
  });
});
