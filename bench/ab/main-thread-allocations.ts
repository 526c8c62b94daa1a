/**
 * What the host's main thread allocates under benchmark 4's paced requests (a request every 5 ms:
 * free rooms for a random stay, seed 000's bookings), garbage included: a host in this process
 * (`createHost`, the desk's logging on) on a copy of the dense hotel, the requests from their own
 * process, V8's sampling heap profiler keeping the objects already collected.
 * `npx tsx bench/ab/main-thread-allocations.ts [seconds=10] [--save file.heapprofile]` prints the
 * bytes allocated, per request, and the functions that allocated most, by themselves and with what
 * they called (docs/benchmarks.md §4, eighteenth pass).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { anonymousContext } from '../../core/context';
import { createHost, defaultRendererDir } from '../../core/host';
import { DB_FILE_NAME, defaultMigrationsDir } from '../../db/open-database';
import { BENCH_ADMIN_PASSWORD, BENCH_ADMIN_USERNAME, ensureBenchAdmin } from '../support/bench-auth';
import { startChild } from '../support/child-process';
import { BENCH_DIR, copyHotelTo, denseHistoryHotel, hotelRooms, NOW_MS, scratchDir, TIME_ZONE, TODAY } from '../support/hotel-dataset';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const save = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;

function where(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.slice(url.lastIndexOf('/') + 1);
  return `${functionName || '(anonymous)'} ${file}:${lineNumber}`;
}

/** Bytes by function: allocated by the function itself, and by it with everything it called. */
function byFunction(head: ProfileNode): { total: number; self: Map<string, number>; inclusive: Map<string, number> } {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, above: ReadonlySet<string>) => {
    const name = where(node);
    total += node.selfSize;
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    const path = new Set(above).add(name);
    for (const n of path) inclusive.set(n, (inclusive.get(n) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, path);
  };
  walk(head, new Set());
  return { total, self, inclusive };
}

const top = (m: Map<string, number>, n: number, total: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / 1e6).toFixed(2).padStart(7)} MB ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');

const data = await denseHistoryHotel(() => undefined);
const dataDir = join(scratchDir('main-thread-allocations'), 'host');
copyHotelTo(data.file, dataDir);
await ensureBenchAdmin(join(dataDir, DB_FILE_NAME));
const started = Date.now();
const host = await createHost({
  dataDir,
  port: 0,
  worker: false,
  rendererDir: defaultRendererDir(),
  migrationsDir: defaultMigrationsDir(),
  settings: { timeZone: TIME_ZONE },
  clock: () => NOW_MS + (Date.now() - started),
});
const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
try {
  const { access_token: token } = await host.core.auth.login({ username: BENCH_ADMIN_USERNAME, password: BENCH_ADMIN_PASSWORD }, anonymousContext('http', '127.0.0.1'));
  await client.next('ready');
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  await client.ask({ type: 'paced:start', origin: host.url, token, intervalMs: 5, rooms, fromDate: TODAY, days: 150, seed: 3 }, 'paced:started');
  await new Promise((resolve) => setTimeout(resolve, 3000)); // warm: the code the requests run is compiled
  const before = await client.ask<{ statuses: Record<string, number> }>({ type: 'paced:stop' }, 'paced:done');
  await client.ask({ type: 'paced:start', origin: host.url, token, intervalMs: 5, rooms, fromDate: TODAY, days: 150, seed: 4 }, 'paced:started');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
  const { statuses } = await client.ask<{ statuses: Record<string, number> }>({ type: 'paced:stop' }, 'paced:done');
  session.disconnect();
  if (save) writeFileSync(save, JSON.stringify(profile));
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  const { total, self, inclusive } = byFunction(profile.head);
  console.log(`warm-up: ${JSON.stringify(before.statuses)}; measured ${seconds} s: ${requests} requests ${JSON.stringify(statuses)}`);
  console.log(`allocated ${(total / 1e6).toFixed(1)} MB, ${(total / requests / 1e3).toFixed(1)} KB a request`);
  console.log(`by the function itself:\n${top(self, 20, total)}`);
  console.log(`with what it called:\n${top(inclusive, 40, total)}`);
} finally {
  await client.stop();
  await host.close();
}
