/**
 * No committed booking is lost on a crash (spec 6, WAL + synchronous=FULL). A child process runs the
 * real core on a database file and books stays in a loop, printing each id after its COMMIT; this
 * test SIGKILLs it at random moments, 20 times, restarting it on the same file each time. Afterwards
 * every acknowledged id is in the database with its billing message, and SQLite finds the file intact.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/database';
import { openDatabase, type Sqlite } from '../../db/open-database';
import { findOverlaps } from './race-harness';

const CHILD = fileURLToPath(new URL('../support/crash-child.ts', import.meta.url));
const KILLS = 20;

/** Kill `delayMs` after the child opened the database (settings and rooms being written) or after it began booking. */
interface KillPlan {
  after: 'opened' | 'ready';
  delayMs: number;
}

interface ChildRun extends KillPlan {
  /** What the child reported its connection uses. */
  pragmas?: { journal_mode: string; synchronous: number; node: string };
  acked: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the child, SIGKILLs it as planned, and resolves once its output is fully read. */
function runUntilKilled(dbFile: string, plan: KillPlan): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: ChildRun = { ...plan, acked: [], signal: null, stderr: '' };
  const killAfter = (event: KillPlan['after']) => {
    if (event === plan.after) setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
  };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.startsWith('pragmas ')) {
        run.pragmas = JSON.parse(line.slice('pragmas '.length)) as ChildRun['pragmas'];
        killAfter('opened');
      } else if (line === 'ready') killAfter('ready');
      else run.acked.push(Number(line));
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (run.stderr += chunk));
  // 'close' comes after stdout has ended: every id the child got into the pipe has been read.
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ ...run, signal }));
  });
}

async function stayIds(db: Db): Promise<Set<number>> {
  return new Set((await db.all<{ id: number }>('SELECT id FROM stays')).map((r) => r.id));
}

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL while booking, 20 times on the same file', () => {
  it('keeps every acknowledged stay and its outbox row; the file passes integrity_check', { timeout: 180_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
    const dbFile = join(dataDir, 'frontdesk.db');
    const runs: ChildRun[] = [];
    const started = performance.now();
    for (let i = 0; i < KILLS; i++) {
      // Every fourth kill lands while the child writes its settings and rooms, the others while it books.
      const plan: KillPlan = i % 4 === 3 ? { after: 'opened', delayMs: Math.floor(Math.random() * 20) } : { after: 'ready', delayMs: Math.floor(Math.random() * 300) };
      const run = await runUntilKilled(dbFile, plan);
      expect(run.signal, `run ${i} ended by itself:\n${run.stderr}`).toBe('SIGKILL');
      expect(run.pragmas, `run ${i} never opened the database:\n${run.stderr}`).toMatchObject({ journal_mode: 'wal', synchronous: 2 });
      expect(run.pragmas!.node).toMatch(/^v24\./);
      runs.push(run);
    }
    const acked = runs.flatMap((r) => r.acked);

    const db = await openDatabase({ engine: 'sqlite', file: dbFile });
    const sqlite = (db as Database & { sqlite: Sqlite }).sqlite;
    try {
      const ids = await stayIds(db);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');

      expect(new Set(acked).size).toBe(acked.length);
      expect(acked.filter((id) => !ids.has(id))).toEqual([]);
      // At most one booking per kill committed without its id reaching the pipe.
      expect(ids.size - acked.length).toBeGreaterThanOrEqual(0);
      expect(ids.size - acked.length).toBeLessThanOrEqual(KILLS);

      // Every stay has exactly one billing message, carrying the stay as stored, and no message lacks its stay.
      const messages = await db.all<{ id: number; n: number; path: string; payload: string; category: string; checkin: string; checkout: string }>(
        `SELECT s.id, count(o.id) AS n, max(o.path) AS path, max(o.payload) AS payload, s.category, s.checkin, s.checkout
         FROM stays s LEFT JOIN outbox o ON o.aggregate = 'stay:' || s.id GROUP BY s.id`,
      );
      expect(messages.filter((m) => m.n !== 1)).toEqual([]);
      for (const m of messages) {
        expect(m.path).toBe(`/bills/update/${m.id}`);
        expect(JSON.parse(m.payload)).toMatchObject({ room_type: m.category, checkin: m.checkin, checkout: m.checkout });
      }
      expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n).toBe(ids.size);
      expect((await findOverlaps(db)).overlaps).toEqual([]);

      console.info(
        `crash: ${KILLS} SIGKILLs (WAL + synchronous=FULL in every run) in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
          `${acked.length} acknowledged stays, ${ids.size} in the file; per run ${runs.map((r) => `${r.after}+${r.delayMs}ms:${r.acked.length}`).join(' ')}`,
      );
    } finally {
      await db.close();
    }
    expect(acked.length).toBeGreaterThan(KILLS);
  });
});
