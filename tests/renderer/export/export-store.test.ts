import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExportStore } from '../../../renderer/src/export/export-store';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;

beforeEach(() => {
  t = fakeTransport('ipc');
  setTransport(t);
  useExportStore.getState().reset();
});

describe('export store', () => {
  it('saves the export and keeps where it went', async () => {
    t.exportCsv = async (name) => (name === 'stays:export' ? { path: '/home/desk/stays.csv', rows: 12 } : 'downloaded');
    await useExportStore.getState().run({ delimiter: ',', bom: false });
    expect(useExportStore.getState()).toMatchObject({ busy: false, outcome: { path: '/home/desk/stays.csv', rows: 12 }, error: null });
  });

  it('keeps the refusal for the dialog, and forgets it on sign-out', async () => {
    t.exportCsv = async () => {
      throw new TransportError('FORBIDDEN', 'No', 403);
    };
    await useExportStore.getState().run({ delimiter: ',', bom: false });
    expect(useExportStore.getState()).toMatchObject({ busy: false, error: { status: 403 } });
    clearSessionData();
    expect(useExportStore.getState().error).toBeNull();
  });
});
