/**
 * The import center's store (renderer/src/imports/imports-store.ts) against a fake transport: each run
 * names itself with a fresh job id, takes only its own progress events, cancels by that id (its call
 * then fails as cancelled: nothing written, no error shown), and reloads what an import changed.
 */
import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/contract/imports';
import { useImportsStore } from '../../../renderer/src/imports/imports-store';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const file = { name: 'rooms.csv', bytes: 120, blob: null };
const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  kind: 'guestRooms', dryRun: true, mode: 'allOrNothing', committed: false, encoding: 'utf-8', delimiter: ';', columns: ['Værelse'],
  mapping: { number: 'Værelse' }, rows: 2, created: 0, unchanged: 0, failed: 0, errors: [], ...over,
});
const progress = (jobId: string, rows: number) => ({ type: 'import.progress' as const, jobId, userId: 1, progress: { phase: 'checking' as const, bytes: rows * 10, totalBytes: 1000, rows, created: rows, unchanged: 0, failed: 0 } });

beforeEach(() => {
  t = fakeTransport('ipc');
  setTransport(t);
  clearSessionData();
});

describe('import center store', () => {
  it('dry-runs a chosen file under a fresh job id, then imports it under another, sending the mapping as JSON text', async () => {
    t.answer('imports:runFile', (input) => summary({ dryRun: input.dryRun === true, committed: input.dryRun !== true }));
    await useImportsStore.getState().setFile(file);
    await useImportsStore.getState().setColumn('category', 'Kategori');
    await useImportsStore.getState().runImport();
    const runs = t.calls.filter(([name]) => name === 'imports:runFile').map(([, input]) => input as Record<string, unknown>);
    expect(runs.map((r) => [r.dryRun, r.mapping])).toEqual([[true, undefined], [true, '{"number":"Værelse","category":"Kategori"}'], [false, '{"number":"Værelse"}']]);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(3);
    for (const r of runs) expect(r.jobId).toMatch(/^import-[0-9a-f]{24}$/);
    expect(useImportsStore.getState()).toMatchObject({ running: null, jobId: null, result: { committed: true } });
  });

  it('shows the progress of its own run only, and cancels that run: nothing written, no error', async () => {
    let reject!: (e: unknown) => void;
    t.answer('imports:runFile', () => new Promise((_, no) => (reject = no)));
    t.answer('imports:cancel', () => ({ cancelled: true }));
    const running = useImportsStore.getState().setFile(file);
    await expect.poll(() => useImportsStore.getState().running).toBe('dryRun');
    const { jobId } = useImportsStore.getState();
    useImportsStore.getState().receiveProgress(progress('someone-else', 900));
    expect(useImportsStore.getState().progress).toBeNull();
    useImportsStore.getState().receiveProgress(progress(jobId!, 300));
    expect(useImportsStore.getState().progress).toMatchObject({ rows: 300, totalBytes: 1000 });
    await useImportsStore.getState().cancel();
    expect(t.calls.at(-1)).toEqual(['imports:cancel', { jobId }]);
    expect(useImportsStore.getState().cancelling).toBe(true);
    reject(new TransportError('VALIDATION', 'The import was cancelled: nothing was written', 400, undefined, { reason: 'imports.cancelled' }));
    await running;
    expect(useImportsStore.getState()).toMatchObject({ running: null, jobId: null, progress: null, cancelling: false, cancelled: true, error: null, preview: null });
  });

  it('keeps any other refusal for the screen', async () => {
    t.answer('imports:runFile', () => {
      throw new TransportError('PAYLOAD_TOO_LARGE', 'The file is larger than 67108864 bytes (64 MiB)', 413, undefined, { reason: 'imports.tooLarge', params: { max: 67108864 } });
    });
    await useImportsStore.getState().setFile(file);
    expect(useImportsStore.getState()).toMatchObject({ running: null, cancelled: false, error: { status: 413, reason: 'imports.tooLarge' } });
  });
});
