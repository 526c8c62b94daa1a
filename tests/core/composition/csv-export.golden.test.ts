/**
 * **Golden bytes of every CSV export**, through every door: the seed's and the app's stays download,
 * the audit log download, and the desktop's save-dialog file (the host's `export` request), each with
 * its options (delimiter, BOM, filters) on one fixed fixture. The files under `golden/` were written
 * by the exports as they were before they shared one registry and one worker; a change to any byte
 * of any export fails here. Regenerate (`npx vitest run tests/core/composition/csv-export.golden.test.ts -u`)
 * only for an intended change of the output, and say so in the commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostRequestHandler } from '../../../electron/host-requests';
import { startTestApi, type TestApi, type TestRequests } from '../../support/http-client';
import { signIn, type Session } from '../../support/sessions';
import { DEFAULT_NOW } from '../../support/test-core';

let api: TestApi;
/** A staff member with a fixed name (the helpers' own users are named per run). */
let sam: Session;
let staff: TestRequests;

beforeAll(async () => {
  api = await startTestApi();
  const admin = api.as('admin');
  sam = await signIn(api.t.core, 'staff', { username: 'sam' });
  const bearer = { headers: { authorization: `Bearer ${sam.token}` } };
  staff = {
    get: (url) => api.get(url, bearer),
    delete: (url) => api.delete(url, bearer),
    post: (url, body) => api.post(url, body, bearer),
    put: (url, body) => api.put(url, body, bearer),
    patch: (url, body) => api.patch(url, body, bearer),
    raw: (options) => api.raw({ ...options, headers: { ...options.headers, ...bearer.headers } }),
  };
  await admin.post('/api/v1/rooms', { number: 101, category: 'Standard single room', capacity: 2, nightlyRate: 100_000, floor: 1 });
  await admin.post('/api/v1/rooms', { number: 102, category: '=cmd|calc', capacity: 3, nightlyRate: 150_000, floor: 1 });
  // A guest name is one line (a line break in it is refused with 400): the line break a CSV cell must
  // quote travels in the notes, which are multi-line.
  const names = ['Hansen, Mette', 'Anna "Pip" Berg', '=HYPERLINK("x") more', 'Jensen; Anna', ' padded ', 'Ærø Ødegård', '+45 12 34', '@SUM(A1)'];
  for (const [i, guestName] of names.entries()) {
    const day = 1 + i * 3;
    const date = (d: number) => `2026-05-${String(d).padStart(2, '0')}`;
    const notes = i === 2 ? { notes: '=HYPERLINK("x")\nmore' } : {};
    await staff.post('/api/v1/stays', { roomId: 1 + (i % 2), guestName, guests: 1, checkin: date(day), checkout: date(day + 2), ...notes });
  }
  await staff.post('/api/v1/stays/2/cancel');
  // Stay 3 arrives on the 7th: its no-show is marked the next morning (the rule: not before the arrival),
  // which ends it then and frees its second night.
  // Sam's sign-in of the 1st has expired by then: the call goes as sam through the core, as the route would.
  api.t.clock.set(Date.parse('2026-05-08T08:00:00+02:00'));
  await api.t.core.call('stays:noShow', { id: 3 }, { actor: { userId: sam.userId, username: 'sam', role: 'staff' }, via: 'http', address: '127.0.0.1' });
  api.t.clock.set(DEFAULT_NOW);
  await staff.post('/bookings', { roomnumber: 101, category: 'Standard single room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00' });
  await api.post('/login/', { username: 'admin', password: 'Guessed-Password-77' }, { as: 'anonymous' });
  await admin.patch('/api/v1/settings', { hotelName: 'Hotel "Nordlys", Skagen' });
}, 60_000);

afterAll(async () => await api?.close());

async function download(url: string, as: 'staff' | 'admin' = 'staff'): Promise<{ text: string; disposition: unknown }> {
  const res = as === 'admin' ? await api.raw({ method: 'GET', url }) : await staff.raw({ method: 'GET', url });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  return { text: res.text, disposition: res.headers['content-disposition'] };
}

async function desktopFile(name: 'stays:export' | 'audit:export', input: Record<string, unknown>, file: string): Promise<string> {
  const session = name === 'audit:export' ? await api.session('admin') : sam;
  const answer = createHostRequestHandler({ core: api.t.core });
  const path = join(api.t.database.dir, file);
  const result = await answer({ kind: 'export', id: 1, name, input: { delimiter: ',', bom: false, ...input }, token: session.token, file: path });
  expect(result).toMatchObject({ ok: true, value: { path } });
  return readFileSync(path, 'utf8');
}

const golden = (file: string) => join(__dirname, 'golden', file);

// In order: each export is audited, so the audit log's exports below include the ones above.
describe('the CSV exports, byte for byte', () => {
  it('GET /bookings/export/csv (seed 000), plain and with ; + BOM + dates', async () => {
    const plain = await download('/bookings/export/csv');
    expect(plain.disposition).toBe('attachment; filename="stays-2026-05-01.csv"');
    await expect(plain.text).toMatchFileSnapshot(golden('seed-plain.csv'));
    const options = await download('/bookings/export/csv?delimiter=;&bom=true&from=2026-05-05&to=2026-05-15');
    await expect(options.text).toMatchFileSnapshot(golden('seed-semicolon-bom-dates.csv'));
  });

  it('GET /api/v1/exports/stays.csv with status, room and BOM', async () => {
    const all = await download('/api/v1/exports/stays.csv?bom=true');
    expect(all.disposition).toBe('attachment; filename="stays-2026-05-01.csv"');
    await expect(all.text).toMatchFileSnapshot(golden('stays-bom.csv'));
    await expect((await download('/api/v1/exports/stays.csv?status=cancelled')).text).toMatchFileSnapshot(golden('stays-cancelled.csv'));
    await expect((await download('/api/v1/exports/stays.csv?delimiter=;&roomId=2&from=2026-05-01')).text).toMatchFileSnapshot(golden('stays-room2-semicolon.csv'));
  });

  it('the desktop file of stays:export', async () => {
    await expect(await desktopFile('stays:export', { delimiter: ';', bom: true, status: 'booked' }, 'stays.csv')).toMatchFileSnapshot(golden('stays-file.csv'));
  });

  it('GET /api/v1/exports/audit.csv, plain and filtered with ; + BOM', async () => {
    const all = await download('/api/v1/exports/audit.csv', 'admin');
    expect(all.disposition).toBe('attachment; filename="audit-2026-05-01.csv"');
    await expect(all.text).toMatchFileSnapshot(golden('audit-plain.csv'));
    const filtered = await download('/api/v1/exports/audit.csv?delimiter=;&bom=true&entity=stays&from=2026-05-01&to=2026-05-01', 'admin');
    await expect(filtered.text).toMatchFileSnapshot(golden('audit-stays-semicolon-bom.csv'));
  });

  it('the desktop file of audit:export', async () => {
    await expect(await desktopFile('audit:export', { action: 'stays:create' }, 'audit.csv')).toMatchFileSnapshot(golden('audit-file.csv'));
    await expect(await desktopFile('audit:export', {}, 'audit-all.csv')).toMatchFileSnapshot(golden('audit-file-all.csv'));
  });
});
