/**
 * The WAL's checkpoints off the event loop (db/engine/wal-checkpointer.ts): a worker thread copies
 * the WAL into the database file once it has grown, the WAL starts over after a checkpoint finished
 * with the writer lent, SQLite's own checkpoints come back when the worker cannot work, and the host's
 * engine leaves no WAL behind when it closes. Small thresholds here, on a raw connection that writes
 * the way the host's does (WAL, no checkpoints of its own).
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createWalCheckpointer, serveCheckpoints, WAL_RESTART_CHANNEL, type CheckpointThreads, type WalCheckpointer, type WalRestart } from '../../../db/engine/wal-checkpointer';
import { openDatabase } from '../../../db/open-database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase | undefined;
let sqlite: BetterSqlite3.Database | undefined;
let checkpointer: WalCheckpointer | undefined;
afterEach(async () => {
  await checkpointer?.close();
  sqlite?.close();
  await database?.drop();
  database = sqlite = checkpointer = undefined;
});

/** A database file written like the host's: WAL, and SQLite's own checkpoints off. */
async function openRaw() {
  database = await createTestDatabase('sqlite');
  await (await openDatabase(database.config)).close();
  sqlite = new BetterSqlite3(database.file!);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  return { db: sqlite, file: database.file! };
}

/** `n` transactions of a few pages each, `after` called after each COMMIT (and waited for: the test's pace, not the worker's). */
async function writeMany(db: BetterSqlite3.Database, n: number, after: () => Promise<void>) {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < n; i++) {
    db.transaction(() => {
      for (let j = 0; j < 4; j++) insert.run('x'.repeat(1500));
    })();
    await after();
  }
}
const committed = () => {
  checkpointer!.committed();
  return checkpointer!.settled();
};

