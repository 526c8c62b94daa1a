/**
 * No import cycle in the renderer (issue 19 §1): the composition sits on top of the domains and no
 * module imports back into a module that imports it. Type-only imports and lazy `import()`s aside
 * (neither runs at load). Hand-written rather than eslint-plugin-import-x's `no-cycle`: that plugin
 * resolves through a native package (unrs-resolver) whose builds for other platforms the package
 * registry this project installs from does not hold, so its lock file could not be installed with
 * `npm ci`; the check is one small graph walk over TypeScript's own parser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER = join(ROOT, 'renderer', 'src');

/** The relative modules a file imports at load time (not `import type`, not all-type named imports, not `import()`). */
export function loadTimeImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const clause = node.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)) continue;
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out.filter((s) => s.startsWith('.'));
}

function resolveModule(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts'), join(base, 'index.tsx')].find(exists);
}

/** Every import cycle among `files` (path → text), each as its modules in import order, the first repeated last. */
export function importCycles(files: Map<string, string>): string[][] {
  const exists = (p: string) => files.has(p);
  const graph = new Map<string, string[]>();
  for (const [path, text] of files) {
    graph.set(path, loadTimeImports(path, text).flatMap((s) => resolveModule(path, s, exists) ?? []));
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function sourceFiles(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}

describe('the renderer has no import cycle', () => {
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
    expect(existsSync(RENDERER)).toBe(true);
    const files = sourceFiles(RENDERER);
    expect(files.size).toBeGreaterThan(100);
    const cycles = importCycles(files).map((c) => c.map((p) => relative(ROOT, p)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
