import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
    rolldownOptions: { input: { index: renderer('index.html'), boot: renderer('src/boot.ts') } },
  },
  server: { port: 5173, strictPort: true },
});
