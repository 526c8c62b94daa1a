/**
 * The desk search index's COMMITs on the 1 000 000-stay hotel, with FTS5's own merging (its defaults:
 * `automerge` 4, a whole level merged at once when it reaches sixteen segments) and with ours
 * (migration 0012: `automerge` 0, the engine's flush ending with `'merge', 32`). Each variant gets its
 * own copy of benchmark 4's dense hotel and makes `--commits` transactions of `--stays` new stays each,
 * indexed by the engine's flush statements (db/queries/stay-search-index.ts) before each COMMIT
 * (`synchronous = OFF`: the index's CPU, not the disk); the time of each COMMIT's transaction.
 *
 *   npx tsx bench/ab/search-merge-ab.ts [--commits 12000] [--stays 25]
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { STAY_SEARCH_FLUSH_SQL } from '../../db/queries/stay-search-index';
import { denseHistoryHotel, scratchDir } from '../support/hotel-dataset';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const commits = arg('commits', 12_000);
const perCommit = arg('stays', 25);

const VARIANTS = {
  /** What 0012 replaced: FTS5 merging by itself, the flush without its merge step. */
  'FTS5 defaults': { automerge: 4, flush: STAY_SEARCH_FLUSH_SQL.filter((sql) => !sql.includes("'merge'")) },
  /** Migration 0012 and the engine's flush as they are. */
  'bounded merge (0012)': { automerge: 0, flush: STAY_SEARCH_FLUSH_SQL },
};

const data = await denseHistoryHotel(console.log);
const scratch = scratchDir('search-merge-ab');
try {
  for (const [name, v] of Object.entries(VARIANTS)) {
    const file = join(scratch, 'hotel.db');
    copyFileSync(data.file, file);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.exec(`INSERT INTO stay_search (stay_search, rank) VALUES ('automerge', ${v.automerge})`);
    const add = db.prepare(
      `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (1, 'Standard', ?, ?, ?, '2040-05-01T14:00:00+02:00', '2040-05-03T12:00:00+02:00', 2219140800000, 2219306400000, 2, 'cancelled', 100, 'bench', 0, 0)`,
    );
    const flush = v.flush.map((sql) => db.prepare(sql));
    const times: number[] = [];
    let n = 0;
    const t0 = performance.now();
    for (let c = 0; c < commits; c++) {
      const t = performance.now();
      db.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < perCommit; i++, n++) add.run(`Gæst ${n} Hansen`, `gaest${n}@example.dk`, `+45 ${30_000_000 + n}`);
      for (const s of flush) s.run();
      db.exec('COMMIT');
      times.push(performance.now() - t);
    }
    const total = performance.now() - t0;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(
      `${name}: ${commits} COMMITs of ${perCommit} stays in ${(total / 1000).toFixed(2)} s; per COMMIT p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times[times.length - 1]!.toFixed(1)} ms; over 20 ms: ${times.filter((x) => x > 20).length}, over 50 ms: ${times.filter((x) => x > 50).length}`,
    );
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
