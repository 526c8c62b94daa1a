/**
 * The hotel zone's UTC offsets over a span of time, as segments: what the report queries need to
 * turn a stored instant (`checkin_ms`) into its hotel-local day number with integer arithmetic in
 * SQL, `(ms + offset) / 86 400 000`, exact across DST changes (db/queries/report-queries.ts).
 */
import type { OffsetSegment } from '../../db/queries/report-queries';
import { offsetAt } from '../../shared/time';

const DAY_MS = 86_400_000;

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
