/**
 * The reports over a real socket (a host on port 0, Node's fetch): each report under
 * `/api/v1/reports/…` for the desk (staff and admins), refused to a LAN client, its bad periods
 * answered 400 in the seeds' shape; each report's CSV as a download, in the hotel's language, with
 * the decimal comma beside `;` and formula cells neutralised as every export's.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Session } from '../../support/sessions';
import { startTestHost, type TestHost } from '../../support/test-host';
import { at, car, rental } from './report-rows';

let th: TestHost;
let staff: Session;
let client: Session;
const NOW = at('2026-05-06', '10:00').ms;
const PERIOD = 'period=range&from=2026-05-04&to=2026-05-05';

beforeAll(async () => {
  th = await startTestHost({ clock: () => NOW });
  const { core } = th.host;
  staff = await signIn(core, 'staff');
  client = await signIn(core, 'client');
  const db = core.deps.db;
  const yaris = await car(db, 'Toyota', 'Yaris', 'AB 12 345');
  const odd = await car(db, '=HYPERLINK("x")', 'Up', null);
  await rental(db, { carId: yaris, from: '2026-05-03', to: '2026-05-05', status: 'returned', mileage: [1000, 1250], damage: 'Scratch', returnedAt: '2026-05-05T09:00:00+02:00' });
  await rental(db, { carId: odd, from: '2026-05-04', to: '2026-05-05', status: 'returned', mileage: [10, 20], returnedAt: '2026-05-05T09:30:00+02:00' });
  await rental(db, { carId: yaris, from: '2025-05-04', to: '2025-05-06', status: 'returned', mileage: [900, 1000], returnedAt: '2025-05-06T10:00:00+02:00' });
});
afterAll(async () => await th?.close());

const get = (path: string, token = th.token) => th.fetch(path, { headers: { authorization: `Bearer ${token}` } });

describe('the reports over HTTP', () => {
  it('answers each report to staff and admins, with last year beside it', async () => {
    for (const name of ['rooms', 'appointments', 'stock', 'fleet']) {
      const res = await get(`/api/v1/reports/${name}?${PERIOD}`, staff.token);
      expect(res.status, name).toBe(200);
      const body = (await res.json()) as { current: { from: string }; lastYear: { from: string } };
      expect([body.current.from, body.lastYear.from], name).toEqual(['2026-05-04', '2025-05-04']);
    }
    const fleet = (await (await get(`/api/v1/reports/fleet?${PERIOD}`)).json()) as { current: Record<string, unknown> };
    expect(fleet.current).toMatchObject({ cars: 2, rentals: 1, rentedDays: 2, availableDays: 4, utilisation: 0.5, kmDriven: 260, damageReports: 1 });
  });

  it('refuses a LAN client (403) and a period that is none (400), in the seeds\' shape', async () => {
    const refused = await get(`/api/v1/reports/fleet?${PERIOD}`, client.token);
    expect(refused.status).toBe(403);
    expect(Object.keys((await refused.json()) as object)).toEqual(['error']);
    const backwards = await get('/api/v1/reports/stock?period=range&from=2026-05-05&to=2026-05-04');
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toEqual({ error: 'to (2026-05-04) is before from (2026-05-05)' });
    expect((await get('/api/v1/reports/fleet.csv?period=range&from=2026-05-05', staff.token)).status).toBe(400);
    expect((await get(`/api/v1/reports/fleet.csv?${PERIOD}`, client.token)).status).toBe(403);
  });

  it('downloads the fleet report as CSV: Danish headers, decimal comma with `;`, formulas neutralised', async () => {
    await th.json('PATCH', '/api/v1/settings', { locale: 'da' });
    const res = await get(`/api/v1/reports/fleet.csv?${PERIOD}&delimiter=;&bom=true`, staff.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="fleet-report-2026-05-06.csv"');
    // Read as bytes: fetch's text() drops a BOM.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFBil;Udlejninger;Udlejede dage;Mulige dage;Udnyttelse (%);Kørte km;Skadesrapporter;')).toBe(true);
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.slice(1)).toEqual([
      ["'=HYPERLINK(\"x\") Up", '1', '1', '2', '50,0', '10', '0', '0', '0,0', '0'],
      // Last year's rental came back on 6 May 2025, after the days compared: no km then.
      ['Toyota Yaris (AB 12 345)', '0', '1', '2', '50,0', '250', '1', '1', '100,0', '0'],
    ]);
  });

  it('downloads the rooms report by day, money as decimals in the hotel\'s currency', async () => {
    await th.json('PATCH', '/api/v1/settings', { locale: 'en' });
    const rooms = await th.json('POST', '/api/v1/rooms', { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 });
    expect(rooms.status).toBe(201);
    const roomId = ((await rooms.json()) as { id: number }).id;
    // Two nights, 4 → 6 May, 1 790,00 kr.: 895,00 a night (written straight in: the desk refuses a stay in the past).
    const [a, b] = [at('2026-05-04', '14:00'), at('2026-05-06', '12:00')];
    await th.host.core.deps.db.run(
      `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (?, 'Standard single room', 'Ann', ?, ?, ?, ?, 2, 'checked_out', 179000, 'desk', ?, ?)`,
      roomId, a.iso, b.iso, a.ms, b.ms, a.ms, a.ms,
    );
    const text = await (await get(`/api/v1/reports/rooms.csv?${PERIOD}`)).text();
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Date', 'Rooms available', 'Rooms sold', 'Occupancy (%)', 'Room revenue (DKK)', 'ADR (DKK)', 'RevPAR (DKK)', 'Arrivals', 'Departures',
      'Date last year', 'Rooms sold last year', 'Occupancy last year (%)', 'Room revenue last year (DKK)']);
    expect(rows.slice(1)).toEqual([
      ['2026-05-04', '1', '1', '100.0', '895.00', '895.00', '895.00', '1', '0', '2025-05-04', '0', '0.0', '0.00'],
      ['2026-05-05', '1', '1', '100.0', '895.00', '895.00', '895.00', '0', '0', '2025-05-05', '0', '0.0', '0.00'],
    ]);
  });
});
