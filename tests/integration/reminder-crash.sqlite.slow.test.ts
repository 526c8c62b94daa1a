/**
 * A reminder goes out exactly once across SIGKILLs of the host (issue 8 §4): the host is killed
 * before the reminder is due, is down at the due time, and comes back before the start — it sends
 * the reminder then; killed again right after, and restarted, it does not send it again. The child is
 * the real host (tests/support/reminder-child.ts), its scheduler and its database file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, type CallContext } from '../../core/context';
import { createCore } from '../../core/create-core';
import { openDatabase } from '../../db/open-database';
import { toCivil } from '../../shared/time';

const CHILD = fileURLToPath(new URL('../support/reminder-child.ts', import.meta.url));
/**
 * The hotel's zone: Copenhagen, unless its local midnight falls inside the booking (a 5-minute
 * appointment starting 100 s from now, which the provider's day would refuse); then New York, six
 * hours away. A CI run at 23:58 Copenhagen time met that case.
 */
const ZONE = ['Europe/Copenhagen', 'America/New_York'].find((zone) => {
  const start = Date.now() + 100_000;
  return toCivil(start, zone).day === toCivil(start + 10 * 60_000, zone).day;
})!;
const admin: CallContext = { actor: { userId: null, username: 'test', role: 'admin' }, via: 'internal' };

interface Run {
  reminders: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the host; `killWhen(line)`, `killAfterReadyMs` or `maxMs` says when to SIGKILL it; resolves when it is gone. */
function runHost(dataDir: string, killWhen: (line: string) => boolean, maxMs: number, killAfterReadyMs?: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { reminders: [], signal: null, stderr: '' };
  const timer = setTimeout(() => child.kill('SIGKILL'), maxMs);
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line.startsWith('reminder ')) run.reminders.push(Number(line.slice('reminder '.length)));
      if (line === 'ready' && killAfterReadyMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
      if (killWhen(line)) child.kill('SIGKILL');
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (run.stderr += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ ...run, signal });
    });
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The host runs on the real clock (a child process): being down at the reminder's due time is a wait for that time. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a reminder across SIGKILLs of the host', () => {
  it('is sent once: not before it is due, on return if the host was down at the due time, never again after a restart', { timeout: 180_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-reminder-'));
    const dbFile = join(dataDir, 'frontdesk.db');
    // The hotel: a provider who works around the clock, reminders one minute ahead, one booking whose
    // reminder falls due 40 s from now (its start 100 s from now), time enough for a host to start on a loaded machine.
    const setup = await openDatabase({ engine: 'sqlite', file: dbFile });
    const core = await createCore({ db: setup, clock: Date.now, events: createEventBus() }, { settings: { timeZone: ZONE, appointmentReminderMinutes: 1 } });
    const allDay = { start: '00:00', end: '24:00' };
    await core.handlers['providers:create']({
      name: 'Night guide', email: 'night@example.dk', appointmentMinutes: 5, bufferMinutes: 0, price: 0, daysOff: [], active: true,
      workingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    }, admin);
    const startMs = Math.ceil((Date.now() + 100_000) / 1000) * 1000;
    const c = toCivil(startMs, ZONE);
    const booking = await core.handlers['appointments:deskCreate']({
      providerId: 1, date: `${c.year}-${pad(c.month)}-${pad(c.day)}`, time: `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
      guestName: 'Mette Hansen', guestEmail: 'mette@example.dk',
    }, admin);
    const dueMs = startMs - 60_000;
    await setup.close();

    // 1. Up before the due time, killed 1.5 s after it is ready: no reminder yet.
    let readyAt = 0;
    const first = await runHost(dataDir, (line) => {
      if (line === 'ready') readyAt = Date.now();
      return false;
    }, 30_000, 1_500);
    expect(first.stderr).toBe('');
    expect(readyAt).toBeGreaterThan(0);
    expect(readyAt + 1_500).toBeLessThan(dueMs);
    expect(first.signal).toBe('SIGKILL');
    expect(first.reminders).toEqual([]);

    // 2. Down at the due time; back 2 s later, before the start: the reminder goes out, then the host is killed at once.
    await sleep(Math.max(0, dueMs + 2_000 - Date.now()));
    const second = await runHost(dataDir, (line) => line.startsWith('reminder '), 20_000);
    expect(second.reminders).toEqual([booking.id]);
    expect(second.signal).toBe('SIGKILL');

    // 3. Restarted again before the start: nothing more.
    const third = await runHost(dataDir, () => false, 30_000, 3_000);
    expect(third.reminders).toEqual([]);

    const db = await openDatabase({ engine: 'sqlite', file: dbFile });
    try {
      const row = (await db.get<{ sent: number | null }>('SELECT reminder_sent_ms AS sent FROM appointments WHERE id = ?', booking.id))!;
      expect(row.sent).toBeGreaterThanOrEqual(dueMs);
      expect(row.sent).toBeLessThan(startMs);
      const mails = await db.all<{ payload: string }>(`SELECT payload FROM outbox WHERE topic = 'email.reminder'`);
      expect(mails).toHaveLength(1);
      expect(JSON.parse(mails[0]!.payload)).toMatchObject({ to: 'mette@example.dk' });
    } finally {
      await db.close();
    }
  });
});
