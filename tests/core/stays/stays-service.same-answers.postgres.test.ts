/**
 * Issue 16 item 4: the same commands, on the same clock, give byte-for-byte the same answers on both
 * engines. One script of desk work (rooms, stays, blocks, check-in and out, moves, refusals, the board,
 * the worklists, the search with Danish letters, lists with totals) is played on a fresh SQLite
 * database and on a fresh PostgreSQL database; every answer (or refusal: status, code, message,
 * reason) and every live event is written down as JSON, and the two transcripts must be equal.
 * It lives in the PostgreSQL project (the one with a server); SQLite needs none.
 */
import { describe, expect, it } from 'vitest';
import type { HandledCommandName } from '../../../core/context';
import { commands, type CommandInput, type ParsedInput } from '../../../shared/contract/commands';
import { AppError } from '../../../shared/errors';
import { createTestDatabase } from '../../support/test-database';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

type Call = <K extends HandledCommandName>(name: K, input: CommandInput<K>, admin?: boolean) => Promise<unknown>;

/** The desk's day, as a list of commands; `ids` are the answers' ids, so both engines get the same calls. */
async function script(t: TestCore, call: Call): Promise<void> {
  const room = async (number: number, category: string, nightlyRate: number, capacity = 2) =>
    ((await call('rooms:create', { number, category, capacity, nightlyRate, floor: Math.floor(number / 100) }, true)) as { id: number }).id;
  const r101 = await room(101, 'Standard double room', 119_500);
  const r102 = await room(102, 'Standard double room', 99_500, 3);
  const r201 = await room(201, 'Suite', 249_500, 4);
  const stay = async (roomId: number, checkin: string, checkout: string, guestName: string, more: object = {}) =>
    ((await call('stays:create', { roomId, checkin, checkout, guestName, guests: 1, ...more })) as { id?: number } | undefined)?.id;
  const soren = await stay(r101, '2026-05-01', '2026-05-04', 'Søren Ærø Kierkegård', { guestEmail: 'soren@example.dk', guestPhone: '+45 20 12 34 56' });
  const mette = await stay(r102, '2026-05-02', '2026-05-05', 'Mette Hansen');
  await stay(r101, '2026-05-03', '2026-05-06', 'Overlaps Søren'); // refused: the room is taken
  await stay(r201, '2026-04-20', '2026-04-22', 'In the past'); // refused
  const ase = await stay(r201, '2026-05-01', '2026-05-02', 'Åse Østergaard');
  await call('blocks:create', { roomId: r201, from: '2026-05-06', to: '2026-05-08', reason: 'Paint', kind: 'out_of_order' });
  await stay(r201, '2026-05-07', '2026-05-09', 'Into the block'); // refused
  await call('stays:checkIn', { id: soren! });
  await call('stays:checkIn', { id: mette! }); // refused: before arrival day
  t.clock.advance(30 * 60_000);
  await call('stays:move', { id: ase!, roomId: r102 }); // one night, before Mette arrives in 102
  await call('stays:changeDates', { id: mette!, checkin: '2026-05-02', checkout: '2026-05-07' });
  for (const q of ['søren', 'SOREN', 'kierkegard', 'ærø', 'åse', 'østergaard', 'ostergaard', '2012', 'hansen mette', '101', 'xx']) await call('desk:search', { q, limit: 10 });
  await call('board:get', { days: 7 });
  await call('desk:worklists', {});
  await call('rooms:free', { checkin: '2026-05-04', checkout: '2026-05-06' });
  await call('rooms:available', { checkin: '2026-05-04', checkout: '2026-05-06', guests: 2 });
  await call('stays:list', { from: '2026-04-01', to: '2026-06-01', limit: 2, offset: 1 });
  await call('stays:list', { from: '2026-04-01', to: '2026-06-01', guest: 'ø', limit: 50, offset: 0 });
  await call('rooms:list', { includeInactive: true });
  await call('blocks:list', { from: '2026-05-01', to: '2026-06-01' });
  t.clock.advance(24 * 3_600_000);
  await call('stays:checkOut', { id: soren! }); // a day early
  await call('stays:undo', { id: soren! }, true);
  await call('stays:noShow', { id: ase! });
  await call('stays:get', { id: soren! });
  await call('stays:seedList', {});
  await call('settings:get', {});
  await call('board:get', { days: 3 });
}

async function transcript(engine: 'sqlite' | 'postgres'): Promise<string[]> {
  const t = await createTestCore({ database: await createTestDatabase(engine) });
  const lines: string[] = [];
  const call: Call = async (name, input, admin = false) => {
    try {
      // As the adapters call the core: the contract's parse, then the guarded, audited dispatch.
      const parsed = commands[name].input.parse(input) as ParsedInput<typeof name>;
      const out = await t.core.call(name, parsed, admin ? adminCtx : deskCtx);
      lines.push(`${name} ${JSON.stringify(input)} → ${JSON.stringify(out)}`);
      return out;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      lines.push(`${name} ${JSON.stringify(input)} ✗ ${JSON.stringify({ status: e.status, code: e.code, message: e.message, reason: e.reason, params: e.params })}`);
      return undefined;
    }
  };
  try {
    await script(t, call);
    for (const e of t.events) lines.push(`event ${JSON.stringify(e)}`);
  } finally {
    await t.close();
  }
  return lines;
}

describe('the same commands on SQLite and PostgreSQL', () => {
  it('give byte-for-byte the same answers, refusals and live events', async () => {
    const sqlite = await transcript('sqlite');
    const postgres = await transcript('postgres');
    expect(postgres).toEqual(sqlite);
    // The script reaches what it is about: refusals, search hits with Danish letters, events.
    expect(sqlite.filter((l) => l.includes(' ✗ ')).length).toBeGreaterThanOrEqual(4);
    expect(sqlite.find((l) => l.startsWith('desk:search {"q":"østergaard"'))).toContain('Åse Østergaard');
    expect(sqlite.some((l) => l.startsWith('event '))).toBe(true);
  });
});
