/**
 * The import center over the API, on a real socket (issue 17 §3): `POST /api/v1/imports/:kind`
 * with a dry run and for real, admin only, its refusals as `{"error"}` 4xx with the reason header,
 * and nothing written by any refused or dry request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Session } from '../../support/sessions';
import { startTestHost, type TestHost } from '../../support/test-host';

let th: TestHost;
let staff: Session;

beforeAll(async () => {
  th = await startTestHost();
  staff = await signIn(th.host.core, 'staff');
});
afterAll(async () => await th.close());

const ROOMS = 'Værelse;Kategori;Pladser;Pris;Etage\n401;Dobbeltværelse;2;1125,00;4\n402;Suite;x;2500;4\n';
const roomNumbers = async () => ((await (await th.json('GET', '/api/v1/rooms')).json()) as { number: number }[]).map((r) => r.number);

describe('POST /api/v1/imports/:kind', () => {
  it('dry run → 200 with each bad row\'s line, column and reason, and nothing written', async () => {
    const res = await th.json('POST', '/api/v1/imports/guestRooms', { csv: ROOMS, dryRun: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { committed: boolean; rows: number; failed: number; errors: { row: number; column: string; reason: string; message: string }[] };
    expect(body).toMatchObject({ committed: false, rows: 2, failed: 1 });
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, column: 'Pladser', reason: 'imports.badNumber', message: 'Row 3, Pladser: "x" is not a valid integer' })]);
    expect(await roomNumbers()).toEqual([]);
  });

  it('takes ?dryRun=true from the query string (it wins over the body), and refuses ?dryRun=maybe with 400', async () => {
    const viaQuery = await th.json('POST', '/api/v1/imports/guestRooms?dryRun=true', { csv: ROOMS, mode: 'validOnly' });
    expect(viaQuery.status).toBe(200);
    expect(await viaQuery.json()).toMatchObject({ committed: false, rows: 2, failed: 1 });
    const overBody = await th.json('POST', '/api/v1/imports/guestRooms?dryRun=1', { csv: ROOMS, mode: 'validOnly', dryRun: false });
    expect(await overBody.json()).toMatchObject({ committed: false });
    expect((await th.json('POST', '/api/v1/imports/guestRooms?dryRun=maybe', { csv: ROOMS })).status).toBe(400);
    expect(await roomNumbers()).toEqual([]);
  });

  it('imports only the valid rows when asked, and the same file again changes nothing', async () => {
    const first = (await (await th.json('POST', '/api/v1/imports/guestRooms', { csv: ROOMS, mode: 'validOnly' })).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ committed: true, created: 1, failed: 1 });
    const again = (await (await th.json('POST', '/api/v1/imports/guestRooms', { csv: ROOMS, mode: 'validOnly' })).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ committed: true, created: 0, unchanged: 1, failed: 1 });
    expect(await roomNumbers()).toEqual([401]);
  });

  it('refuses staff (403), an unknown kind and a file that is not CSV (400), and a body over the limit (413)', async () => {
    expect((await th.json('POST', '/api/v1/imports/guestRooms', { csv: ROOMS }, staff.token)).status).toBe(403);
    expect((await th.json('POST', '/api/v1/imports/planets', { csv: ROOMS })).status).toBe(400);
    const notCsv = await th.json('POST', '/api/v1/imports/guestRooms', { csv: '\u0000PK\u0003\u0004' });
    expect(notCsv.status).toBe(400);
    const missing = await th.json('POST', '/api/v1/imports/guestRooms', { csv: 'Værelse;Kategori\n1;Suite\n' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'The file has no column for "capacity"' });
    expect(missing.headers.get('x-frontdesk-reason')).toBe('imports.missingColumn');
    const huge = await th.json('POST', '/api/v1/imports/stays', { csv: 'a'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await roomNumbers()).toEqual([401]);
  });
});
