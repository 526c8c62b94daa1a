/**
 * When to try a failed message again: "full jitter" exponential backoff, capped. Spreading the
 * retries at random keeps a desk that was offline for hours from hammering billing the moment it is
 * back. Pure: the random source is passed in.
 *
 * Worked example (base 1 s, ×2, cap 1 h), after the n-th failed attempt the delay is uniform in
 * [0, min(cap, base × 2^(n−1))):
 *   n = 1 → [0, 1 s)   n = 2 → [0, 2 s)   n = 5 → [0, 16 s)   n = 13 → [0, 68 min) → capped to [0, 1 h)
 * A `Retry-After: 120` on a 429/503 replaces the jitter: exactly 120 s (still at most the cap).
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 3_600_000;

/** Delay before the next attempt, after `attempts` failed ones (1 after the first failure). */
export function backoffDelayMs(attempts: number, random: () => number, retryAfterMs?: number | null): number {
  if (retryAfterMs !== undefined && retryAfterMs !== null) return Math.min(BACKOFF_CAP_MS, Math.max(0, retryAfterMs));
  // 2^(n−1) overflows nothing: past n = 13 the cap wins anyway.
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 32));
  return Math.floor(random() * ceiling);
}

/**
 * A `Retry-After` header as milliseconds from now: either delta-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). Anything unreadable is ignored (null).
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long a failing target waits before one worker probes it again (`failures`: its transient
 * failures since it last answered): 1 s, 2 s, 4 s … capped at `PROBE_CAP_MS`, half of it fixed and
 * half jittered, so probes never bunch up nor come closer than half the step. The cap is what bounds
 * how long a target that answers again goes unnoticed: at most 30 s after it is back.
 *   failures = 1 → [0.5 s, 1 s)   3 → [2 s, 4 s)   6 → [16 s, 30 s)   ≥ 6 → [15 s, 30 s)
 */
export const PROBE_CAP_MS = 30_000;

export function probeDelayMs(failures: number, random: () => number): number {
  const step = Math.min(PROBE_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(failures - 1, 0), 32));
  return Math.floor(step / 2 + random() * (step / 2));
}
