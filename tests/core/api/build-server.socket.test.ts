/**
 * The API over a real TCP socket: a host on port 0 with its first admin signed in, Node's own fetch
 * and WebSocket clients. What `inject` cannot show: streaming downloads, the live feed, and a client
 * hanging up mid-download.
 */
import BetterSqlite3 from 'better-sqlite3';
import { connect } from 'node:net';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../core/host';
import type { Database } from '../../../db/database';
import type { Stay } from '../../../shared/contract/stays';
import { openSignedInLiveSocket, type LiveClient } from '../../support/live-client';
import { startTestHost, type TestHost } from '../../support/test-host';

let th: TestHost;
let host: Host;

beforeAll(async () => {
  th = await startTestHost();
  host = th.host;
  const room = await post('/api/v1/rooms', { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 });
  expect(room.status).toBe(201);
});
afterAll(async () => await th.close());

function post(path: string, body: unknown): Promise<Response> {
  return th.json('POST', path, body);
}

/** Writes bytes no HTTP client would send and returns everything the server answers before closing. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * Export snapshots still open: on SQLite, whether a read transaction still pins the WAL (a
 * TRUNCATE checkpoint from a connection of our own is then busy); on PostgreSQL, the export
 * worker's connections (db/read-connection.ts names them `frontdesk-export`).
 */
async function exportSnapshotsOpen(db: Database): Promise<number> {
  if (db.dialect === 'postgres') {
    const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'frontdesk-export'`);
    return row!.n;
  }
  const own = new BetterSqlite3(db.location);
  try {
    own.pragma('busy_timeout = 0');
    return (own.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy;
  } finally {
    own.close();
  }
}

function openSocket(): Promise<LiveClient> {
  return openSignedInLiveSocket(host.url, th.token);
}

describe('over a real socket', () => {
  it('seed 000 over fetch: POST /bookings → 201, then 409 for the same room and dates', async () => {
    const body = { roomnumber: 101, category: 'Standard single room', checkin: '2030-11-01T14:00:00', checkout: '2030-11-05T12:00:00' };
    const first = await post('/bookings', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await first.json()).toMatchObject({ roomnumber: 101, isbooking: 1 });
    const second = await post('/bookings', body);
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: expect.any(String) });
  });

  it('pushes stay.changed to a WebSocket client when a stay is booked over HTTP', async () => {
    const { ws, next } = await openSocket();
    try {
      const arrived = next('stay.changed');
      const res = await post('/api/v1/stays', { roomId: 1, checkin: '2030-06-01', checkout: '2030-06-03', guestName: 'Mette Hansen' });
      expect(res.status).toBe(201);
      const stay = (await res.json()) as Stay;
      expect(await arrived).toEqual({ type: 'stay.changed', action: 'created', stay });
    } finally {
      ws.close();
    }
  });

  it('sends every event to every client, and forgets a client that left', async () => {
    const a = await openSocket();
    const b = await openSocket();
    b.ws.close();
    // The close handshake is done once the server has answered b's close frame.
    await b.closed;
    const gotA = a.next('room.changed');
    await post('/api/v1/rooms', { number: 102, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 });
    expect(await gotA).toMatchObject({ type: 'room.changed', room: { number: 102 } });
    expect(b.events).toEqual([]);
    a.ws.close();
  });

  it('downloads the stays as a streamed CSV attachment', async () => {
    await host.core.deps.db.run(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
      SELECT 1, 'Standard single room', 'Bulk ' || i, 1, '2030-01-01T14:00:00+01:00', '2030-01-02T12:00:00+01:00', i, i + 1, 1, 'cancelled', 0, 'test', 0, 0 FROM n`);
    const res = await th.fetch('/api/v1/exports/stays.csv?bom=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="stays-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['Ophold', 'Værelse', 'Kategori', 'Status']); // the hotel's language: Danish
    expect(rows.length - 1).toBe(20_000 + 2);
  });

  it('answers requests Node’s parser refuses with our JSON shape, then closes the connection', async () => {
    const tooLong = await sendRaw(`GET /api/v1/stays?guest=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: desk\r\n\r\n`);
    expect(tooLong).toMatch(/^HTTP\/1\.1 431 /);
    expect(tooLong.split('\r\n\r\n')[1]).toBe('{"error":"Request headers are too large"}');
    const garbage = await sendRaw('BOOK ROOM 101 PLEASE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage.split('\r\n\r\n')[1]).toBe('{"error":"Malformed HTTP request"}');
  });

  it('keeps serving after a client hangs up in the middle of a download', async () => {
    const controller = new AbortController();
    const res = await th.fetch('/bookings/export/csv', { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    // A change committed while the export holds its snapshot: the WAL now has frames it must not lose.
    expect((await post('/api/v1/rooms', { number: 103, category: 'Standard single room', capacity: 1, nightlyRate: 1, floor: 1 })).status).toBe(201);
    controller.abort();
    await reader.read().catch(() => undefined);
    // The export's snapshot ends with the request (on SQLite the WAL can then be checkpointed to the end).
    await expect.poll(() => exportSnapshotsOpen(host.core.deps.db), { timeout: 3_000 }).toBe(0);
    const health = await fetch(`${host.url}/health`);
    expect(health.status).toBe(200);
    const again = await th.fetch('/bookings/export/csv');
    expect((await again.text()).split('\r\n').length).toBeGreaterThan(20_000);
  });
});
