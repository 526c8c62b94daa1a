import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoomsReport } from '../../../shared/contract/reports';
import { useReportsStore } from '../../../renderer/src/reports/reports-store';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { deferred } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const report = (from: string) => ({ current: { from } }) as unknown as RoomsReport;

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
});

describe('reports store', () => {
  it('asks the host for the period the screen names, and keeps its answer', async () => {
    t.answer('reports:rooms', (input) => report(input.period === 'range' ? input.from! : 'month'));
    await useReportsStore.getState().load({ period: 'range', from: '2026-05-01', to: '2026-05-31' });
    expect(t.calls).toEqual([['reports:rooms', { period: 'range', from: '2026-05-01', to: '2026-05-31' }]]);
    expect(useReportsStore.getState()).toMatchObject({ report: report('2026-05-01'), busy: false, error: null });
  });

  it("shows a newer period's answer even when an older one arrives later", async () => {
    const slow = deferred<RoomsReport>();
    t.answer('reports:rooms', (input) => (input.period === 'monthToDate' ? slow.promise : report('year')));
    const first = useReportsStore.getState().load({ period: 'monthToDate' });
    await useReportsStore.getState().load({ period: 'yearToDate' });
    slow.resolve(report('month'));
    await first;
    expect(useReportsStore.getState().report).toEqual(report('year'));
  });

  it('keeps a refusal for the screen, with the last report still shown; opening the screen again shows none until its answer', async () => {
    t.answer('reports:rooms', () => report('month'));
    await useReportsStore.getState().load({ period: 'monthToDate' });
    const refusal = new Error('to before from');
    t.answer('reports:rooms', () => Promise.reject(refusal));
    await useReportsStore.getState().load({ period: 'range', from: '2026-05-31', to: '2026-05-01' });
    expect(useReportsStore.getState()).toMatchObject({ report: report('month'), busy: false, error: refusal });
    const answer = deferred<RoomsReport>();
    t.answer('reports:rooms', () => answer.promise);
    const opening = useReportsStore.getState().open({ period: 'monthToDate' });
    expect(useReportsStore.getState()).toMatchObject({ report: null, busy: true, error: null });
    answer.resolve(report('again'));
    await opening;
    expect(useReportsStore.getState().report).toEqual(report('again'));
  });
});
