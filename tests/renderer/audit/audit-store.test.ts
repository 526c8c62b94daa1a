import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/audit';
import { AUDIT_PAGE_SIZE, EMPTY_AUDIT_FILTER } from '../../../renderer/src/audit/audit-query';
import { useAuditStore } from '../../../renderer/src/audit/audit-store';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { deferred } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const entry = (id: number) => ({ id, action: 'rooms:create' }) as unknown as AuditEntry;
type Page = { entries: AuditEntry[]; nextBeforeId: number | null };

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
});

describe('audit store', () => {
  it('asks for the first page of a filter, then pages back from the last entry shown', async () => {
    t.answer('audit:list', (input) => (input.beforeId === undefined ? { entries: [entry(9), entry(8)], nextBeforeId: 8 } : { entries: [entry(7)], nextBeforeId: null }));
    await useAuditStore.getState().load({ ...EMPTY_AUDIT_FILTER, actor: ' anna ' });
    await useAuditStore.getState().loadMore();
    expect(t.calls).toEqual([
      ['audit:list', { actor: 'anna', limit: AUDIT_PAGE_SIZE }],
      ['audit:list', { actor: 'anna', limit: AUDIT_PAGE_SIZE, beforeId: 8 }],
    ]);
    expect(useAuditStore.getState().entries.map((e) => e.id)).toEqual([9, 8, 7]);
    await useAuditStore.getState().loadMore();
    expect(t.calls).toHaveLength(2);
  });

  it("shows a newer filter's answer even when an older one arrives later", async () => {
    const slow = deferred<Page>();
    t.answer('audit:list', (input) => (input.actor === 'old' ? slow.promise : { entries: [entry(2)], nextBeforeId: null }));
    const first = useAuditStore.getState().load({ ...EMPTY_AUDIT_FILTER, actor: 'old' });
    await useAuditStore.getState().load({ ...EMPTY_AUDIT_FILTER, actor: 'new' });
    slow.resolve({ entries: [entry(1)], nextBeforeId: null });
    await first;
    expect(useAuditStore.getState().entries.map((e) => e.id)).toEqual([2]);
    expect(useAuditStore.getState().filter.actor).toBe('new');
  });

  it('exports what the filter shows', async () => {
    t.answer('audit:list', () => ({ entries: [], nextBeforeId: null }));
    let asked: unknown = null;
    t.exportCsv = async (name, query) => {
      asked = { name, ...query };
      return 'downloaded';
    };
    await useAuditStore.getState().load({ ...EMPTY_AUDIT_FILTER, entity: 'room' });
    await useAuditStore.getState().exportCsv({ delimiter: ';', bom: true });
    expect(asked).toEqual({ name: 'audit:export', entity: 'room', delimiter: ';', bom: true });
    expect(useAuditStore.getState()).toMatchObject({ exporting: false, exportOutcome: 'downloaded' });
  });

  it('forgets the entries on sign-out', async () => {
    t.answer('audit:list', () => ({ entries: [entry(1)], nextBeforeId: null }));
    await useAuditStore.getState().load();
    clearSessionData();
    expect(useAuditStore.getState()).toMatchObject({ entries: [], loaded: false, filter: EMPTY_AUDIT_FILTER });
  });
});
