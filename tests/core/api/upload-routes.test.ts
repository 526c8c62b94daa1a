/**
 * The import center's streamed upload, on a real socket (issue 17 §3): `POST
 * /api/v1/imports/{kind}/file` takes the CSV file as its body (`text/csv`), past the API's 1 MiB JSON
 * limit, with the options in the query string; every refusal is a clear 4xx and writes nothing: a
 * file over 64 MiB (declared or streamed: 413, the client reads the answer), a row of 1 MB, a body
 * that is not CSV (415 by its type, 400 by its bytes), a caller who is not an admin (403, before a
 * byte is read). And an import is cancelled midway from its progress events on the live feed: its
 * request answers 400 and nothing is written.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract/imports';
import { openSignedInLiveSocket } from '../../support/live-client';
import { signIn, type Session } from '../../support/sessions';
import { startTestHost, type TestHost } from '../../support/test-host';

let th: TestHost;
let staff: Session;

beforeAll(async () => {
  th = await startTestHost();
  staff = await signIn(th.host.core, 'staff');
  for (let r = 0; r < 20; r++) {
    const res = await th.json('POST', '/api/v1/rooms', { number: 100 + r, category: 'Dobbeltværelse', capacity: 2, nightlyRate: 100_000, floor: 1 });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => await th.close());

const count = async (table: string) => Number((await th.host.core.deps.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);
const dk = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;

/** `rows` two-night stays over the 20 rooms, back to back from January `years` ahead, as a Danish CSV. */
function staysCsv(rows: number, extra: (i: number) => string = () => '', years = 1): string {
  const first = Date.UTC(new Date().getUTCFullYear() + years, 0, 4);
  let text = 'Værelse;Ankomst;Afrejse;Gæst;Personer;Noter\r\n';
  for (let i = 0; i < rows; i++) {
    const from = new Date(first + Math.floor(i / 20) * 2 * 86_400_000);
    const to = new Date(from.getTime() + 2 * 86_400_000);
    text += `${100 + (i % 20)};${dk(from)};${dk(to)};Gæst ${i};2;${extra(i)}\r\n`;
  }
  return text;
}

