/**
 * The transport every store uses: set once at start by main.tsx (choose-transport.ts picks IPC or
 * HTTP), or a fake in tests. Nothing here touches the DOM, so the stores load in Node too.
 */
import type { Transport } from './transport';

let current: Transport | null = null;

export function setTransport(t: Transport): void {
  current = t;
}

export function transport(): Transport {
  if (!current) throw new Error('No transport yet: main.tsx sets one before anything is asked');
  return current;
}
