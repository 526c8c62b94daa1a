import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardStayList } from '../../../shared/contract/board-stays';
import { commands, type CommandDef } from '../../../shared/contract/commands';
import type { Block } from '../../../shared/contract/blocks';
import { BoardSchema, type Board } from '../../../shared/contract/board';
import type { OutboxStatus } from '../../../shared/contract/outbox';
import { RoomSchema, type Room } from '../../../shared/contract/rooms';
import type { Settings } from '../../../shared/contract/settings';
import type { Stay } from '../../../shared/contract/stays';
import { startTestApi, type TestApi } from '../../support/http-client';
import { testEngine } from '../../support/test-database';

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi();
});
afterEach(async () => await api.close());

const ROOM = { number: 101, category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 1 };
const STAY = { roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Mette Hansen' };

async function roomAndStay(): Promise<Stay> {
  expect((await api.post('/api/v1/rooms', ROOM)).status).toBe(201);
  const res = await api.post<Stay>('/api/v1/stays', STAY);
  expect(res.status).toBe(201);
  return res.body;
}

describe('rooms', () => {
  it('creates (201), lists, changes, sets housekeeping and deactivates a room', async () => {
    const created = await api.post<Room>('/api/v1/rooms', ROOM);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 1, ...ROOM, housekeeping: 'clean', active: true });

    expect((await api.get<Room[]>('/api/v1/rooms')).body.map((r) => r.number)).toEqual([101]);

    const changed = await api.patch<Room>('/api/v1/rooms/1', { nightlyRate: 99_000 });
    expect(changed.status).toBe(200);
    expect(changed.body.nightlyRate).toBe(99_000);

    const dirty = await api.put<Room>('/api/v1/rooms/1/housekeeping', { housekeeping: 'dirty' });
    expect(dirty.body.housekeeping).toBe('dirty');

    const off = await api.post<Room>('/api/v1/rooms/1/deactivate');
    expect(off.body.active).toBe(false);
    expect((await api.get<Room[]>('/api/v1/rooms')).body).toEqual([]);
    expect((await api.get<Room[]>('/api/v1/rooms?includeInactive=true')).body).toHaveLength(1);
  });

  it('takes the id from the path, not from the body', async () => {
    await api.post('/api/v1/rooms', ROOM);
    await api.post('/api/v1/rooms', { ...ROOM, number: 102 });
    const res = await api.patch<Room>('/api/v1/rooms/2', { id: 1, floor: 3 });
    expect(res.body).toMatchObject({ id: 2, number: 102, floor: 3 });
  });

  it('refuses a duplicate room number with 409 and an unknown room with 404', async () => {
    await api.post('/api/v1/rooms', ROOM);
    expect(await api.post('/api/v1/rooms', ROOM)).toMatchObject({ status: 409, body: { error: 'Room 101 already exists' } });
    expect((await api.patch('/api/v1/rooms/99', { floor: 2 })).status).toBe(404);
  });

  it('lists rooms free for a range from the query string', async () => {
    await roomAndStay();
    await api.post('/api/v1/rooms', { ...ROOM, number: 102 });
    const res = await api.get<Room[]>('/api/v1/rooms/free?checkin=2026-05-02&checkout=2026-05-04&guests=2');
    expect(res.body.map((r) => r.number)).toEqual([102]);
  });

  it('sends the room lists without the zod pass (trustedOutput), so each room holds exactly the schema’s fields, in its order', async () => {
    expect([commands['rooms:list'], commands['rooms:free']].map((def) => (def as CommandDef).trustedOutput)).toEqual([true, true]);
    await api.post('/api/v1/rooms', ROOM);
    await api.post('/api/v1/rooms', { ...ROOM, number: 102, housekeeping: 'dirty' });
    expect((await api.patch('/api/v1/rooms/2', { active: false })).status).toBe(200);
    const lists = [
      (await api.get<Room[]>('/api/v1/rooms?includeInactive=true')).body,
      (await api.get<Room[]>('/api/v1/rooms/free?checkin=2026-05-02&checkout=2026-05-04')).body,
    ];
    expect(lists.map((rooms) => rooms.map((r) => [r.number, r.active, r.housekeeping]))).toEqual([[[101, true, 'clean'], [102, false, 'dirty']], [[101, true, 'clean']]]);
    for (const room of lists.flat()) {
      // zod drops any key the schema does not name and refuses a wrong type (`active` as 1/0): equal only if the room is exactly the schema's.
      expect(RoomSchema.parse(room)).toEqual(room);
      expect(Object.keys(room)).toEqual(Object.keys(RoomSchema.shape));
    }
  });
});

