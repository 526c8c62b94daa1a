/**
 * Preloaded (`node --require`) into benchmark 4's host process — dist-electron's host.cjs, run the
 * way Electron runs it — to read what only the process itself can (process-monitor.ts: event-loop
 * delay, V8's heap and resident memory every 10 ms, the kernel's high-water mark).
 * It talks on the host's own IPC channel with `{ type }` messages, which the host's protocol
 * (`{ kind }`) leaves alone. Bundled to a .cjs by electron-host.ts.
 */
import { startMonitor, stopMonitor } from './process-monitor';

process.on('message', (raw) => {
  const type = (raw as { type?: unknown } | null)?.type;
  if (type === 'probe:start') {
    startMonitor();
    process.send!({ type: 'probe:started', rssBytes: process.memoryUsage.rss() });
  } else if (type === 'probe:stop') {
    process.send!({ type: 'probe:done', ...stopMonitor() });
  }
});
