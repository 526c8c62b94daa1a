/**
 * The downtime pack (issue 17 §2): HTML lists written to a real data folder, complete or not at all,
 * the oldest pruned; written at the job's start, every `downtimePackMinutes` and at its stop.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_PACKS, PACKS_DIR, prunePacks, writeDowntimePack } from '../../../core/print/downtime-pack';
import { startDowntimePacks, type PackTimer } from '../../../core/print/downtime-pack-job';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';
import { startTestHost } from '../../support/test-host';

let t: TestCore;
let dataDir: string;
const packs = async () => (await readdir(join(dataDir, PACKS_DIR))).sort();

beforeEach(async () => {
  t = await createTestCore({ settings: { locale: 'da', hotelName: 'Hotel Havnen' } }); // 2026-05-01 10:00 in Copenhagen
  dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-downtime-'));
  const h = t.core.handlers;
  const r101 = (await h['rooms:create'](aRoom({ number: 101, category: 'Standard', nightlyRate: 100_000, floor: 1 }), adminCtx)).id;
  await h['rooms:create'](aRoom({ number: 201, category: 'Suite', floor: 2 }), adminCtx);
  await h['stays:create'](aStay({ roomId: r101, checkin: '2026-05-01', checkout: '2026-05-03', guestName: '<b>Åse & Co</b>' }), deskCtx);
});
afterEach(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('writeDowntimePack', () => {
  it('writes the arrivals, in-house and room-status lists as self-contained HTML in a folder named by the hotel\'s time', async () => {
    const folder = await writeDowntimePack(t.core, dataDir);
    expect(folder).toBe(join(dataDir, PACKS_DIR, '2026-05-01_10-00-00'));
    expect((await readdir(folder)).sort()).toEqual(['arrivals.html', 'in-house.html', 'index.html', 'room-status.html']);
    const arrivals = await readFile(join(folder, 'arrivals.html'), 'utf8');
    expect(arrivals).toContain('<html lang="da">');
    expect(arrivals).toContain('Ankomster');
    expect(arrivals).toContain('Hotel Havnen');
    expect(arrivals).toContain('&lt;b&gt;Åse &amp; Co&lt;/b&gt;');
    expect(arrivals).not.toContain('<b>Åse');
    expect(arrivals).toMatch(/2\.000,00\s*kr\./);
    expect(arrivals).toContain('@page { size: A4');
    // Opens anywhere: no script, nothing fetched.
    for (const file of await readdir(folder)) expect(await readFile(join(folder, file), 'utf8')).not.toMatch(/<script|<link|src=|url\(/);
    const rooms = await readFile(join(folder, 'room-status.html'), 'utf8');
    expect(rooms.match(/<section>/g)).toHaveLength(2);
    expect(rooms).toContain('1. sal');
    expect(rooms).toContain('2. sal');
    expect(await readFile(join(folder, 'in-house.html'), 'utf8')).toContain('Ingen på denne liste.');
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toContain('href="room-status.html"');
  });

  it('keeps the newest packs and removes folders a crash left half-written, nothing else', async () => {
    const dir = join(dataDir, PACKS_DIR);
    const names = Array.from({ length: KEEP_PACKS + 2 }, (_, i) => `2026-04-${String(1 + Math.floor(i / 24)).padStart(2, '0')}_${String(i % 24).padStart(2, '0')}-00-00`);
    for (const n of [...names, '.writing-2026-04-01_00-00-00']) await mkdir(join(dir, n), { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const deleted = await prunePacks(dir);
    expect(deleted).toEqual([names[0], names[1], '.writing-2026-04-01_00-00-00']);
    expect(await packs()).toEqual(['notes.txt', ...names.slice(2)].sort());
  });
});

describe('the downtime pack job', () => {
  it('writes a pack at start, one each interval (the setting read every round), and one at stop', async () => {
    const waits: number[] = [];
    let fire: (() => void) | null = null;
    const timer: PackTimer = { set: (run, ms) => { waits.push(ms); fire = run; return waits.length; }, clear: () => (fire = null) };
    const errors: unknown[] = [];
    const job = startDowntimePacks(t.core, dataDir, (e) => errors.push(e), timer);
    await expect.poll(packs).toEqual(['2026-05-01_10-00-00']);
    expect(waits).toEqual([30 * 60_000]);

    t.clock.advance(30 * 60_000);
    await t.core.handlers['settings:update']({ downtimePackMinutes: 5 }, adminCtx);
    fire!();
    await expect.poll(packs).toEqual(['2026-05-01_10-00-00', '2026-05-01_10-30-00']);
    await expect.poll(() => waits).toEqual([30 * 60_000, 5 * 60_000]);

    t.clock.advance(60_000);
    await job.stop();
    expect(await packs()).toEqual(['2026-05-01_10-00-00', '2026-05-01_10-30-00', '2026-05-01_10-31-00']);
    expect(fire).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('the host and its downtime pack', () => {
  it('writes a pack to its data folder when it starts and another when it shuts down', async () => {
    const host = await startTestHost();
    try {
      const dir = join(host.dir, PACKS_DIR);
      await expect.poll(async () => (await readdir(dir).catch(() => [])).length).toBe(1);
      await host.json('PATCH', '/api/v1/settings', { hotelName: 'Hotel Lukket' });
      await host.host.close();
      const written = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
      expect(written.length).toBeGreaterThanOrEqual(1);
      // The last one was written at shutdown, after the change.
      expect(await readFile(join(dir, written.at(-1)!, 'arrivals.html'), 'utf8')).toContain('Hotel Lukket');
    } finally {
      await host.close();
    }
  });
});
