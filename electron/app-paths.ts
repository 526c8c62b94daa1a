import { join } from 'node:path';

/** Where the built app's parts sit, relative to the app root (the project dir, or `app.asar` when packaged). */
export interface DeskPaths {
  rendererDir: string;
  /** The one page the window may show. */
  entryFile: string;
  migrationsDir: string;
  preloadFile: string;
  /** The desk's host process (database, core, REST server), run as a utility process. */
  hostFile: string;
}

export function deskPaths(appDir: string): DeskPaths {
  const rendererDir = join(appDir, 'dist', 'renderer');
  return {
    rendererDir,
    entryFile: join(rendererDir, 'index.html'),
    migrationsDir: join(appDir, 'db', 'migrations'),
    preloadFile: join(appDir, 'dist-electron', 'preload.cjs'),
    hostFile: join(appDir, 'dist-electron', 'host.cjs'),
  };
}
