/**
 * Benchmark 8's generation for two checkouts, taking turns in one process:
 * `npx tsx bench/ab/generation-ab.ts <checkoutA> <checkoutB> [pairs]` (a checkout: a worktree with
 * `node_modules` beside its sources, e.g. `git worktree add /tmp/a <commit>` and a symlink to this
 * one's). Each turn opens a fresh hotel through that checkout's own code (bench/appointments-bench.ts
 * `fresh`), makes 50 service rooms and generates a year of 30-minute slots for each, one
 * `timeslots:generate` a room, as benchmark 8 does. Per turn: the 50 rooms' time, the median and the
 * longest call (how long the host's event loop is held), and the slots written.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallContext } from '../../core/context';
import type * as AppointmentsBench from '../appointments-bench';

const [checkoutA, checkoutB, pairsArg] = process.argv.slice(2);
if (!checkoutA || !checkoutB) throw new Error('usage: npx tsx bench/ab/generation-ab.ts <checkoutA> <checkoutB> [pairs]');
const admin: CallContext = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'internal' };
const ROOMS = 50;

interface Turn { totalMs: number; medianMs: number; maxMs: number; slots: number }

async function turn(checkout: string): Promise<Turn> {
  const { fresh } = (await import(resolve(checkout, 'bench/appointments-bench.ts'))) as typeof AppointmentsBench;
  const a = await fresh('generation-ab');
  try {
    for (let r = 0; r < ROOMS; r++) await a.core.handlers['serviceRooms:create']({ name: `Room ${r + 1}`, roomType: 'meeting', capacity: 1, hourlyRate: 0, isActive: true }, admin);
    const calls: number[] = [];
    const t0 = performance.now();
    for (let r = 1; r <= ROOMS; r++) {
      const c0 = performance.now();
      await a.core.handlers['timeslots:generate']({ roomId: r, startDate: '2026-06-01', endDate: '2027-05-31', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, admin);
      calls.push(performance.now() - c0);
    }
    const totalMs = performance.now() - t0;
    calls.sort((x, y) => x - y);
    const slots = (a.sqlite.prepare('SELECT count(*) AS n FROM timeslots').get() as { n: number }).n;
    return { totalMs, medianMs: calls[ROOMS / 2]!, maxMs: calls[ROOMS - 1]!, slots };
  } finally {
    a.sqlite.close();
    await a.db.close();
    rmSync(a.dir, { recursive: true, force: true });
  }
}

const pairs = Number(pairsArg ?? 4) || 4;
const turns: Record<'A' | 'B', Turn[]> = { A: [], B: [] };
for (let i = 0; i < pairs; i++) {
  const order: ['A' | 'B', string][] = i % 2 ? [['B', checkoutB], ['A', checkoutA]] : [['A', checkoutA], ['B', checkoutB]];
  for (const [side, checkout] of order) {
    const t = await turn(checkout);
    turns[side].push(t);
    console.log(`${side}: 50 rooms ${t.totalMs.toFixed(0)} ms, a call: median ${t.medianMs.toFixed(1)} ms, longest ${t.maxMs.toFixed(1)} ms; ${t.slots} slots`);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (const side of ['A', 'B'] as const) {
  const ts = turns[side];
  console.log(`${side} medians: 50 rooms ${median(ts.map((t) => t.totalMs)).toFixed(0)} ms, a call ${median(ts.map((t) => t.medianMs)).toFixed(1)} ms, longest ${median(ts.map((t) => t.maxMs)).toFixed(1)} ms`);
}
