/**
 * The preload runs sandboxed: Electron gives it a `require` that knows `electron` and nothing else.
 * This builds the real preload bundle with vite.electron.config.ts and runs it under exactly that
 * constraint.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';

let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'frontdesk-preload-'));
  const builder = await createBuilder({
    configFile: 'vite.electron.config.ts',
    logLevel: 'silent',
    environments: { preload: { build: { outDir, emptyOutDir: false } } },
  });
  await builder.build(builder.environments.preload!);
  code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the built preload (dist-electron/preload.cjs)', () => {
  it('requires nothing but electron', () => {
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('carries no zod or schema code: a few strings and functions only', () => {
    expect(code).not.toMatch(/safeParse|ZodType|ZodObject|\$constructor/);
    // The command table's names and paths (~100–130 bytes a command) and the bridge: nothing more
    // (zod alone would be some 250 kB).
    expect(code.length).toBeLessThan(2_000 + 130 * ipcCommandNames.length);
  });

  it('runs with only electron available and exposes the bridge', () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect(Object.keys(exposed.get('frontdesk') ?? {}).sort()).toEqual([...ipcCommandNames, 'onEvent', 'printToPdf', 'openImportFile'].sort());
  });
});
