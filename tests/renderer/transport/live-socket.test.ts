import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORBIDDEN_CLOSE, openLiveSocket, UNAUTHORIZED_CLOSE } from '../../../renderer/src/transport/live-socket';

/** Just enough of a browser WebSocket: the test opens, answers and closes it by hand. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.onclose?.({ code: 1000 });
  }
  // ---- the host's side ----
  open() {
    this.onopen?.();
  }
  say(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

const latest = () => FakeSocket.all.at(-1)!;

let token: string | null;
let refused: number[];

function socket() {
  const states: string[] = [];
  const live = openLiveSocket({ url: () => 'ws://desk.local/ws', token: () => token, onRefused: (code) => void refused.push(code) });
  live.onConnection((s) => states.push(s));
  return { live, states };
}

beforeEach(() => {
  FakeSocket.all = [];
  token = 'tok-1';
  refused = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('openLiveSocket', () => {
  it('opens nothing until started (signed in)', () => {
    socket();
    expect(FakeSocket.all).toEqual([]);
  });

  it('sends the token as the first message and is live only once the host says ready', () => {
    const { live, states } = socket();
    live.start();
    latest().open();
    expect(latest().sent).toEqual([JSON.stringify({ type: 'auth', token: 'tok-1' })]);
    expect(states).toEqual(['connecting']);
    latest().say({ type: 'ready' });
    expect(states).toEqual(['connecting', 'live']);
  });

  it('passes events on after ready, and not the ready message itself', async () => {
    const { live } = socket();
    const seen: unknown[] = [];
    live.onEvent((e) => seen.push(e));
    live.start();
    latest().open();
    latest().say({ type: 'ready' });
    latest().say({ type: 'outbox.changed' });
    // The events' schema (zod) loads with the first event: slow on a busy machine.
    await vi.waitFor(() => expect(seen).toEqual([{ type: 'outbox.changed' }]), { timeout: 10_000 });
  });

  it('reconnects after a drop, sending the token again', () => {
    const { live, states } = socket();
    live.start();
    latest().open();
    latest().say({ type: 'ready' });
    latest().drop();
    expect(states.at(-1)).toBe('offline');
    vi.advanceTimersByTime(1_000);
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([JSON.stringify({ type: 'auth', token: 'tok-1' })]);
  });

  it('stops for good on 4401 and reports it; start() after the next sign-in opens it again', () => {
    const { live } = socket();
    live.start();
    latest().open();
    latest().drop(UNAUTHORIZED_CLOSE);
    expect(refused).toEqual([UNAUTHORIZED_CLOSE]);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);

    token = 'tok-2';
    live.start();
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([JSON.stringify({ type: 'auth', token: 'tok-2' })]);
  });

  it('closes on stop() (sign-out) and does not reconnect', () => {
    const { live, states } = socket();
    live.start();
    latest().open();
    latest().say({ type: 'ready' });
    live.stop();
    expect(latest().closed).toBe(true);
    expect(states.at(-1)).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(refused).toEqual([]);
  });

  it('stops on 4403 (a password change is pending) and reports it', () => {
    const { live } = socket();
    live.start();
    latest().open();
    latest().drop(FORBIDDEN_CLOSE);
    vi.advanceTimersByTime(60_000);
    expect(refused).toEqual([FORBIDDEN_CLOSE]);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('does not open without a token', () => {
    token = null;
    socket().live.start();
    expect(FakeSocket.all).toEqual([]);
  });
});
