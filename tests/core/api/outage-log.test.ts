/**
 * core/api/outage-log.ts: while the database cannot be reached, one line, then at most one every
 * `everyMs` counting the ones left out; any other error is left to the caller's own log.
 */
import { describe, expect, it } from 'vitest';
import { createOutageLog, outageLine } from '../../../core/api/outage-log';
import { unavailable } from '../../../db/engine/postgres-errors';
import { AppError } from '../../../shared/errors';

describe('the outage log', () => {
  it('writes one line for the first 503, then one at most every 10 s, counting those it left out', () => {
    let now = 0;
    const lines: string[] = [];
    const log = createOutageLog((line) => lines.push(line), { now: () => now, everyMs: 10_000 });
    const down = unavailable();
    expect(log(down, outageLine('GET', '/api/v1/rooms', down))).toBe(true);
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      expect(log(down, outageLine('POST', '/bookings', down))).toBe(true);
    }
    now = 10_000;
    log(down, outageLine('POST', '/bookings', down));
    expect(lines).toEqual([
      'GET /api/v1/rooms: 503, the database cannot be reached (Retry-After 5 s)',
      'POST /bookings: 503, the database cannot be reached (Retry-After 5 s) (5 more since the last line)',
    ]);
  });

  it('leaves every other error, a 500 included, to the caller', () => {
    const lines: string[] = [];
    const log = createOutageLog((line) => lines.push(line));
    expect(log(new Error('boom'), 'x')).toBe(false);
    expect(log(new AppError('CONFLICT', 'taken'), 'x')).toBe(false);
    expect(lines).toEqual([]);
  });
});
