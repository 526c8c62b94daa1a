import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

const renderer = (path: string) => fileURLToPath(new URL(`./renderer/${path}`, import.meta.url));

/**
 * The boot script (renderer/src/boot.ts) as its own small entry, loaded by an `async` module script
 * beside the app's bundle: it sends the first requests (session check, settings, board) while the
 * browser still fetches and evaluates the app (see boot.ts). Vite would fold every module script of
 * index.html into the one app entry, so the tag is added here, after the build.
 */
function earlyBootScript(): Plugin {
  return {
    name: 'frontdesk:early-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot) throw new Error('the boot entry is missing from the build');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${boot.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/** Every module `from` imports statically, itself included (dynamic `import()`s are left out). */
function staticGraph(graph: ModuleGraph, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The chunk of the desk's first page: every module the app (main.tsx) and the board, its first
 * screen, import statically, as one file. Left to itself the bundler cuts them into a dozen small
 * chunks shared with the lazy screens; a browser fetches at most six files at a time from one
 * host over HTTP/1.1, so the last of them arrived 70–80 ms after the page, and the boot script's
 * first requests (session, settings, board) queued behind them. The lazy screens import what they
 * share from this chunk. What the boot script imports stays out, so that it never waits for it.
 */
function deskChunkName(): (id: string, ctx: ModuleGraph) => string | null {
  let desk: Set<string> | undefined;
  return (id, ctx) => {
    if (!desk) {
      const boot = staticGraph(ctx, [renderer('src/boot.ts')]);
      desk = staticGraph(ctx, [renderer('src/main.tsx'), renderer('src/board/front-desk-board.tsx')]);
      for (const shared of boot) desk.delete(shared);
    }
    return desk.has(id) ? 'desk' : null;
  };
}

/** The renderer: one bundle served by Electron (file) and by `npm run serve` (HTTP) alike. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyBootScript()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: { index: renderer('index.html'), boot: renderer('src/boot.ts') },
      // Only the modules named (not their dependencies too): the boot script's stay out of the desk's chunk.
      output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: deskChunkName(), debugName: 'desk' }] } },
    },
  },
  server: { port: 5173, strictPort: true },
});