/** A checkpoint on the writing connection itself, as the engine's `checkpointHere`. */
const here = (db: BetterSqlite3.Database) => () => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0]!;

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe('the WAL checkpointer', () => {
  it('checkpoints in its worker each time the WAL has grown, and the WAL starts over after each: it stays small', async () => {
    const { db, file } = await openRaw();
    checkpointer = createWalCheckpointer({
      file,
      everyFrames: 20,
      restartFrames: 60,
      checkpointHere: here(db),
      lend: () => Promise.reject(new Error('nothing is written while a checkpoint runs here: no lending needed')),
      fallBack: () => {
        throw new Error('no fallback expected');
      },
    });
    await writeMany(db, 400, committed);
    await checkpointer.settled();
    const stats = checkpointer.stats();
    expect(stats.fellBack).toBeUndefined();
    // ~1 200 frames, one checkpoint every 20 or so: each copies the whole WAL, so the next write rewinds it.
    expect(stats.checkpoints).toBeGreaterThan(40);
    expect(stats.restarts).toBe(0);
    // 400 transactions of ~3 frames are ~1 200 frames (~5 MB); rewound, the WAL holds a few restarts' worth.
    expect(walBytes(file)).toBeLessThan(150 * 4120);
    // And what was written is all there.
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1600 });
  });

  it('rewinds the WAL while writes go on: the checkpoint is finished with the writer lent, the writes waiting, and each stall is published', async () => {
    const { db, file } = await openRaw();
    const published: WalRestart[] = [];
    const watch = (m: unknown) => published.push(m as WalRestart);
    subscribe(WAL_RESTART_CHANNEL, watch);
    // How long each loan lasted, from the test's own gate: what the channel must tell.
    const loans: { from: number; to?: number }[] = [];
    // The writer gate of the test: writes wait while it is lent, as the engine's do (writer-gate.ts).
    let lent: Promise<void> | undefined;
    let writesWhileLent = 0;
    checkpointer = createWalCheckpointer({
      file,
      everyFrames: 50,
      restartFrames: 200,
      checkpointHere: here(db),
      lend: async () => {
        let giveBack!: () => void;
        lent = new Promise((resolve) => (giveBack = resolve));
        const loan: { from: number; to?: number } = { from: performance.timeOrigin + performance.now() };
        loans.push(loan);
        return () => {
          loan.to = performance.timeOrigin + performance.now();
          lent = undefined;
          giveBack();
        };
      },
      fallBack: () => {
        throw new Error('no fallback expected');
      },
    });
    // The worker up and running first (it takes a moment to start: meanwhile nothing is copied).
    await writeMany(db, 30, committed);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let written = 30;
    while (written < 1000) {
      while (lent) await lent;
      // A batch's work, as the host's take ~1 ms (the worker's fsyncs may take longer on a busy disk).
      const busyUntil = performance.now() + 1;
      while (performance.now() < busyUntil);
      // Four commits back to back after it, so a checkpoint in the worker meets commits (on a fast disk
      // it would otherwise copy everything between two, and the WAL would start over by itself).
      for (let k = 0; k < 4 && !lent; k++) {
        db.transaction(() => {
          for (let j = 0; j < 4; j++) insert.run('x'.repeat(1500));
        })();
        if (lent) writesWhileLent++;
        written++;
        checkpointer.committed();
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await checkpointer.settled();
    unsubscribe(WAL_RESTART_CHANNEL, watch);
    expect(writesWhileLent).toBe(0);
    expect(checkpointer.stats().restarts).toBeGreaterThan(0);
    // One publication a loan, each covering its loan (asked for at or before it began, held until it ended).
    expect(published).toHaveLength(loans.length);
    published.forEach((p, i) => {
      expect(p.startedAt).toBeLessThanOrEqual(loans[i]!.from);
      expect(p.startedAt + p.ms).toBeGreaterThanOrEqual(loans[i]!.to! - 0.001);
      expect(p.frames).toBeGreaterThanOrEqual(0);
    });
    // Each transaction wrote ~3 frames of ~4 KB; rewound again and again, the WAL holds a fraction of them.
    const all = written * 3 * 4120;
    expect(walBytes(file)).toBeLessThan(all / 3);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: written * 4 });
  });

  it('makes its checkpoints on a lent thread when given one, closes that channel when it closes, and gives the thread back once', async () => {
    const { db, file } = await openRaw();
    // The lent "thread" is this one: `serveCheckpoints` at the channel's other end, as an export worker runs it.
    const loans: { done: number; port2: MessagePort; closeAsked: boolean; closedBeforeDone?: boolean }[] = [];
    const threads: CheckpointThreads = (lentFile) => {
      expect(lentFile).toBe(file);
      const { port1, port2 } = new MessageChannel();
      serveCheckpoints(port2, lentFile);
      const loan: (typeof loans)[number] = { done: 0, port2, closeAsked: false };
      port2.on('message', (m) => (loan.closeAsked ||= m === 'close'));
      loans.push(loan);
      return {
        port: port1,
        done: () => {
          loan.done++;
          loan.closedBeforeDone ??= loan.closeAsked;
        },
      };
    };
    checkpointer = createWalCheckpointer({
      file,
      everyFrames: 20,
      restartFrames: 1e9,
      threads,
      checkpointHere: () => {
        throw new Error('not on the writing connection here');
      },
      lend: () => Promise.reject(new Error('no lending needed')),
      fallBack: () => {
        throw new Error('no fallback expected');
      },
    });
    await writeMany(db, 100, committed);
    const stats = checkpointer.stats();
    expect(stats.fellBack).toBeUndefined();
    expect(stats.checkpoints).toBeGreaterThan(8);
    expect(loans).toHaveLength(1); // one channel for all of them
    expect(walBytes(file)).toBeLessThan(60 * 4120); // copied, so the WAL rewound

    // The lent thread goes away (a failed export's worker is terminated): the next checkpoint is made in another.
    loans[0]!.port2.close();
    await writeMany(db, 30, committed);
    expect(checkpointer.stats().fellBack).toBeUndefined();
    expect(checkpointer.stats().checkpoints).toBeGreaterThan(stats.checkpoints);
    expect(loans).toHaveLength(2);
    expect(loans[0]!.done).toBe(1);

    await checkpointer.close();
    expect(loans[1]!.done).toBe(1);
    // Its connection was closed (asked, and answered) before the thread was given back.
    expect(loans[1]!.closedBeforeDone).toBe(true);
    checkpointer = undefined;
  });

  it('checkpoints on the writing connection itself, with no thread, when the WAL took 10 s or more to fill', async () => {
    const { db, file } = await openRaw();
    let now = 0;
    let here_ = 0;
    checkpointer = createWalCheckpointer({
      file,
      everyFrames: 20,
      now: () => now,
      checkpointHere: () => {
        here_++;
        return here(db)();
      },
      lend: () => Promise.reject(new Error('no lending expected')),
      fallBack: () => {
        throw new Error('no fallback expected');
      },
    });
    // Slow writes: 12 s of the clock between transactions.
    await writeMany(db, 60, async () => {
      now += 12_000;
      await committed();
    });
    expect(here_).toBeGreaterThan(3);
    expect(checkpointer.stats()).toMatchObject({ inline: here_, checkpoints: 0 });
    // Then a burst: the worker takes over.
    await writeMany(db, 60, committed);
    expect(checkpointer.stats().checkpoints).toBeGreaterThan(0);
    expect(walBytes(file)).toBeLessThan(60 * 4120);
  });

  it('goes back to SQLite’s own checkpoints when the WAL’s index cannot be read', async () => {
    const { file } = await openRaw();
    let fellBack = 0;
    checkpointer = createWalCheckpointer({ file: `${file}.elsewhere`, checkpointHere: here(sqlite!), lend: async () => () => undefined, fallBack: () => fellBack++ });
    checkpointer.committed();
    checkpointer.committed();
    expect(fellBack).toBe(1);
    expect(checkpointer.stats().fellBack).toMatch(/index header/);
  });

  it('starts nothing once closed', async () => {
    const { db, file } = await openRaw();
    checkpointer = createWalCheckpointer({ file, everyFrames: 1, checkpointHere: here(db), lend: async () => () => undefined, fallBack: () => undefined });
    await checkpointer.close();
    await writeMany(db, 20, committed);
    expect(checkpointer.stats().checkpoints).toBe(0);
  });
});

describe('the host’s engine', () => {
  it('checkpoints off the event loop once the WAL has grown, and leaves no WAL behind when it closes', async () => {
    database = await createTestDatabase('sqlite');
    const db = await openDatabase(database.config);
    const file = database.file!;
    await db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    // ~5 000 frames (the first checkpoint comes at 4 000): 50 COMMITs of 10 rows of ten pages each.
    for (let i = 0; i < 50; i++) {
      await Promise.all(Array.from({ length: 10 }, () => db.write(() => db.run('INSERT INTO notes (body) VALUES (?)', 'x'.repeat(40_000)))));
    }
    const stats = () => (db as unknown as { groupCommitStats(): { checkpoints?: { checkpoints: number; fellBack?: string } } }).groupCommitStats().checkpoints;
    // Closing waits for the checkpoint under way.
    await db.close();
    expect(stats()?.fellBack).toBeUndefined();
    expect(stats()?.checkpoints).toBeGreaterThan(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