const upload = (path: string, body: string | Uint8Array, type = 'text/csv; charset=utf-8', token = th.token) =>
  fetch(`${th.host.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

/** Sends `bytes` of CSV-looking text, chunked or with a declared length, reading the answer as soon as it comes. */
function streamUpload(bytes: number, declare: boolean): Promise<{ status: number; body: string }> {
  const url = new URL(`${th.host.url}/api/v1/imports/stays/file`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${th.token}`, 'content-type': 'text/csv', ...(declare ? { 'content-length': String(bytes) } : {}) },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close once it has answered: what is still being written then is dropped.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    let answered = false;
    req.on('response', () => (answered = true));
    const chunk = Buffer.from(`${'x;'.repeat(32 * 1024 - 1)}\n`.repeat(16));
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !answered) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('POST /api/v1/imports/:kind/file (a streamed CSV body)', () => {
  it('imports a file past the 1 MiB JSON limit: a dry run first, then for real, options in the query string', async () => {
    // 1 400 stays with a long note each: ~2.2 MB, twice what a JSON body may carry.
    const csv = staysCsv(1_400, (i) => `Note ${i} ${'æ'.repeat(780)}`);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);
    const dry = await upload('/api/v1/imports/stays/file?dryRun=true&mode=allOrNothing', csv);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ kind: 'stays', dryRun: true, committed: false, rows: 1_400, created: 0, unchanged: 0, failed: 0, encoding: 'utf-8', delimiter: ';' });
    expect(await count('stays')).toBe(0);
    const real = await upload(`/api/v1/imports/stays/file?mapping=${encodeURIComponent('{"guestName":"Gæst"}')}`, csv);
    expect(await real.json()).toMatchObject({ committed: true, created: 1_400, mapping: expect.objectContaining({ guestName: 'Gæst', room: 'Værelse' }) });
    expect(await count('stays')).toBe(1_400);
    // The same file again changes nothing.
    expect(await (await upload('/api/v1/imports/stays/file', csv)).json()).toMatchObject({ committed: true, created: 0, unchanged: 1_400 });
    expect(await count('stays')).toBe(1_400);
  });

  it('refuses a file over 64 MiB with 413, declared (200 MB) or found while streaming, and writes nothing', async () => {
    const before = await count('stays');
    const declared = await streamUpload(200 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: `The file is larger than ${MAX_IMPORT_FILE_BYTES} bytes (64 MiB)` });
    const streamed = await streamUpload(MAX_IMPORT_FILE_BYTES + 1024 * 1024, false);
    expect(streamed.status).toBe(413);
    expect(await count('stays')).toBe(before);
    // The host keeps serving.
    expect((await th.json('GET', '/api/v1/rooms')).status).toBe(200);
  });

  it('refuses a row of 1 MB, a body that is not CSV, bad options and a caller who is not an admin, writing nothing', async () => {
    const before = await count('stays');
    const longRow = await upload('/api/v1/imports/stays/file', `${staysCsv(3)}100;${'x'.repeat(1024 * 1024)}\r\n`);
    expect(longRow.status).toBe(400);
    expect(await longRow.json()).toEqual({ error: 'Row 5 is longer than 100000 characters' });
    expect(longRow.headers.get('x-frontdesk-reason')).toBe('imports.rowTooLong');
    const pdf = await upload('/api/v1/imports/stays/file', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x0a]), 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toEqual({ error: 'Send the file as the body with Content-Type: text/csv' });
    const binary = await upload('/api/v1/imports/stays/file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a]));
    expect(binary.status).toBe(400);
    expect(binary.headers.get('x-frontdesk-reason')).toBe('imports.notCsv');
    expect((await upload('/api/v1/imports/stays/file?dryRun=maybe', staysCsv(1))).status).toBe(400);
    expect((await upload('/api/v1/imports/stays/file?mapping=%7Bnot-json', staysCsv(1))).status).toBe(400);
    expect((await upload('/api/v1/imports/planets/file', staysCsv(1))).status).toBe(400);
    expect((await upload('/api/v1/imports/stays/file', staysCsv(1), 'text/csv', staff.token)).status).toBe(403);
    expect(await count('stays')).toBe(before);
  });
});

describe('cancelling an import midway', () => {
  it('a cancel seen in the progress events stops the import: its request answers 400 and nothing is written', async () => {
    const stays = await count('stays');
    const outbox = await count('outbox');
    const audit = await count('audit_log');
    const feed = await openSignedInLiveSocket(th.host.url, th.token);
    try {
      // Clear of the stays imported above: from four years ahead.
      const csv = staysCsv(20_000, () => '', 4);
      const running = upload('/api/v1/imports/stays/file?jobId=cancel-me-01', csv);
      // The first progress after some rows have gone into the import's transaction.
      let progress = await feed.next('import.progress');
      while (progress.type === 'import.progress' && progress.progress.created < 500) progress = await feed.next('import.progress');
      expect(progress).toMatchObject({ type: 'import.progress', jobId: 'cancel-me-01', progress: { phase: 'checking', totalBytes: Buffer.byteLength(csv) } });
      const cancel = await th.json('POST', '/api/v1/imports/jobs/cancel-me-01/cancel');
      expect(await cancel.json()).toEqual({ cancelled: true });
      const answer = await running;
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ error: 'The import was cancelled: nothing was written' });
      expect(answer.headers.get('x-frontdesk-reason')).toBe('imports.cancelled');
    } finally {
      feed.ws.close();
    }
    expect(await count('stays')).toBe(stays);
    expect(await count('outbox')).toBe(outbox);
    expect(await count('audit_log')).toBe(audit);
    // Nothing under way any more by that id; a job of another user's name is not this caller's.
    expect(await (await th.json('POST', '/api/v1/imports/jobs/cancel-me-01/cancel')).json()).toEqual({ cancelled: false });
  });
});