describe('stays', () => {
  it('books (201), reads and lists a stay', async () => {
    const stay = await roomAndStay();
    expect(stay).toMatchObject({ id: 1, roomNumber: 101, guestName: 'Mette Hansen', nights: 2, status: 'booked', checkin: '2026-05-01T14:00:00+02:00' });
    expect((await api.get<Stay>('/api/v1/stays/1')).body).toEqual(stay);
    const page = await api.get<{ items: Stay[]; total: number }>('/api/v1/stays?from=2026-05-01&to=2026-05-31&limit=10');
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]!.id).toBe(1);
  });

  it('refuses an overlapping stay with 409', async () => {
    await roomAndStay();
    const res = await api.post('/api/v1/stays', { ...STAY, checkin: '2026-05-02', checkout: '2026-05-04' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: expect.stringContaining('not available') });
  });

  it('checks in and out, with 409 for an action the status does not allow', async () => {
    await roomAndStay();
    expect((await api.post<Stay>('/api/v1/stays/1/check-out')).status).toBe(409);
    expect((await api.post<Stay>('/api/v1/stays/1/check-in')).body.status).toBe('checked_in');
    expect((await api.post<Stay>('/api/v1/stays/1/check-out')).body.status).toBe('checked_out');
  });

  it('cancels with or without a JSON content type on an empty body', async () => {
    await roomAndStay();
    const res = await api.raw<Stay>({ method: 'POST', url: '/api/v1/stays/1/cancel', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
  });

  it('marks a no-show, moves a stay and changes its dates', async () => {
    await roomAndStay();
    await api.post('/api/v1/rooms', { ...ROOM, number: 102 });
    const moved = await api.post<Stay>('/api/v1/stays/1/move', { roomId: 2 });
    expect(moved.body.roomNumber).toBe(102);
    const longer = await api.post<Stay>('/api/v1/stays/1/dates', { checkin: '2026-05-01', checkout: '2026-05-05' });
    expect(longer.body.nights).toBe(4);
    api.t.clock.set(Date.parse('2026-05-01T16:00:00Z')); // a no-show is marked after the arrival time
    expect((await api.post<Stay>('/api/v1/stays/1/no-show')).body.status).toBe('no_show');
  });

  it('answers 404 for an unknown stay', async () => {
    expect(await api.get('/api/v1/stays/42')).toMatchObject({ status: 404, body: { error: expect.any(String) } });
  });
});

