/**
 * The layer boundaries are enforced by eslint.config.js; these tests prove each rule fires on a
 * violation and stays quiet on allowed imports, so the boundaries cannot silently stop working.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The probes are no files of the TypeScript project: lint them untyped (the typed promise rules
// need the project service, which refuses a file it does not know, as a parse error).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/probe.ts', '**/probe.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
  },
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A probe that does not parse would find no boundary error and prove nothing.
  expect(result!.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const ENGINE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)['"](?:pg|pg-[\w-]+|better-sqlite3)['"]/m;

/** Source files of ours, outside the given top-level folders, that import a database driver (lint aside: a check of the tree itself). */
function engineImportersOutside(skip: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = dir === '.' ? entry.name : join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !(dir === '.' && skip.includes(entry.name))) walk(path);
      } else if (/\.(c|m)?[jt]sx?$/.test(entry.name) && ENGINE_IMPORT.test(readFileSync(path, 'utf8'))) {
        found.push(path);
      }
    }
  };
  walk('.');
  return found;
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

  it('only db/ imports a database engine (pg, better-sqlite3): core, glue, contract and renderer never do', async () => {
    for (const engine of ['pg', 'better-sqlite3', 'pg-cursor']) {
      const code = `import x from '${engine}';\nexport const a = x;\n`;
      for (const file of ['core/probe.ts', 'core/api/probe.ts', 'electron/probe.ts', 'shared/probe.ts', 'renderer/src/probe.ts']) {
        expect(await boundaryErrors(file, code), `${engine} in ${file}`).not.toEqual([]);
      }
      expect(await boundaryErrors('db/engine/probe.ts', code), `${engine} in db/`).toEqual([]);
    }
  });

  it('no file outside db/ (tests, benchmarks and scripts aside) imports pg or better-sqlite3 today', () => {
    const offenders = engineImportersOutside(['db', 'tests', 'bench', 'scripts', 'node_modules', 'dist', 'dist-electron', 'dist-server', 'release', 'coverage']);
    expect(offenders).toEqual([]);
  });

  it('db/ imports nothing of core/', async () => {
    expect(await boundaryErrors('db/queries/probe.ts', "import type { CoreDeps } from '../../core/context';\nexport type A = CoreDeps;\n")).not.toEqual([]);
    expect(await boundaryErrors('db/queries/probe.ts', "import { stays } from '../schema';\nexport const a = stays;\n")).toEqual([]);
  });

  it("core/'s kernel and platform folders import no domain, no composition, no shell", async () => {
    const refused = [
      ['core/probe.ts', './stays/stays-service'],
      ['core/probe.ts', './composition/core-services'],
      ['core/probe.ts', './create-core'],
      ['core/outbox/probe.ts', '../stays/stays-service'],
      ['core/outbox/probe.ts', '../composition/core-services'],
      ['core/jobs/probe.ts', '../create-core'],
      ['core/export/probe.ts', '../api/build-server'],
    ];
    for (const [file, from] of refused) {
      expect(await boundaryErrors(file!, `import type { X } from '${from}';\nexport type A = X;\n`), `${from} in ${file}`).not.toEqual([]);
    }
    const allowed = [
      ['core/probe.ts', './auth/authorize'],
      ['core/probe.ts', './context'],
      ['core/outbox/probe.ts', '../settings/settings-service'],
      ['core/outbox/probe.ts', '../context'],
      ['core/outbox/probe.ts', '../../db/queries/outbox-queries'],
    ];
    for (const [file, from] of allowed) {
      expect(await boundaryErrors(file!, `import type { X } from '${from}';\nexport type A = X;\n`), `${from} in ${file}`).toEqual([]);
    }
  });

  it('a core domain imports no composition and no shell; the composition no shell; the shell anything of the core', async () => {
    const probe = (from: string) => `import type { X } from '${from}';\nexport type A = X;\n`;
    for (const from of ['../composition/core-services', '../create-core', '../host', '../api/build-server', '../demo/demo-hotel']) {
      expect(await boundaryErrors('core/stays/probe.ts', probe(from)), from).not.toEqual([]);
    }
    for (const from of ['../stock/stock-service', '../commit', '../settings/settings-service', '../../shared/contract/stays']) {
      expect(await boundaryErrors('core/stays/probe.ts', probe(from)), from).toEqual([]);
    }
    expect(await boundaryErrors('core/composition/probe.ts', probe('../create-core'))).not.toEqual([]);
    expect(await boundaryErrors('core/composition/probe.ts', probe('../api/build-server'))).not.toEqual([]);
    expect(await boundaryErrors('core/composition/probe.ts', probe('../stays/stays-handlers'))).toEqual([]);
    expect(await boundaryErrors('core/api/probe.ts', probe('../composition/core-services'))).toEqual([]);
  });

  it("the renderer's shared pieces import no domain; a domain no composition or shell", async () => {
    const probe = (from: string) => `import { x } from '${from}';\nexport const a = x;\n`;
    for (const base of ['ui', 'stores', 'transport', 'i18n']) {
      expect(await boundaryErrors(`renderer/src/${base}/probe.ts`, probe('../stays/stays-store')), base).not.toEqual([]);
      expect(await boundaryErrors(`renderer/src/${base}/probe.ts`, probe('../composition/screens')), base).not.toEqual([]);
      expect(await boundaryErrors(`renderer/src/${base}/probe.ts`, probe('../format/money')), base).toEqual([]);
    }
    expect(await boundaryErrors('renderer/src/stays/probe.ts', probe('../composition/screens'))).not.toEqual([]);
    expect(await boundaryErrors('renderer/src/stays/probe.ts', probe('../app/app'))).not.toEqual([]);
    expect(await boundaryErrors('renderer/src/stays/probe.ts', probe('../stock/stock-store'))).toEqual([]);
    expect(await boundaryErrors('renderer/src/composition/probe.ts', probe('../app/app'))).not.toEqual([]);
    expect(await boundaryErrors('renderer/src/composition/probe.ts', probe('../stays/stays-text'))).toEqual([]);
  });

  it('a renderer component calls no transport (its store does); a store may', async () => {
    const probe = "import { transport } from '../transport/current-transport';\nexport const a = transport;\n";
    expect(await boundaryErrors('renderer/src/reports/probe.tsx', probe)).not.toEqual([]);
    expect(await boundaryErrors('renderer/src/reports/probe.tsx', "import { useReportsStore } from './reports-store';\nexport const a = useReportsStore;\n")).toEqual([]);
    expect(await boundaryErrors('renderer/src/reports/probe.ts', probe)).toEqual([]);
  });

  it('electron/ is the only place that may import electron', async () => {
    expect(await boundaryErrors('electron/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
