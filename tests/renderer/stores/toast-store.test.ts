import '../browser-globals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocaleStore } from '../../../renderer/src/i18n/lang-store';
import { reportBackgroundError, toast, useToastStore } from '../../../renderer/src/stores/toast-store';
import { TransportError } from '../../../renderer/src/transport/transport';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

beforeEach(() => {
  vi.useFakeTimers();
  useToastStore.setState({ toasts: [] });
  useLocaleStore.setState({ lang: 'en' });
});

afterEach(() => {
  vi.useRealTimers();
});

const texts = () => useToastStore.getState().toasts.map((t) => t.text);

describe('toasts', () => {
  it('shows a message, then lets it go by itself', () => {
    toast('success', 'Saved');
    expect(texts()).toEqual(['Saved']);
    vi.advanceTimersByTime(4000);
    expect(texts()).toEqual([]);
  });

  it('shows the same text once (moved to the newest place), and at most four at a time', () => {
    for (const text of ['a', 'b', 'a']) toast('info', text);
    expect(texts()).toEqual(['b', 'a']);
    for (const text of ['c', 'd', 'e']) toast('info', text);
    expect(texts()).toEqual(['a', 'c', 'd', 'e']);
  });

  it('reports background failures in the desk language, but not an ended session (sign-in says that)', () => {
    reportBackgroundError(new TransportError('NETWORK', 'offline'));
    expect(texts()).toEqual(['Could not update: Cannot reach the desk server. Check the network and try again.']);
    reportBackgroundError(new TransportError('UNAUTHENTICATED', 'Sign in first', 401));
    expect(texts()).toHaveLength(1);
  });
});
