/**
 * An export whose worker dies part-way never looks complete (issue 22 §5). The worker is stopped in
 * the middle of a 20 000-row stays export (as when it reaches its heap cap), through both doors:
 *
 * - the HTTP download: the response is cut off without the chunked transfer's last chunk, so a
 *   client's read fails instead of ending on a short file;
 * - the desk's file (the host request behind the save dialog): the partial `.part` file is removed,
 *   nothing appears under the chosen name, and the refusal names the file (`export.notSaved`, which
 *   the renderer says in the user's language); the worker's own reason goes to the log.
 *
 * The worker is found through the channel it is announced on (`exportWorkerChannel`).
 */
import { execFileSync } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_INCOMPLETE, exportWorkerChannel, type ExportWorkerMessage } from '../../../core/export/export-thread';
import { createHostRequestHandler } from '../../../electron/host-requests';
import { startTestHost, type TestHost } from '../../support/test-host';

const ROWS = 20_000;
let th: TestHost;

beforeAll(async () => {
  th = await startTestHost();
  expect((await th.json('POST', '/api/v1/rooms', { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 })).status).toBe(201);
  await th.host.core.deps.db.run(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
    SELECT 1, 'Standard single room', 'Bulk ' || i, 1, '2030-01-01T14:00:00+01:00', '2030-01-02T12:00:00+01:00', i, i + 1, 1, 'cancelled', 0, 'test', 0, 0 FROM n`);
});
afterAll(async () => await th.close());

/** The worker of the next export to start. */
function nextExportWorker(): Promise<Worker> {
  return new Promise((resolve) => {
    const onStart = (message: unknown) => {
      exportWorkerChannel.unsubscribe(onStart);
      resolve((message as { worker: Worker }).worker);
    };
    exportWorkerChannel.subscribe(onStart);
  });
}

/**
 * Stops the next export's worker once it has posted its first rows. It may post only its
 * window (a few pieces) ahead of what the download has taken, so the export is far from its end.
 */
async function killAfterFirstRows(): Promise<void> {
  const worker = await nextExportWorker();
  let chunks = 0;
  worker.on('message', (m: ExportWorkerMessage) => {
    // The second chunk of rows: the header and the first rows are on their way to the client by then.
    if (m.type === 'chunk' && m.rows > 0 && ++chunks === 2) void worker.terminate();
  });
}

/** The raw bytes of a signed-in GET, read until the server closes the connection. */
function rawGet(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(th.host.port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: desk\r\nAuthorization: Bearer ${th.token}\r\nConnection: close\r\n\r\n`),
    );
    const parts: Buffer[] = [];
    socket.on('data', (d: Buffer) => parts.push(d));
    socket.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    socket.on('error', reject);
  });
}

describe('an export whose worker is stopped mid-stream', () => {
  it('cuts the HTTP download off without the last chunk, so the client sees an error, not a short file', async () => {
    const killed = killAfterFirstRows();
    const res = await th.fetch('/api/v1/exports/stays.csv');
    expect(res.status).toBe(200);
    await killed;
    await expect(res.arrayBuffer()).rejects.toThrow();

    void killAfterFirstRows();
    const raw = await rawGet('/api/v1/exports/stays.csv');
    const [head, body] = [raw.slice(0, raw.indexOf('\r\n\r\n')), raw.slice(raw.indexOf('\r\n\r\n') + 4)];
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head.toLowerCase()).toContain('transfer-encoding: chunked');
    expect(body.length).toBeGreaterThan(0);
    expect(body.endsWith('\r\n0\r\n\r\n')).toBe(false);
    expect(body.split('\n').length).toBeLessThan(ROWS / 2);

    // The host goes on serving, and the next download is whole.
    const again = await th.fetch('/api/v1/exports/stays.csv');
    expect((await again.text()).trimEnd().split('\r\n')).toHaveLength(ROWS + 1);
  });

  it('removes the desk’s partial file and says the file was not saved; the worker’s reason goes to the log', async () => {
    const logError = vi.fn();
    const answer = createHostRequestHandler({ core: th.host.core }, logError);
    const target = join(th.dir, 'stays.csv');
    // The `.part` file the worker writes is a pipe the test reads: the worker can get no further
    // than the pipe holds (64 KB), so it is stopped with the export far from its end.
    const part = `${target}.part`;
    execFileSync('mkfifo', [part]);
    const pipe = await open(part, constants.O_RDONLY | constants.O_NONBLOCK);
    const started = nextExportWorker();
    const result = answer({ kind: 'export', id: 1, name: 'stays:export', input: {}, token: th.token, file: target });
    const worker = await started;

    let received = 0;
    const buffer = Buffer.alloc(64 * 1024);
    /** What the pipe holds now (0 when empty); -1 once every writer has closed it. */
    const drain = async (): Promise<number> => {
      try {
        const { bytesRead } = await pipe.read(buffer, 0, buffer.length, null);
        received += bytesRead;
        return bytesRead === 0 ? -1 : bytesRead;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return 0;
        throw e;
      }
    };
    await vi.waitFor(async () => expect(await drain()).toBeGreaterThan(0), { timeout: 15_000, interval: 5 });
    const stopped = worker.terminate();
    // The worker may be blocked writing to the full pipe: it stops once that write is through.
    await vi.waitFor(async () => expect(await drain()).toBe(-1), { timeout: 15_000, interval: 5 });
    await stopped;
    await pipe.close();

    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(1_000_000); // far from the whole export (~1.9 MB)
    expect(await result).toEqual({
      kind: 'result',
      id: 1,
      ok: false,
      error: { code: 'INTERNAL', message: `${EXPORT_INCOMPLETE}: stays.csv was not saved`, reason: 'export.notSaved', params: { file: 'stays.csv' } },
    });
    expect(existsSync(part)).toBe(false);
    expect(existsSync(target)).toBe(false);
    const logged = logError.mock.calls[0]![1] as Error;
    expect(logError).toHaveBeenCalledWith('export stays:export', expect.anything());
    expect(String((logged.cause as Error).cause)).toMatch(/export worker \(thread \d+, export deskStays; heap cap: .*\): stopped before the end \(exit code 1\)/);

    // The next export to the same name is written whole.
    const next = await answer({ kind: 'export', id: 2, name: 'stays:export', input: {}, token: th.token, file: target });
    expect(next).toMatchObject({ ok: true, value: { path: target, rows: ROWS } });
  });
});
