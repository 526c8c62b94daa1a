/**
 * One SQLite write candidate alone, for a CPU profile:
 * `npx tsx --cpu-prof --cpu-prof-dir=bench/.cache/spike/prof bench/spike/profile.ts C+cache booking`
 * then `npx tsx bench/spike/top-functions.ts <file.cpuprofile>` for the functions that hold the CPU.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyHotel, scratchDir } from '../support/hotel-dataset';
import { SQLITE_CANDIDATES, sqliteWrites } from './sqlite-phase';
import { Figures } from './figures';

const [candidate = 'C+cache', what = 'booking'] = process.argv.slice(2);
if (!(SQLITE_CANDIDATES as readonly string[]).includes(candidate) || (what !== 'booking' && what !== 'stock')) {
  throw new Error(`usage: profile.ts <${SQLITE_CANDIDATES.join('|')}> <booking|stock>`);
}
const scratch = scratchDir('spike-profile');
try {
  const template = join(scratch, 'empty-hotel.db');
  createEmptyHotel(template);
  await sqliteWrites(what, template, scratch, { reps: 1, ms: 3000, callers: 50, boardCalls: 0, microCalls: 0, log: console.log, only: candidate }, new Figures());
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
