/**
 * A/B of `serve`'s memory idle and under the mixed soak (benchmark 9's A and C), any number of variants
 * in one sitting, taking turns: `npx tsx bench/ab/serve-memory-ab.ts '<variants>' [soakSeconds] [rounds]`
 * where `<variants>` is board-memory-ab.ts's JSON (`name`, `script` — default this checkout's
 * dist-server/serve.cjs —, `flags`, optional `env`). Each turn: a first start with `--demo` on a new
 * data folder, read from /proc once settled (PSS alone, its anonymous and file parts, threads), the
 * admin's password chosen; then a second start on the same data and the soak at 50 requests/s (0 s:
 * idle only). Prints one line per variant and turn.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../shared/time';
import { chooseAdminPassword, signInOverHttp } from '../support/bench-auth';
import { startChild } from '../support/child-process';
import { BENCH_DIR, scratchDir, TODAY } from '../support/hotel-dataset';
import { readVariants, startServeVariant } from '../support/serve-variants';
import { sampleProcMemory, settled } from '../support/proc-memory';

const variants = readVariants(process.argv[2]);
const soakSeconds = Number(process.argv[3] ?? 60);
const rounds = Number(process.argv[4] ?? 2);
const mb = (b: number) => (b / 2 ** 20).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

const start = startServeVariant;

const client = startChild(join(BENCH_DIR, 'support', 'memory-load-process.ts'));
await client.next('ready');
const scratch = scratchDir('serve-memory-ab');
try {
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) {
      const dataDir = join(scratch, `${v.name}-${round}`);
      const first = await start(v, dataDir, ['--demo']);
      const idle = await settled(first.pid);
      const threads = readdirSync(`/proc/${first.pid}/task`).length;
      await chooseAdminPassword(first.url);
      await first.stop();
      let soakLine = '';
      if (soakSeconds > 0) {
        const serve = await start(v, dataDir, []);
        const before = await settled(serve.pid);
        const token = await signInOverHttp(serve.url);
        const roomsRes = await fetch(`${serve.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${token}` } });
        const rooms = ((await roomsRes.json()) as { number: number; category: string }[]).map((r) => ({ number: r.number, category: r.category }));
        const sampler = sampleProcMemory(serve.pid, 1000);
        await client.ask({ type: 'soak:start', origin: serve.url, token, perSecond: 50, rooms, fromDate: addDays(TODAY, 1), days: 365, seed: 9 }, 'soak:started');
        await sleep(soakSeconds * 1000);
        const done = await client.ask<{ requests: number; failures: number }>({ type: 'soak:stop' }, 'soak:done');
        const m = sampler.stop();
        const s = m.samples.map((x) => x.rss);
        const fifth = (k: number) => s.slice(Math.floor((s.length * k) / 5), Math.floor((s.length * (k + 1)) / 5));
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
        soakLine = ` | soak ${soakSeconds} s: start RSS ${mb(before.rss)}, peak RSS ${mb(m.peakRss)}, VmHWM ${mb(m.hwm)}, growth ${mb(mean(fifth(4)) - mean(fifth(1)))} MB, end ${mb(s[s.length - 1]!)}; ${done.requests} requests, ${done.failures} failed`;
        await serve.stop();
      }
      console.log(`${v.name} #${round + 1} (load ${load()}): idle PSS alone ${mb(idle.pssAlone)} MB (anon ${mb(idle.pssAnon)}, files ${mb(idle.pssAlone - idle.pssAnon)}; PSS as read ${mb(idle.pss)}), ${threads} threads${soakLine}`);
    }
  }
} finally {
  await client.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
