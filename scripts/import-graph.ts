/**
 * The import graph of our own TypeScript (issue 19 §1), read with TypeScript's parser: which module
 * imports which, the import circles, and the imports that run back up the layers. Used by
 * tests/lint/import-cycles.test.ts (no circle, in the renderer and on the Node side) and by
 * `npx tsx scripts/import-layers.ts` (the counts). Hand-written rather than eslint-plugin-import-x's
 * `no-cycle` or madge: the plugin resolves through a native package (unrs-resolver) whose builds for
 * other platforms the registry this project installs from does not hold, so `npm ci` failed with it;
 * this is one small graph walk.
 *
 * The layers, lowest first (what may import what is enforced by eslint.config.js; both read the folder lists of
 * scripts/import-layers.json): the contract (`shared/`), storage (`db/`); in `core/` the kernel every domain uses
 * (the root's commit, context, dispatcher; the platform folders: sign-in, settings, the outbox, jobs,
 * exports, reactions), the domains, the composition (`core/composition/`: the lists that name every
 * domain), and the shell (the root's create-core, host and serve, the REST server, the demo hotel);
 * the glue (`electron/`). In `renderer/src/` the shared pieces, the domains, the composition and the
 * shell (`app/`, the entries). An import from a lower layer to a higher one runs back up.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import layers from './import-layers.json' with { type: 'json' };

const { corePlatform: CORE_PLATFORM, coreShellFiles: CORE_SHELL_FILES, coreShellFolders: CORE_SHELL_FOLDERS, rendererBase: RENDERER_BASE, rendererShell: RENDERER_SHELL } = layers;

export interface ImportEdge {
  /** The module named (as written). */
  specifier: string;
  /** Erased at build time: `import type`, or only type names. */
  typeOnly: boolean;
}

function allTypes(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean {
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

/** The relative modules a file imports statically (lazy `import()` aside), each marked type-only or not. */
export function staticImports(fileName: string, text: string): ImportEdge[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const out: ImportEdge[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named) && allTypes(named.elements)));
      out.push({ specifier: (node.moduleSpecifier as ts.StringLiteral).text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && allTypes(clause.elements));
      out.push({ specifier: (node.moduleSpecifier as ts.StringLiteral).text, typeOnly });
    }
  }
  return out.filter((e) => e.specifier.startsWith('.'));
}

/** The relative modules a file imports at load time (not `import type`, not all-type named imports, not `import()`). */
export function loadTimeImports(fileName: string, text: string): string[] {
  return staticImports(fileName, text).filter((e) => !e.typeOnly).map((e) => e.specifier);
}

function resolveModule(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts'), join(base, 'index.tsx')].find(exists);
}

/** Module → the modules it imports (resolved among `files`); `withTypes` counts type-only imports too. */
export function importGraph(files: Map<string, string>, withTypes = false): Map<string, string[]> {
  const exists = (p: string) => files.has(p);
  const graph = new Map<string, string[]>();
  for (const [path, text] of files) {
    const edges = staticImports(path, text).filter((e) => withTypes || !e.typeOnly);
    graph.set(path, edges.flatMap((e) => resolveModule(path, e.specifier, exists) ?? []));
  }
  return graph;
}

/** Every import cycle of the graph, each as its modules in import order, the first repeated last. */
export function graphCycles(graph: Map<string, string[]>): string[][] {
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

/** Every load-time import cycle among `files` (path → text). */
export function importCycles(files: Map<string, string>): string[][] {
  return graphCycles(importGraph(files));
}

/** The `.ts`/`.tsx` sources under `dir` (declaration files aside), path → text. */
export function sourceFiles(dir: string, out = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}

/** A module's layer (higher sits above) and its name, from its path relative to the repository. */
export function layerOf(path: string): { rank: number; name: string } | undefined {
  const parts = path.split(sep);
  const [top, second] = parts;
  if (top === 'shared') return { rank: 0, name: 'contract' };
  if (top === 'db') return { rank: 1, name: 'storage' };
  if (top === 'electron') return { rank: 6, name: 'glue' };
  if (top === 'core') {
    if (parts.length === 2) return CORE_SHELL_FILES.includes(second!) ? { rank: 5, name: 'core shell' } : { rank: 2, name: 'core kernel' };
    if (second === 'composition') return { rank: 4, name: 'core composition' };
    if (CORE_SHELL_FOLDERS.includes(second!)) return { rank: 5, name: 'core shell' };
    if (CORE_PLATFORM.includes(second!)) return { rank: 2, name: 'core kernel' };
    return { rank: 3, name: `core domain ${second}` };
  }
  if (top === 'renderer' && second === 'src') {
    const folder = parts[2]!;
    if (parts.length === 3 || RENDERER_SHELL.includes(folder)) return { rank: 5, name: 'renderer shell' };
    if (folder === 'composition') return { rank: 4, name: 'renderer composition' };
    if (RENDERER_BASE.includes(folder)) return { rank: 2, name: 'renderer shared pieces' };
    return { rank: 3, name: `renderer domain ${folder}` };
  }
  return undefined;
}

/** The imports (type-only ones too) from a module to one in a higher layer, as `from → to`, paths relative to `root`. */
export function upwardImports(root: string, files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [from, targets] of importGraph(files, true)) {
    const a = layerOf(relative(root, from));
    for (const to of targets) {
      const b = layerOf(relative(root, to));
      if (a && b && b.rank > a.rank) out.push(`${relative(root, from)} → ${relative(root, to)}`);
    }
  }
  return out.sort();
}

/** Our sources on the Node side (contract, storage, core, glue) and in the renderer, path → text. */
export function ourSources(root: string): { node: Map<string, string>; renderer: Map<string, string> } {
  const node = new Map<string, string>();
  for (const dir of ['shared', 'db', 'core', 'electron']) sourceFiles(join(root, dir), node);
  const renderer = sourceFiles(join(root, 'renderer', 'src'), new Map(sourceFiles(join(root, 'shared'))));
  return { node, renderer };
}
