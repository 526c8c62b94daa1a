import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one bundle served by Electron (file) and by `npm run serve` (HTTP) alike. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173, strictPort: true },
});
