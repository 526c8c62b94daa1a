/**
 * Issue 20 item 7, part two: three real servers (separate processes, tests/support/server-child.ts)
 * on one PostgreSQL database behind a round-robin balancer, a real billing receiver
 * (tests/support/billing-stub.ts, idempotent by `Idempotency-Key`), and one server SIGKILLed mid-load:
 *
 * 1. 16 writers book 1 000 distinct stays through the balancer (writer w: room 101+w, one night after
 *    another), each 201 counted as acknowledged. After 300, the victim is chosen: the server leading
 *    the appointments' scheduler (a `'once'` job). The receiver stops answering the victim's billing
 *    requests, so the victim holds outbox claims (messages it took and is sending) when it dies; an
 *    appointment is booked whose reminder falls due 20 s later; then the victim is SIGKILLed.
 * 2. The balancer takes the victim out at its first failed request; the other two keep serving: no
 *    request to them fails, and the writers reach 1 000.
 * 3. Afterwards: every acknowledged stay is in the database (at most the requests in flight at the
 *    kill were committed without an answer), no two stays of a room overlap; the receiver got every
 *    stay's message exactly once, the victim's claimed ones from a survivor after the claims' lease
 *    ran out, and no message was sent again except those; the victim's `'once'` jobs run on a
 *    survivor; the reminder due while the victim was dead was sent once (its e-mail queued once, the
 *    desk's Socket.IO client on a survivor heard `booking_reminder` once), after its due time.
 *
 * Slow on purpose: a killed server's claims are taken over when their lease runs out (about 73 s
 * after the claim: the attempt's timeout, the stop's grace and a margin; core/outbox/outbox-worker.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { toCivil } from '../../shared/time';
import { startBillingStub, type BillingStub, type StubRequest } from '../support/billing-stub';
import { createBalancer } from '../support/round-robin';
import { startServers, type ServerProcess } from '../support/server-processes';
import { signIn } from '../support/sessions';
import { adminCtx, createTestCore, type TestCore } from '../support/test-core';
import { createTestDatabase } from '../support/test-database';
import { findOverlaps } from './race-harness';

const WRITERS = 16;
const TOTAL = 1000;
const KILL_AT = 300;
const ZONE = 'Europe/Copenhagen';
const ONCE_JOBS = ['appointment-scheduler', 'downtime-pack', 'outbox-retention'];
const DAY_MS = 86_400_000;
const ROOM = { category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1, housekeeping: 'clean' as const };

/** Writer w's booking k: room 101+w, the night of 2030-06-01 + k (no two bookings overlap). */
function booking(w: number, k: number) {
  const day = (offset: number) => new Date(Date.UTC(2030, 5, 1) + (k + offset) * DAY_MS).toISOString().slice(0, 10);
  return { roomnumber: 101 + w, category: ROOM.category, checkin: `${day(0)}T14:00:00`, checkout: `${day(1)}T12:00:00` };
}

