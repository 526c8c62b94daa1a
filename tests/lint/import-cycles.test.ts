/**
 * No import cycle (issue 19 §1), in the renderer and on the Node side (the contract, db/, core/,
 * electron/): the composition sits on top of the domains and no module imports back into a module
 * that imports it. Type-only imports and lazy `import()`s aside (neither runs at load). The graph is
 * read with TypeScript's parser (scripts/import-graph.ts says why not eslint-plugin-import-x or madge);
 * `npx tsx scripts/import-layers.ts --list` prints the same circles and the imports that run back up.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, ourSources, upwardImports } from '../../scripts/import-graph';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sources = ourSources(ROOT);
const show = (cycles: string[][]) => cycles.map((c) => c.map((p) => relative(ROOT, p)).join(' → '));

describe('no import cycle', () => {
  it('finds a cycle through a value import, and none through type-only or lazy imports', () => {
    const files = new Map([
      ['/r/a.ts', "import { b } from './b';\nexport const a = b;"],
      ['/r/b.ts', "import { c } from './c';\nexport const b = c;"],
      ['/r/c.ts', "import { a } from './a';\nexport const c = 1; export const d = a;"],
      ['/r/x.ts', "import type { Y } from './y';\nimport { type Z } from './y';\nexport type X = Y | Z;"],
      ['/r/y.tsx', "import { lazy } from 'react';\nexport type Y = 1; export type Z = 2;\nexport const X = lazy(() => import('./x'));\nimport './x';"],
    ]);
    expect(importCycles(files)).toEqual([['/r/a.ts', '/r/b.ts', '/r/c.ts', '/r/a.ts']]);
  });

  it('in renderer/src', () => {
    expect(existsSync(join(ROOT, 'renderer', 'src'))).toBe(true);
    expect(sources.renderer.size).toBeGreaterThan(100);
    expect(show(importCycles(sources.renderer))).toEqual([]);
  });

  it('in shared/, db/, core/ and electron/', () => {
    expect(sources.node.size).toBeGreaterThan(200);
    expect(show(importCycles(sources.node))).toEqual([]);
  });
});

describe('the imports that run back up the layers', () => {
  it('finds a registry low in the tree that imports a domain above it', () => {
    const files = new Map([
      [join(ROOT, 'core/jobs/jobs.ts'), "import { x } from '../stays/x-job';\nexport const j = [x];"],
      [join(ROOT, 'core/stays/x-job.ts'), "export const x = 1;"],
      [join(ROOT, 'core/composition/jobs.ts'), "import { x } from '../stays/x-job';\nexport const j = [x];"],
    ]);
    expect(upwardImports(ROOT, files)).toEqual(['core/jobs/jobs.ts → core/stays/x-job.ts']);
  });

  it('are none, type-only imports included (eslint.config.js refuses each one; this counts them)', () => {
    expect(upwardImports(ROOT, sources.node)).toEqual([]);
    expect(upwardImports(ROOT, sources.renderer)).toEqual([]);
  });
});
