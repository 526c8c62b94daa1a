/**
 * The layer boundaries are enforced by eslint.config.js; these tests prove each rule fires on a
 * violation and stays quiet on allowed imports, so the boundaries cannot silently stop working.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it('shared/ imports no Node built-ins, no electron, nothing of ours outside shared', async () => {
    expect(await boundaryErrors('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).not.toEqual([]);
    expect(await boundaryErrors('shared/probe.ts', "import { join } from 'path';\nexport const a = join;\n")).not.toEqual([]);
    expect(await boundaryErrors('shared/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await boundaryErrors('shared/probe.ts', "import { createCore } from '../core/create-core';\nexport const a = createCore;\n")).not.toEqual([]);
  });

  it('shared/ touches no DOM globals', async () => {
    expect(await boundaryErrors('shared/probe.ts', 'export const a = () => document.title;\n')).not.toEqual([]);
  });

  it('shared/ may import its own modules and zod', async () => {
    expect(await boundaryErrors('shared/probe.ts', "import { z } from 'zod';\nimport { AppError } from './errors';\nexport const a = [z, AppError];\n")).toEqual([]);
  });

  it('db/ and core/ never import electron or the glue', async () => {
    expect(await boundaryErrors('core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await boundaryErrors('db/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/probe.ts', "import { x } from '../electron/main';\nexport const a = x;\n")).not.toEqual([]);
    expect(await boundaryErrors('core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([]);
  });

  it('the renderer imports only shared/ and its own code', async () => {
    const file = 'renderer/src/probe.ts';
    expect(await boundaryErrors(file, "import { x } from '../../core/host';\nexport const a = x;\n")).not.toEqual([]);
    expect(await boundaryErrors(file, "import { x } from '../../db/schema';\nexport const a = x;\n")).not.toEqual([]);
    expect(await boundaryErrors(file, "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).not.toEqual([]);
    expect(await boundaryErrors(file, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).not.toEqual([]);
    expect(await boundaryErrors(file, "import { commands } from '../../shared/contract/commands';\nexport const a = commands;\n")).toEqual([]);
  });

  it('electron/ is the only place that may import electron', async () => {
    expect(await boundaryErrors('electron/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
