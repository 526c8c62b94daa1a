/**
 * The reactions registry (core/reactions/reactions.ts): a reaction runs in the emitter's unit of
 * work, so it commits and rolls back with the change, on either engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commit } from '../../../core/commit';
import { createReactions, type DomainChanges } from '../../../core/reactions/reactions';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => (t = await createTestCore()));
afterEach(async () => await t.close());

const ended: DomainChanges['stay.ended'] = { stayId: 7, status: 'checked_out' };
/** A write a reaction makes: a row of its own in a table every core has. */
const note = async (text: string) => await t.db.run(`INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)`, text);
const notes = async () => (await t.db.all<{ aggregate: string }>('SELECT aggregate FROM outbox_sequences ORDER BY aggregate')).map((r) => r.aggregate);

describe('reactions', () => {
  it('run in the order registered, with the change and the emitter\'s commit (its clock)', async () => {
    const reactions = createReactions();
    const heard: string[] = [];
    reactions.on('stay.ended', async (change, c) => void heard.push(`first ${change.stayId} ${change.status} ${c.nowMs}`));
    reactions.on('stay.ended', async () => void heard.push('second'));
    await commit(t.core.deps, async (c) => await reactions.emit('stay.ended', ended, c));
    expect(heard).toEqual([`first 7 checked_out ${t.clock.now()}`, 'second']);
  });

  it('commit with the change, and roll back with it: a refused change leaves nothing of its reactions', async () => {
    const reactions = createReactions();
    reactions.on('stay.ended', async ({ stayId }) => void (await note(`reaction ${stayId}`)));
    await commit(t.core.deps, async (c) => {
      await note('change 1');
      await reactions.emit('stay.ended', { ...ended, stayId: 1 }, c);
    });
    await expect(
      commit(t.core.deps, async (c) => {
        await note('change 2');
        await reactions.emit('stay.ended', { ...ended, stayId: 2 }, c);
        throw new Error('refused after its reactions');
      }),
    ).rejects.toThrow('refused after its reactions');
    expect(await notes()).toEqual(['change 1', 'reaction 1']);
  });

  it('a failing reaction fails the change: nothing of it is written', async () => {
    const reactions = createReactions();
    reactions.on('stay.ended', async () => {
      throw new Error('cannot return the bed');
    });
    await expect(
      commit(t.core.deps, async (c) => {
        await note('change');
        await reactions.emit('stay.ended', ended, c);
      }),
    ).rejects.toThrow('cannot return the bed');
    expect(await notes()).toEqual([]);
  });

  it('emitting a change nobody reacts to does nothing', async () => {
    await commit(t.core.deps, async (c) => await createReactions().emit('stay.ended', ended, c));
    expect(await notes()).toEqual([]);
  });
});
