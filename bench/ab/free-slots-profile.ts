/**
 * Where benchmark 8's free-timeslots time goes (`serviceRooms.freeTimeslots` beside its raw SELECT,
 * same asks, taking turns): this process's CPU per call of each, and with `--profile` a CPU profile of
 * ours alone in bench/.cache/work/free-slots.cpuprofile.
 *
 *   npx tsx bench/ab/free-slots-profile.ts [--asks 5000] [--rounds 5] [--profile]
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addDays } from '../../shared/time';
import { buildSlotHotel, fresh, RAW_FREE_SQL } from '../appointments-bench';
import { CACHE_DIR } from '../support/hotel-dataset';
import { startProfile } from '../support/cpu-profile';
import { median, takingTurns } from '../support/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('asks', 5000);
const rounds = arg('rounds', 5);
const NOW = Date.parse('2026-05-01T08:00:00Z');

const { dir, core } = await fresh('free-slots-profile');
await buildSlotHotel(core, new Database(join(dir, 'frontdesk.db')));
const raw = new Database(join(dir, 'frontdesk.db'), { readonly: true });
const rawFree = raw.prepare(RAW_FREE_SQL);
let seed = 11;
const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const asks = Array.from({ length: N }, () => ({ room: 1 + Math.floor(rand() * 50), date: addDays('2026-05-02', Math.floor(rand() * 360)) }));
const rooms = core.services.serviceRooms;
const variants: Record<string, (i: number) => unknown> = {
  ours: async (i) => await rooms.freeTimeslots({ id: asks[i]!.room, date: asks[i]!.date, duration: 30 }),
  raw: (i) => (rawFree.all({ room: asks[i]!.room, date: asks[i]!.date, now: NOW, min: 1_800_000 }) as { booked: number; capacity: number }[]).filter((r) => r.booked < r.capacity),
};
for (const f of Object.values(variants)) for (let i = 0; i < 500; i++) await f(i);

if (process.argv.includes('--profile')) {
  const out = join(CACHE_DIR, 'work', 'free-slots.cpuprofile');
  const profiling = await startProfile({ keepAt: out, intervalUs: 50 });
  for (let r = 0; r < 3; r++) for (let i = 0; i < N; i++) await variants.ours!(i);
  await profiling.stop();
  console.log(`profile: ${out}`);
}

const figures = await takingTurns(variants, rounds, N);
for (const [name, f] of figures) console.log(`${name.padEnd(6)} CPU per call ${median(f.cpuUs).toFixed(1)} µs (rounds: ${f.cpuUs.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`raw ÷ ours ${(median(figures.get('raw')!.cpuUs) / median(figures.get('ours')!.cpuUs)).toFixed(3)}`);