/** What the writers saw, and a way to wait for a condition on it without a pause. */
function createLoad() {
  let waiters: (() => void)[] = [];
  const load = {
    killed: false,
    acked: [] as { id: number; server: number; afterKill: boolean }[],
    /** Requests that got no answer (their server died), by server. */
    unanswered: [] as { server: number; afterKill: boolean; failure: string }[],
    unexpected: [] as string[],
    done: 0,
    changed() {
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    },
    async until(condition: () => boolean) {
      while (!condition() && load.unexpected.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      expect(load.unexpected).toEqual([]);
    },
  };
  return load;
}
type Load = ReturnType<typeof createLoad>;

const pad = (n: number) => String(n).padStart(2, '0');
const keyOf = (r: StubRequest) => String(r.headers['idempotency-key']);
const senderOf = (r: StubRequest) => String(r.headers['x-test-server']);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The billing receiver, three servers on a fresh database, its rooms, a provider who works around the clock, a desk user. */
async function deploy() {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-failover-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const billing: BillingStub = await startBillingStub();
  cleanups.push(() => billing.close());
  const servers = await startServers(['a', 'b', 'c'], {
    databaseUrl: database.config.url, dir, leaderRetryMs: 1000,
    settings: { timeZone: ZONE, billingServiceUrl: billing.url, appointmentReminderMinutes: 1 },
  });
  cleanups.push(() => Promise.all(servers.map((s) => s.stop())));
  const setup = await createTestCore({ database, now: Date.now() });
  cleanups.push(() => setup.close({ keep: true }));
  for (let w = 0; w < WRITERS; w++) await setup.core.handlers['rooms:create']({ ...ROOM, number: 101 + w }, adminCtx);
  const allDay = { start: '00:00', end: '24:00' };
  const guide = await setup.core.handlers['providers:create']({
    name: 'Night guide', email: 'night@example.dk', appointmentMinutes: 5, bufferMinutes: 0, price: 0, daysOff: [], active: true,
    workingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  }, adminCtx);
  const staff = await signIn(setup.core, 'staff');
  return { billing, servers, setup, guideId: guide.id, token: staff.token };
}

/** The writers, through the balancer, until TOTAL bookings are acknowledged. */
function startWriters(servers: ServerProcess[], token: string, load: Load): Promise<void>[] {
  const balancer = createBalancer(servers.map((s) => s.url));
  const writer = async (w: number) => {
    const client = balancer.client(token);
    try {
      for (let k = 0; load.acked.length < TOTAL && load.unexpected.length === 0; k++) {
        const afterKill = load.killed;
        const r = await client.send({ method: 'POST', path: '/bookings', body: booking(w, k) });
        if (r.status === 201) load.acked.push({ id: (JSON.parse(r.body) as { id: number }).id, server: r.server, afterKill });
        else if (r.status === 0) load.unanswered.push({ server: r.server, afterKill, failure: r.failure ?? '' });
        else load.unexpected.push(`${r.status} from server ${r.server}: ${r.body}`);
        load.changed();
      }
    } finally {
      client.close();
      load.done++;
      load.changed();
    }
  };
  return Array.from({ length: WRITERS }, (_, w) => writer(w));
}

/** From now on the receiver leaves `victim`'s requests unanswered (they are its claims) until `release()`. */
function hangRequestsOf(billing: BillingStub, victim: ServerProcess) {
  const hung: StubRequest[] = [];
  let hanging = true;
  billing.route = (req) => {
    if (!hanging || senderOf(req) !== victim.name) return undefined;
    hung.push(req);
    return 'hang';
  };
  return { hung, release: () => void (hanging = false) };
}

/** A desk booking whose reminder (1 minute ahead, the servers' setting) falls due `inMs` from now. */
async function bookReminderDueIn(setup: TestCore, providerId: number, inMs: number) {
  const startMs = Math.ceil((Date.now() + 60_000 + inMs) / 1000) * 1000;
  const c = toCivil(startMs, ZONE);
  setup.clock.set(Date.now());
  const booked = await setup.core.handlers['appointments:deskCreate']({
    providerId, date: `${c.year}-${pad(c.month)}-${pad(c.day)}`, time: `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
    guestName: 'Mette Hansen', guestEmail: 'mette@example.dk',
  }, adminCtx);
  return { id: booked.id, startMs, dueMs: startMs - 60_000 };
}

/** Every acknowledged stay is stored, at most the unanswered ones besides; nothing overlaps; only the victim failed to answer. */
async function expectNothingLost(db: Db, load: Load, victimIndex: number): Promise<Set<number>> {
  const stays = new Set((await db.all<{ id: number }>('SELECT id FROM stays')).map((r) => r.id));
  const acked = load.acked.map((a) => a.id);
  expect(new Set(acked).size).toBe(acked.length);
  expect(acked.filter((id) => !stays.has(id))).toEqual([]);
  expect(stays.size - acked.length).toBeGreaterThanOrEqual(0);
  expect(stays.size - acked.length).toBeLessThanOrEqual(load.unanswered.length);
  expect((await findOverlaps(db)).overlaps).toEqual([]);
  expect(load.unanswered.filter((u) => u.server !== victimIndex)).toEqual([]);
  return stays;
}

/**
 * Each stay's message delivered once; the victim's claims delivered by a survivor; every request
 * beyond the deliveries either a claim the victim held or a delivery of the victim's that it did not
 * live to record (the receiver answered it as a duplicate).
 */
function expectBilledOnce(billing: BillingStub, stays: Set<number>, hung: StubRequest[], victim: ServerProcess, survivors: ServerProcess[]): number {
  expect(billing.delivered.map((r) => r.path).sort()).toEqual([...stays].map((id) => `/bills/update/${id}`).sort());
  expect(new Set(billing.delivered.map(keyOf)).size).toBe(billing.delivered.length);
  const firstSender = new Map(billing.delivered.map((r) => [keyOf(r), senderOf(r)]));
  const hungKeys = new Set(hung.map(keyOf));
  for (const key of hungKeys) expect(survivors.map((s) => s.name)).toContain(firstSender.get(key));
  const resent = billing.requests.filter((r) => !billing.delivered.includes(r));
  expect(resent.filter((r) => !hungKeys.has(keyOf(r)) && firstSender.get(keyOf(r)) !== victim.name)).toEqual([]);
  return resent.length;
}

describe('three servers on one PostgreSQL, one SIGKILLed under 16 writers', () => {
  it('loses no acknowledged booking; the others serve on, take over its outbox claims, its once jobs and a reminder due while it is dead; billing hears each booking once', { timeout: 600_000 }, async () => {
    const { billing, servers, setup, guideId, token } = await deploy();
    // Every once job has one leader among the three.
    await expect.poll(() => ONCE_JOBS.map((job) => servers.filter((s) => s.jobs().includes(job)).length), { timeout: 60_000 }).toEqual([1, 1, 1]);

    // 1. The writers; after KILL_AT, the victim (the scheduler's leader) is made to hold billing claims.
    const load = createLoad();
    const writers = startWriters(servers, token, load);
    await load.until(() => load.acked.length >= KILL_AT);
    const victimIndex = servers.findIndex((s) => s.jobs().includes('appointment-scheduler'));
    const victim = servers[victimIndex]!;
    const survivors = servers.filter((s) => s !== victim);
    const victimLed = victim.jobs().filter((j) => ONCE_JOBS.includes(j));
    const claims = hangRequestsOf(billing, victim);
    await expect.poll(() => claims.hung.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const reminder = await bookReminderDueIn(setup, guideId, 20_000);
    const deskOnSurvivor = await openSocketIo(survivors[0]!.url, token);
    cleanups.push(() => void deskOnSurvivor.disconnect());
    const reminders: { booking: { id: number } }[] = [];
    deskOnSurvivor.on('booking_reminder', (r: { booking: { id: number } }) => reminders.push(r));

    // 2. SIGKILL; the survivors take its once jobs over, the writers go on through them.
    const claimsAtKill = claims.hung.length;
    load.killed = true;
    const killedAt = Date.now();
    await victim.kill();
    claims.release();
    const ackedAtKill = load.acked.length;
    await expect.poll(() => victimLed.every((job) => survivors.some((s) => s.jobs().includes(job))), { timeout: 60_000, interval: 50 }).toBe(true);
    const takeoverMs = Date.now() - killedAt;
    await load.until(() => load.done === WRITERS);
    await Promise.all(writers);

    // 3. What must hold afterwards.
    const stays = await expectNothingLost(setup.db, load, victimIndex);
    const afterKill = (s: ServerProcess) => load.acked.filter((a) => a.afterKill && servers[a.server] === s).length;
    for (const s of survivors) expect(afterKill(s)).toBeGreaterThan(100);
    // The victim's claims go out once their lease runs out.
    await expect.poll(() => billing.delivered.length, { timeout: 200_000, interval: 500 }).toBe(stays.size);
    const drainedMs = Date.now() - killedAt;
    const resent = expectBilledOnce(billing, stays, claims.hung, victim, survivors);
    // The reminder: sent once, by a survivor, after it fell due, its e-mail queued once.
    const sentMs = async () => (await setup.db.get<{ sent: number | null }>('SELECT reminder_sent_ms AS sent FROM appointments WHERE id = ?', reminder.id))!.sent;
    await expect.poll(sentMs, { timeout: 60_000 }).not.toBeNull();
    const sent = (await sentMs())!;
    expect(sent).toBeGreaterThanOrEqual(reminder.dueMs);
    expect(sent).toBeLessThan(reminder.startMs);
    expect(await setup.db.all(`SELECT id FROM outbox WHERE topic = 'email.reminder' AND aggregate = ?`, `appointment:${reminder.id}`)).toHaveLength(1);
    await expect.poll(() => reminders.map((r) => r.booking.id)).toEqual([reminder.id]);

    console.info(
      `three servers, SIGKILL of ${victim.name} (leading ${victimLed.join(', ')}) after ${ackedAtKill} acknowledged bookings, holding ${claimsAtKill} billing claims: ` +
        `${load.acked.length} acknowledged, ${stays.size} stored, 0 lost, 0 overlaps; ${load.unanswered.length} requests unanswered (all to ${victim.name}); ` +
        `survivors served ${load.acked.filter((a) => a.afterKill).length} bookings after the kill; once jobs taken over in ${takeoverMs} ms; ` +
        `billing: ${billing.delivered.length} messages delivered once each, ${resent} sent again (${new Set(claims.hung.map(keyOf)).size} claims of ${victim.name}), all delivered ${(drainedMs / 1000).toFixed(0)} s after the kill; ` +
        `reminder due ${((reminder.dueMs - killedAt) / 1000).toFixed(0)} s after the kill, sent ${((sent - reminder.dueMs) / 1000).toFixed(1)} s after it fell due, once`,
    );
  });
});

function openSocketIo(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}
