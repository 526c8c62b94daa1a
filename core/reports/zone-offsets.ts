/**
 * The hotel zone's UTC offsets over a span of time, as segments: what the reports need to turn a
 * stored instant (`checkin_ms`) into its hotel-local day number with integer arithmetic,
 * `(ms + offset) / 86 400 000`, exact across DST changes, without asking Intl once per stay.
 */
import { offsetAt } from '../../shared/time';

const DAY_MS = 86_400_000;

/** A span of time with one UTC offset: from `fromMs` (the first segment: from any earlier time) to the next segment. */
export interface OffsetSegment {
  fromMs: number;
  offsetMs: number;
}

/**
 * The offsets in force from `startMs` to `endMs`. A zone changes its offset at most a few times a
 * year and never twice in a day, so it is sampled daily and each change found to the second.
 */
export function offsetSegments(startMs: number, endMs: number, zone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ fromMs: startMs, offsetMs: offsetAt(startMs, zone) }];
  let prev = startMs;
  for (let t = startMs + DAY_MS; prev < endMs; t += DAY_MS) {
    const at = Math.min(t, endMs);
    const offset = offsetAt(at, zone);
    const last = segments[segments.length - 1]!;
    if (offset !== last.offsetMs) segments.push({ fromMs: changeBetween(prev, at, last.offsetMs, zone), offsetMs: offset });
    prev = at;
  }
  return segments;
}

/** The first whole second in (lo, hi] whose offset differs from `before`. */
function changeBetween(lo: number, hi: number, before: number, zone: string): number {
  let a = Math.floor(lo / 1000);
  let b = Math.ceil(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(mid * 1000, zone) === before) a = mid;
    else b = mid;
  }
  return b * 1000;
}

/**
 * The hotel-local day number (days since 1970-01-01) of an instant between `startMs` and `endMs`.
 * Example, Copenhagen: 2026-03-29T00:30Z is 01:30 local (+01:00), day 20541; 2026-03-29T22:30Z is
 * 00:30 on 30 March (+02:00 since 01:00Z), day 20542.
 */
export function localDayOf(startMs: number, endMs: number, zone: string): (ms: number) => number {
  const segments = offsetSegments(startMs, endMs, zone);
  return (ms) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.fromMs <= ms) lo = mid;
      else hi = mid - 1;
    }
    return Math.floor((ms + segments[lo]!.offsetMs) / DAY_MS);
  };
}
