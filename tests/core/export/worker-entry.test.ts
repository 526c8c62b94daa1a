import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unpackedPath, workerEntry } from '../../../core/export/worker-entry';

describe('unpackedPath', () => {
  it('points a worker inside app.asar at its unpacked copy and leaves other paths alone', () => {
    expect(unpackedPath('/opt/Frontdesk/resources/app.asar/dist-electron/export-worker.cjs')).toBe(
      '/opt/Frontdesk/resources/app.asar.unpacked/dist-electron/export-worker.cjs',
    );
    expect(unpackedPath('C:\\Frontdesk\\resources\\app.asar\\dist-electron\\w.cjs')).toBe('C:\\Frontdesk\\resources\\app.asar.unpacked\\dist-electron\\w.cjs');
    expect(unpackedPath('/work/main/dist-server/export-worker.cjs')).toBe('/work/main/dist-server/export-worker.cjs');
  });
});

describe('workerEntry', () => {
  it('from the sources: the entry in core/composition, run through tsx', () => {
    const caller = new URL('../../../core/imports/import-thread.ts', import.meta.url).href;
    const entry = workerEntry(caller, 'import-worker-entry.ts', 'import-worker.cjs');
    expect(entry.file).toMatch(/core[\\/]composition[\\/]import-worker-entry\.ts$/);
    expect(existsSync(entry.file)).toBe(true);
    expect(entry.execArgv[0]).toBe('--import');
    expect(entry.execArgv[1]).toMatch(/^file:.*tsx/);
  });

  it('from a bundle: the worker beside the host, unpacked from app.asar, with none of the parent\'s flags', () => {
    const caller = pathToFileURL('/opt/Frontdesk/resources/app.asar/dist-electron/host.cjs').href;
    expect(workerEntry(caller, 'export-worker-entry.ts', 'export-worker.cjs')).toEqual({
      file: '/opt/Frontdesk/resources/app.asar.unpacked/dist-electron/export-worker.cjs',
      execArgv: [],
    });
  });
});
