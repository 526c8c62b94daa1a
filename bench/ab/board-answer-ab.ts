/**
 * The host's answer to a board it has to build, for two or more checkouts taking turns in one sitting:
 * what a desk opening the 300-room, 90-day board after a change waits for before its page can render
 * it (benchmark 5's board request, without the browser). Each checkout's own host
 * (`<checkout>/bench/support/host-process.ts`, its V8 flags the desk's) on its own copy of the dense
 * hotel; per turn and checkout, `--boards` times: a room saved unchanged over the API (so the kept
 * board is stale: support/touch-data.ts), then `GET /api/v1/board` over a fresh request, timed to its
 * first byte and to its last; then the same board asked again unchanged (kept). Per turn: the medians,
 * and the host's CPU a built board from /proc (support/cpu-time.ts; the touch's own work included, the
 * same for every checkout).
 *
 *   npx tsx bench/ab/board-answer-ab.ts [--runs 3] [--boards 30] <checkout> [<checkout> …]
 *
 * A checkout may carry its host's environment (support/checkout-arg.ts), e.g.
 * `".@BENCH_HOST_EXEC_ARGV=--max-semi-space-size=4 --max-old-space-size=256 --no-maglev --no-parallel-scavenge --no-memory-reducer"`.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHostProcess } from '../support/bench-host';
import { ensureBenchAdmin } from '../support/bench-auth';
import { parseCheckoutArg } from '../support/checkout-arg';
import { benchHostText } from '../support/host-build';
import { cpuSeconds, minorFaults } from '../support/cpu-time';
import { copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from '../support/hotel-dataset';
import { fmt, median } from '../support/stats';
import { touchData } from '../support/touch-data';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, boards: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
const boards = Number(values.boards);
const checkouts = positionals.map(parseCheckoutArg);
for (const c of checkouts) console.log(`${c.name}: host ${benchHostText(c.dir, { ...process.env, ...c.env })}`);
if (checkouts.length < 2) throw new Error('name two or more checkouts');

interface Turn {
  firstByteMs: number;
  lastByteMs: number;
  keptMs: number;
  cpuMsPerBoard: number;
  /** The host's minor page faults a built board (fresh pages touched: dear on a PVM guest, docs/benchmarks.md forty-second pass). */
  faultsPerBoard: number;
}

/** One timed GET: ms to the response's headers (its first byte) and to its last byte. */
async function timedBoard(url: string, token: string): Promise<{ first: number; last: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const first = performance.now() - t0;
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
  return { first, last: performance.now() - t0 };
}

async function turn(checkout: (typeof checkouts)[number], dbFile: string, dataDir: string): Promise<Turn> {
  await ensureBenchAdmin(copyHotelTo(dbFile, dataDir));
  const child = startHostProcess(checkout.env, checkout.dir);
  try {
    await child.next('ready');
    const { url, token } = await child.ask<{ url: string; token: string }>({ type: 'start', dataDir }, 'started');
    const hostPid = child.process.pid!;
    const board = `${url}/api/v1/board?from=${TODAY}&days=90`;
    // Warm: the routes compiled, the board's pages read once.
    for (let i = 0; i < 3; i++) {
      await touchData(url, token);
      await timedBoard(board, token);
    }
    const first: number[] = [];
    const last: number[] = [];
    const cpu0 = cpuSeconds(hostPid);
    const faults0 = minorFaults(hostPid);
    for (let i = 0; i < boards; i++) {
      await touchData(url, token);
      const t = await timedBoard(board, token);
      first.push(t.first);
      last.push(t.last);
    }
    const cpuMsPerBoard = ((cpuSeconds(hostPid) - cpu0) * 1000) / boards;
    const faultsPerBoard = (minorFaults(hostPid) - faults0) / boards;
    const kept: number[] = [];
    for (let i = 0; i < boards; i++) kept.push((await timedBoard(board, token)).last);
    return { firstByteMs: median(first), lastByteMs: median(last), keptMs: median(kept), cpuMsPerBoard, faultsPerBoard };
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  const data = await denseHistoryHotel((line) => console.log(line));
  const scratch = scratchDir('board-answer-ab');
  console.log(`load average before: ${fmt(loadavg()[0]!)}; ${boards} boards a turn, 300 rooms × 90 days from ${TODAY}`);
  const results = new Map<string, Turn[]>(checkouts.map((c) => [c.name, []]));
  for (let run = 1; run <= runs; run++) {
    const line: string[] = [];
    for (const [k, checkout] of checkouts.entries()) {
      const t = await turn(checkout, data.file, join(scratch, `host-${k}`));
      results.get(checkout.name)!.push(t);
      line.push(`${checkout.name}: first byte ${fmt(t.firstByteMs)} ms, last ${fmt(t.lastByteMs)} ms, kept ${fmt(t.keptMs)} ms, host CPU ${fmt(t.cpuMsPerBoard)} ms and ${fmt(t.faultsPerBoard)} page faults a board`);
    }
    console.log(`run ${run}: ${line.join(' | ')}  (load ${fmt(loadavg()[0]!)})`);
  }
  const base = results.get(checkouts[0]!.name)!;
  for (const c of checkouts) {
    const turns = results.get(c.name)!;
    const m = (k: keyof Turn) => median(turns.map((t) => t[k]));
    const vs = c === checkouts[0] ? '' : `; ÷ ${checkouts[0]!.name}, run by run: first byte ${fmt(median(turns.map((t, i) => t.firstByteMs / base[i]!.firstByteMs)))}, CPU ${fmt(median(turns.map((t, i) => t.cpuMsPerBoard / base[i]!.cpuMsPerBoard)))}`;
    console.log(`${c.name}: first byte ${fmt(m('firstByteMs'))} ms, last byte ${fmt(m('lastByteMs'))} ms, kept ${fmt(m('keptMs'))} ms, host CPU ${fmt(m('cpuMsPerBoard'))} ms and ${fmt(m('faultsPerBoard'))} minor page faults a built board${vs}`);
  }
}

await main();
