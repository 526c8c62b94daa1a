/**
 * "Try it out" works on any day (issue 18 item 5): the document's request examples are dated from
 * the hotel's tomorrow on, by whole weeks, each time the document is served
 * (core/api/openapi-dated-examples.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FIRST_DAY, exampleShiftDays, shiftExample } from '../../../core/api/openapi-dated-examples';
import { commands } from '../../../shared/contract/commands';
import { dayNumber, parseDate } from '../../../shared/time';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

const weekday = (date: string) => (dayNumber(parseDate(date)) + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)

describe('the examples\' dates', () => {
  it('move by whole weeks to the first Monday from tomorrow on', () => {
    expect(weekday(EXAMPLE_FIRST_DAY)).toBe(1);
    expect(exampleShiftDays('2026-11-23')).toBe(182); // Monday → the examples' Monday is next Monday, 2026-11-30
    expect(exampleShiftDays('2026-05-31')).toBe(0); // their own week
    expect(exampleShiftDays('2026-05-01')).toBe(-28); // a day before them: Monday 2026-05-04
    for (const today of ['2026-11-22', '2026-11-23', '2026-11-29', '2031-02-28', '2024-02-29']) {
      const first = shiftExample(EXAMPLE_FIRST_DAY, exampleShiftDays(today)) as string;
      expect(weekday(first), today).toBe(1);
      const ahead = dayNumber(parseDate(first)) - dayNumber(parseDate(today));
      expect(ahead, today).toBeGreaterThanOrEqual(1);
      expect(ahead, today).toBeLessThanOrEqual(7);
    }
  });

  it('moves dates and date-times wherever they are in an example, and nothing else', () => {
    const example = { roomId: 3, checkin: '2026-06-01', checkout: '2026-06-04T12:00:00+02:00', time: '10:30', guestName: 'Mette 2026-06-01', daysOff: ['2026-06-05'], hours: { mon: { start: '09:00' } } };
    expect(shiftExample(example, 182)).toEqual({ ...example, checkin: '2026-11-30', checkout: '2026-12-03T12:00:00+02:00', daysOff: ['2026-12-04'] });
  });
});

describe('the served document', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Monday 2026-11-23, 10:00 in Copenhagen: every example the contract dates June 2026 is in the past.
    api = await startTestApi({ core: { now: Date.parse('2026-11-23T09:00:00Z') } });
    for (const number of [101, 102]) await api.t.core.handlers['rooms:create'](aRoom({ number }), adminCtx);
  });
  afterAll(() => api.close());

  const served = async () => (await api.get<{ paths: Record<string, Record<string, { parameters?: { name: string; example?: unknown }[]; requestBody?: { content: Record<string, { example?: unknown }> } }>> }>('/docs/json')).body;

  it('dates them from tomorrow on, so trying one out is not refused as past', async () => {
    const doc = await served();
    const available = doc.paths['/api/v1/rooms/available']!.get!.parameters!;
    const checkin = available.find((p) => p.name === 'checkin')!.example as string;
    const checkout = available.find((p) => p.name === 'checkout')!.example as string;
    expect([checkin, checkout]).toEqual(['2026-11-30', '2026-12-03']);
    expect(doc.paths['/api/v1/stays']!.post!.requestBody!.content['application/json']!.example).toMatchObject({ checkin: '2026-11-30', checkout: '2026-12-03' });
    // The contract's example as written is refused today; the served one is answered.
    const written = commands['rooms:available'].example as { checkin: string; checkout: string };
    expect(await api.get(`/api/v1/rooms/available?checkin=${written.checkin}&checkout=${written.checkout}`)).toMatchObject({ status: 400, body: { error: 'checkout is in the past' } });
    expect((await api.get(`/api/v1/rooms/available?checkin=${checkin}&checkout=${checkout}`)).status).toBe(200);
  });

  it('dates them on the day it is served, not the day the server started', async () => {
    api.t.clock.advance(7 * 86_400_000);
    const later = await served();
    expect(later.paths['/api/v1/stays']!.post!.requestBody!.content['application/json']!.example).toMatchObject({ checkin: '2026-12-07', checkout: '2026-12-10' });
  });
});
