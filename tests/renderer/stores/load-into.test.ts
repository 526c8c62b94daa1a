import { describe, expect, it } from 'vitest';
import { loadInto } from '../../../renderer/src/stores/load-into';

interface ListState {
  items: string[];
  loaded: boolean;
  error: unknown;
}

/** A store's state and a `set` that merges into it, as zustand's does. */
function store(): { state: ListState; set(patch: Partial<ListState>): void } {
  const state: ListState = { items: [], loaded: false, error: 'an earlier refusal' };
  return { state, set: (patch) => Object.assign(state, patch) };
}

describe('loadInto', () => {
  it('sets what was read, marks the store loaded and clears the last error', async () => {
    const s = store();
    await loadInto<ListState>(s.set, async () => ({ items: ['a', 'b'] }));
    expect(s.state).toEqual({ items: ['a', 'b'], loaded: true, error: null });
  });

  it('keeps a refusal as the error, leaves the rest as it was, and throws it to the caller', async () => {
    const s = store();
    s.state.items = ['kept'];
    const refusal = new Error('403');
    await expect(loadInto<ListState>(s.set, () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(s.state).toEqual({ items: ['kept'], loaded: false, error: refusal });
  });
});
