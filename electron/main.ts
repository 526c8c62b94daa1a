/** Electron's entry (built to dist-electron/main.cjs). Everything it does lives in desk-app.ts. */
import { runDesk } from './desk-app';

runDesk().catch((error: unknown) => {
  console.error('[desk] fatal', error);
  process.exit(1);
});