describe('blocks and the board', () => {
  it('blocks a room (201), lists and removes the block', async () => {
    await api.post('/api/v1/rooms', ROOM);
    const block = await api.post<Block>('/api/v1/blocks', { roomId: 1, from: '2026-05-10', to: '2026-05-12', reason: 'Repainting' });
    expect(block.status).toBe(201);
    expect(block.body).toMatchObject({ roomNumber: 101, fromDate: '2026-05-10', toDate: '2026-05-12', reason: 'Repainting' });
    expect((await api.get<Block[]>('/api/v1/blocks?from=2026-05-01&to=2026-06-01')).body).toHaveLength(1);
    expect((await api.delete('/api/v1/blocks/1')).body).toEqual({ id: 1 });
    expect((await api.get<Block[]>('/api/v1/blocks?from=2026-05-01&to=2026-06-01')).body).toEqual([]);
  });

  it('a blocked room cannot be booked (409)', async () => {
    await api.post('/api/v1/rooms', ROOM);
    await api.post('/api/v1/blocks', { roomId: 1, from: '2026-05-01', to: '2026-05-03', reason: 'Leak' });
    expect((await api.post('/api/v1/stays', STAY)).status).toBe(409);
  });

  it('GET /api/v1/board → rooms × days with stays, blocks and today’s counts', async () => {
    await roomAndStay();
    const res = await api.get<Board>('/api/v1/board?from=2026-05-01&days=7');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-05-01', to: '2026-05-08', today: '2026-05-01', counts: { arrivals: 1 } });
    expect(res.body.rooms.map((r) => r.number)).toEqual([101]);
    expect(res.body.stays).toMatchObject({ id: [1], checkin: [0], nights: [2] });
    expect(boardStayList(res.body)).toEqual([expect.objectContaining({ id: 1, checkinDate: '2026-05-01', checkoutDate: '2026-05-03' })]);
  });

  it('sends the board without the zod pass (trustedOutput), so it must hold exactly the schema’s fields', async () => {
    expect((commands['board:get'] as CommandDef).trustedOutput).toBe(true);
    await roomAndStay();
    await api.post('/api/v1/blocks', { roomId: 1, from: '2026-05-05', to: '2026-05-06', reason: 'Paint' });
    const res = await api.get<Board>('/api/v1/board?from=2026-05-01&days=7');
    expect(res.body.blocks).toHaveLength(1);
    // zod drops any key the schema does not name: equal only if the answer has no field beyond it.
    expect(BoardSchema.parse(res.body)).toEqual(res.body);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(BoardSchema.shape).sort());
    // Sent as bytes made in pieces (core/api/json-bytes.ts): the text JSON.stringify writes.
    expect(res.text).toBe(JSON.stringify(res.body));
  });

  it('sends a board asked again the same while nothing changed, and the new board after a booking', async () => {
    await roomAndStay();
    const path = '/api/v1/board?from=2026-05-01&days=7';
    const first = await api.get<Board>(path);
    // On SQLite the second is the kept board's bytes (core/read-memo.ts, trustedJson): the same JSON.
    const second = await api.get<Board>(path);
    expect(second.text).toBe(first.text);
    expect([first.headers['content-type'], second.headers['content-type']]).toEqual(['application/json; charset=utf-8', 'application/json; charset=utf-8']);
    expect((await api.post('/api/v1/stays', { ...STAY, checkin: '2026-05-04', checkout: '2026-05-06' })).status).toBe(201);
    const after = await api.get<Board>(path);
    expect(after.body.stays.id).toEqual([1, 2]);
    expect((await api.get<Board>(path)).text).toBe(after.text);
  });
});

describe('settings and outbox', () => {
  it('reads and changes settings', async () => {
    expect((await api.get<Settings>('/api/v1/settings')).body.timeZone).toBe('Europe/Copenhagen');
    const res = await api.patch<Settings>('/api/v1/settings', { hotelName: 'Hotel Nordlys', billingServiceUrl: '' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hotelName: 'Hotel Nordlys', billingServiceUrl: '' });
  });

  it('refuses a bad setting with 400', async () => {
    const res = await api.patch('/api/v1/settings', { timeZone: 'Mars/Olympus' });
    expect(res).toMatchObject({ status: 400, body: { error: 'timeZone: is not an IANA time zone' } });
  });

  it('shows outbox counts and retries a dead message; a message that is not dead is a 409', async () => {
    await roomAndStay();
    const status = await api.get<OutboxStatus>('/api/v1/outbox');
    expect(status.body).toMatchObject({ pending: 1, sent: 0, dead: 0, deadMessages: [] });

    expect((await api.post('/api/v1/outbox/1/retry')).status).toBe(409);
    await api.t.db.run(`UPDATE outbox SET status = 'dead', attempts = 3, last_error = 'HTTP 422' WHERE id = 1`);
    const retried = await api.post<{ status: string; attempts: number }>('/api/v1/outbox/1/retry');
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await api.post('/api/v1/outbox/99/retry')).status).toBe(404);
  });

  it('GET /health', async () => {
    expect((await api.get('/health')).body).toMatchObject({ status: 'ok', version: expect.any(String), database: expect.stringMatching(testEngine === 'postgres' ? /^PostgreSQL / : /^SQLite /) as unknown });
  });
});
