/**
 * What a desk booking's live event costs per open feed (benchmark 10, issue 10): two hosts in this
 * process on SQLite, each with the admin's desk feed open, one with 200 client feeds besides (40
 * client users × 5, as benchmark 10 opens them), taking turns: each round publishes a real
 * `stay.changed` event `--events` times on each host's event bus (the fan-out alone: audience, JSON,
 * one frame per recipient) and books `--bookings` nights over HTTP on each (the whole booking), and
 * waits until the desk feed has them all. Reported: this process's CPU per event and per booking
 * (`process.cpuUsage`, which the busy machine moves less than wall time), and the viewer checks the
 * audience index made per event. A per-feed cost shows as the 200-feed host's figure above the other's.
 *
 *   npx tsx bench/ab/live-feeds-ab.ts [--rounds 8] [--events 2000] [--bookings 200]
 */
import { readFileSync } from 'node:fs';
import { liveAudienceIndex } from '../../core/api/live-socket';
import type { LiveEvent } from '../../shared/contract/events';
import { openSignedInLiveSocket, type LiveClient } from '../../tests/support/live-client';
import { signIn } from '../../tests/support/sessions';
import { adminCtx } from '../../tests/support/test-core';
import { startTestHost, type TestHost } from '../../tests/support/test-host';
import { median, takingTurns } from '../support/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 8);
const events = arg('events', 2000);
const bookings = arg('bookings', 200);
const ROOMS = 200;
const CLIENT_USERS = 40;
const FEEDS_PER_TOKEN = 5;
const IN_FLIGHT = 10;

interface Side {
  th: TestHost;
  desk: LiveClient;
  feeds: LiveClient[];
  booked: number;
}

async function side(clientFeeds: boolean): Promise<Side> {
  const th = await startTestHost();
  const core = th.host.core;
  for (let i = 0; i < ROOMS; i++) {
    await core.handlers['rooms:create']({ number: 1000 + i, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' }, adminCtx);
  }
  const feeds: LiveClient[] = [];
  if (clientFeeds) {
    for (let u = 0; u < CLIENT_USERS; u++) {
      const session = await signIn(core, 'client', { address: `10.0.${u}.1` });
      for (let f = 0; f < FEEDS_PER_TOKEN; f++) feeds.push(await openSignedInLiveSocket(th.host.url, session.token));
    }
  }
  return { th, desk: await openSignedInLiveSocket(th.host.url, th.token), feeds, booked: 0 };
}

/** Resolves once the desk feed holds `count` events. */
async function deskHas(s: Side, count: number): Promise<void> {
  while (s.desk.events.length < count) await new Promise((r) => setImmediate(r));
}

/** Books `n` free nights over HTTP, IN_FLIGHT at a time, and waits for their events on the desk feed. */
async function book(s: Side, n: number): Promise<void> {
  const target = s.desk.events.length + n;
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const i = s.booked++;
      const day = 1 + Math.floor(i / ROOMS);
      const checkin = new Date(Date.UTC(2031, 0, day)).toISOString().slice(0, 10);
      const checkout = new Date(Date.UTC(2031, 0, day + 1)).toISOString().slice(0, 10);
      const res = await s.th.json('POST', '/bookings', { roomnumber: 1000 + (i % ROOMS), category: 'Standard double room', checkin: `${checkin}T14:00:00`, checkout: `${checkout}T12:00:00` });
      if (res.status !== 201) throw new Error(`booking ${i}: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await deskHas(s, target);
}

const none = await side(false);
const feeds = await side(true);
await book(none, 5);
await book(feeds, 5);
const sample = none.desk.events.find((e) => e.type === 'stay.changed') as LiveEvent;
const publish = async (s: Side) => {
  const target = s.desk.events.length + events;
  for (let i = 0; i < events; i++) s.th.host.core.deps.events.publish(sample);
  await deskHas(s, target);
};

const checks = (s: Side) => liveAudienceIndex(s.th.host.server)?.viewerChecks ?? NaN;
const checks0 = { none: checks(none), feeds: checks(feeds) };
const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = await takingTurns(
  {
    'publish, desk feed only': () => publish(none),
    'publish, + 200 client feeds': () => publish(feeds),
    'book, desk feed only': () => book(none, bookings),
    'book, + 200 client feeds': () => book(feeds, bookings),
  },
  rounds,
  1,
);
const per = (name: string) => (name.startsWith('publish') ? events : bookings);
for (const [name, f] of results) {
  const cpu = f.cpuUs.map((x) => x / per(name));
  console.log(`${name.padEnd(30)} CPU per ${name.startsWith('publish') ? 'event  ' : 'booking'} ${median(cpu).toFixed(1)} µs (rounds: ${cpu.map((x) => x.toFixed(1)).join(', ')}); wall per round ${median(f.wallMs).toFixed(0)} ms`);
}
const sent = rounds * (events + bookings);
console.log(`viewer checks per event: desk only ${((checks(none) - checks0.none) / sent).toFixed(2)}, with 200 client feeds ${((checks(feeds) - checks0.feeds) / sent).toFixed(2)}; events on the client feeds: ${feeds.feeds.reduce((n, c) => n + c.events.length, 0)}; open client feeds ${feeds.feeds.filter((c) => c.ws.readyState === WebSocket.OPEN).length}`);
console.log(`load average before ${load0}, after ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (const s of [none, feeds]) {
  for (const c of [s.desk, ...s.feeds]) c.ws.close();
  await s.th.close();
}
