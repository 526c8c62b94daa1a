import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FleetReport, RoomsReport } from '../../../shared/contract/reports';
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
    await useReportsStore.getState().load('rooms', { period: 'range', from: '2026-05-01', to: '2026-05-31' });
    expect(t.calls).toEqual([['reports:rooms', { period: 'range', from: '2026-05-01', to: '2026-05-31' }]]);
    expect(useReportsStore.getState()).toMatchObject({ shown: { kind: 'rooms', report: report('2026-05-01') }, busy: false, error: null });
  });

  it("shows a newer period's answer even when an older one arrives later", async () => {
    const slow = deferred<RoomsReport>();
    t.answer('reports:rooms', (input) => (input.period === 'monthToDate' ? slow.promise : report('year')));
    const first = useReportsStore.getState().load('rooms', { period: 'monthToDate' });
    await useReportsStore.getState().load('rooms', { period: 'yearToDate' });
    slow.resolve(report('month'));
    await first;
    expect(useReportsStore.getState().shown).toEqual({ kind: 'rooms', report: report('year') });
  });

  it('keeps a refusal for the screen, with the last report still shown', async () => {
    t.answer('reports:rooms', () => report('month'));
    await useReportsStore.getState().load('rooms', { period: 'monthToDate' });
    const refusal = new Error('to before from');
    t.answer('reports:rooms', () => Promise.reject(refusal));
    await useReportsStore.getState().load('rooms', { period: 'range', from: '2026-05-31', to: '2026-05-01' });
    expect(useReportsStore.getState()).toMatchObject({ shown: { kind: 'rooms', report: report('month') }, busy: false, error: refusal });
  });

  it('asks for the report picked, and names its kind beside its answer', async () => {
    const fleet = { cars: [] } as unknown as FleetReport;
    t.answer('reports:fleet', () => fleet);
    await useReportsStore.getState().load('fleet', { period: 'yearToDate' });
    expect(t.calls).toEqual([['reports:fleet', { period: 'yearToDate' }]]);
    expect(useReportsStore.getState().shown).toEqual({ kind: 'fleet', report: fleet });
  });

  it('forgets the report when the session ends', async () => {
    t.answer('reports:rooms', () => report('month'));
    await useReportsStore.getState().load('rooms', { period: 'monthToDate' });
    clearSessionData();
    expect(useReportsStore.getState()).toMatchObject({ shown: null, busy: false, error: null });
  });
});
