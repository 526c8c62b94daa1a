/**
 * Delay before the next attempt to reopen the live feed: doubling from 500 ms, capped at 15 s,
 * with up to 20 % jitter so a room full of desks does not reconnect in lockstep after a restart.
 * attempt 0 → 0.5 s, 1 → 1 s, 2 → 2 s, 3 → 4 s, 4 → 8 s, 5 and later → 15 s (before jitter).
 */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 15_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const raw = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(raw * (1 + 0.2 * random()));
}
