import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, type CommandDef } from '../../../shared/contract/commands';
import { aRoom, aStay } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx, deskCtx } from '../../support/test-core';

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi();
  const h = api.t.core.handlers;
  await h['rooms:create'](aRoom({ number: 101, category: 'Standard single room' }), adminCtx);
  await h['stays:create'](aStay({ roomId: 1, guestName: 'Hansen, Mette' }), deskCtx);
  await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-10', checkout: '2026-05-12', guestName: '=HYPERLINK("x")' }), deskCtx);
  await h['stays:cancel']({ id: 2 }, deskCtx);
});
afterEach(async () => await api.close());

const rows = (text: string, delimiter = ',') => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: true }).data;

describe('CSV downloads', () => {
  it('GET /bookings/export/csv (seed 000) → a CSV download with the seed columns first', async () => {
    const res = await api.raw({ method: 'GET', url: '/bookings/export/csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // The test clock is 2026-05-01 10:00 in Copenhagen.
    expect(res.headers['content-disposition']).toBe('attachment; filename="stays-2026-05-01.csv"');
    const [header, first, second] = rows(res.text);
    expect(header!.slice(0, 6)).toEqual(['id', 'roomnumber', 'category', 'isbooking', 'checkin', 'checkout']);
    expect(first!.slice(0, 6)).toEqual(['1', '101', 'Standard single room', '1', '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00']);
    expect(first![7]).toBe('Hansen, Mette');
    expect(second![3]).toBe('0');
    expect(second![7]).toBe(`'=HYPERLINK("x")`);
  });

  it('GET /api/v1/exports/stays.csv takes delimiter, BOM and filters from the query', async () => {
    const res = await api.raw({ method: 'GET', url: '/api/v1/exports/stays.csv?delimiter=;&bom=true&status=cancelled&lang=en' });
    expect(res.status).toBe(200);
    expect(res.text.startsWith('\ufeffStay;Room;')).toBe(true);
    const data = rows(res.text, ';');
    expect(data).toHaveLength(2);
    expect(data[1]![3]).toBe('Cancelled');
    // Without `lang`, the hotel's language (Danish by default).
    const danish = rows((await api.raw({ method: 'GET', url: '/api/v1/exports/stays.csv?status=cancelled' })).text);
    expect(danish[0]!.slice(0, 4)).toEqual(['Ophold', 'Værelse', 'Kategori', 'Status']);
    expect(danish[1]![3]).toBe('Annulleret');
  });

  it('refuses a bad filter with a JSON 400 before any CSV is sent', async () => {
    const res = await api.raw({ method: 'GET', url: '/api/v1/exports/stays.csv?delimiter=|' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/^delimiter: /) });
    expect((await api.raw({ method: 'GET', url: '/bookings/export/csv?from=yesterday' })).status).toBe(400);
    const backwards = await api.raw({ method: 'GET', url: '/bookings/export/csv?from=2026-06-01&to=2026-06-01' });
    expect(backwards).toMatchObject({ status: 400, body: { error: 'to (2026-06-01) must be after from (2026-06-01)' } });
  });
});

describe('CSV routes in OpenAPI', () => {
  interface Op {
    responses: Record<string, { content?: Record<string, { schema: { type?: string; properties?: Record<string, unknown> } }>; headers?: Record<string, { schema: { type: string } }> }>;
  }

  it('documents every export command: 200 text/csv with a Content-Disposition header, the {"error"} body for 400/401/403/429', async () => {
    const doc = (await api.get<{ paths: Record<string, { get?: Op }> }>('/docs/json')).body;
    const exportCommands = Object.values(commands as Record<string, CommandDef>).filter((def) => def.export);
    expect(exportCommands.length).toBeGreaterThanOrEqual(3);
    for (const def of exportCommands) {
      const op = doc.paths[def.http.path]?.get;
      expect(op, def.http.path).toBeDefined();
      expect(op!.responses['200']!.content!['text/csv']!.schema.type).toBe('string');
      expect(op!.responses['200']!.headers!['Content-Disposition']!.schema.type).toBe('string');
      for (const status of ['400', '401', '403', '429']) {
        expect(Object.keys(op!.responses[status]!.content!['application/json']!.schema.properties ?? {}), `${def.http.path} ${status}`).toEqual(['error']);
      }
    }
  });
});
