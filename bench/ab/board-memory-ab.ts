/**
 * A/B of the server's memory serving the 300-room, 90-day board to 8 desks (benchmark 9's B, any
 * number of variants in one sitting, taking turns): `npx tsx bench/ab/board-memory-ab.ts '<variants>' [seconds]`
 * where `<variants>` is JSON: `[{"name":"before","script":"/tmp/main/dist-server/serve.cjs","flags":["--max-semi-space-size=2"]},
 * {"name":"after","flags":["--max-semi-space-size=2","--max-old-space-size=256"]}]` (script defaults to
 * this checkout's dist-server/serve.cjs; `env` is optional). Prints memory before the load and its peaks,
 * the boards answered and the server's CPU time per board (from /proc: what a flag costs in work).
 * A third argument, `bookEveryMs`, books one far-future night every that many ms beside the desks
 * (each a change, so a server keeping the board, core/read-memo.ts, builds it anew after each).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../shared/time';
import { ensureBenchAdmin, signInOverHttp } from '../support/bench-auth';
import { copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from '../support/hotel-dataset';
import { readVariants, startServeVariant } from '../support/serve-variants';
import { cpuSeconds } from '../support/cpu-time';
import { createLoadHttpClient } from '../support/http-client';
import { procMemory, sampleProcMemory } from '../support/proc-memory';

const variants = readVariants(process.argv[2]);
const seconds = Number(process.argv[3] ?? 15);
const bookEveryMs = Number(process.argv[4] ?? 0);
const mb = (b: number) => (b / 2 ** 20).toFixed(1);

const data = await denseHistoryHotel();
const scratch = scratchDir('board-memory-ab');
const dataDir = join(scratch, 'data');
const dbFile = copyHotelTo(data.file, dataDir);
await ensureBenchAdmin(dbFile);
try {
  for (const [turn, v] of variants.entries()) {
    const serve = await startServeVariant(v, dataDir);
    const url = serve.url;
    const token = await signInOverHttp(url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const before = procMemory(serve.pid);
    const http = await createLoadHttpClient(url, 8, { authorization: `Bearer ${token}` });
    const path = `/api/v1/board?from=${addDays(TODAY, -30)}&days=90`;
    const sampler = sampleProcMemory(serve.pid, 200);
    const cpuBefore = cpuSeconds(serve.pid);
    let boards = 0;
    const deadline = performance.now() + seconds * 1000;
    const booked: Record<string, number> = {};
    const rooms = (await (await fetch(`${url}/api/v1/rooms`, { headers: { authorization: `Bearer ${token}` } })).json()) as { number: number; category: string }[];
    const bookings = async () => {
      for (let k = 0; bookEveryMs > 0 && performance.now() < deadline; k++) {
        const room = rooms[k % rooms.length]!;
        // Nights of this turn's own (the variants share the data folder): every booking a change.
        const night = addDays(TODAY, 3 * 365 + turn * 60 + Math.floor(k / rooms.length));
        const res = await http.request('POST', '/bookings', JSON.stringify({ roomnumber: room.number, category: room.category, checkin: night, checkout: addDays(night, 1) }));
        booked[res.status] = (booked[res.status] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, bookEveryMs));
      }
    };
    await Promise.all([
      bookings(),
      ...Array.from({ length: 8 }, async () => {
        while (performance.now() < deadline) {
          const res = await http.request('GET', path);
          if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
          boards++;
        }
      }),
    ]);
    const m = sampler.stop();
    const cpuMs = ((cpuSeconds(serve.pid) - cpuBefore) * 1000) / Math.max(1, boards);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    console.log(`${v.name}: before PSS ${mb(before.pssAlone)} MB (RSS ${mb(before.rss)}) | peak RSS ${mb(m.peakRss)} MB, VmHWM ${mb(m.hwm)} MB | ${(boards / seconds).toFixed(1)} boards/s, server CPU ${cpuMs.toFixed(1)} ms a board${bookEveryMs > 0 ? ` | bookings ${JSON.stringify(booked)}` : ''} | load ${load}`);
    await http.close();
    await serve.stop();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
