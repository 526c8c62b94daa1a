/**
 * The benchmarks' load client (bench/support/load-client-process.ts), paced as a desk's reads
 * (`mix: 'rooms'`, benchmark 16 and bench/ab/import-start-ab.ts): one `GET /api/v1/rooms` every
 * interval with the bearer token, each read's sending time and latency returned when asked
 * (`trace`), and any answer but a 200 counted as a failure. Against a real node:http server on a
 * real socket, the client in its own process as the benchmarks run it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild, type BenchChild } from '../../../bench/support/child-process';
import { BENCH_DIR } from '../../../bench/support/hotel-dataset';
import type { LatencySummary } from '../../../bench/support/load-client-process';
import type { TracedRequest } from '../../../bench/support/tail-bursts';

type Done = LatencySummary & { traced?: TracedRequest[] };

let server: Server;
let origin: string;
let client: BenchChild;
const seen: { url: string; authorization: string | undefined }[] = [];
/** The status the server answers with from now on. */
let status = 200;

beforeEach(async () => {
  seen.length = 0;
  status = 200;
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(status, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  await client.next('ready');
});

afterEach(async () => {
  await client.stop();
  await new Promise((resolve) => server.close(resolve));
});

const reads = (trace: boolean) => ({ type: 'paced:start', origin, token: 'tok-1', intervalMs: 20, rooms: [], fromDate: '', days: 0, seed: 0, mix: 'rooms', trace });

describe('the load client, paced as a desk reads the room list', () => {
  it('sends GET /api/v1/rooms with the token at its pace and returns each read with when it was sent', async () => {
    const before = Date.now();
    await client.ask(reads(true), 'paced:started');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const done = await client.ask<Done>({ type: 'paced:stop' }, 'paced:done');
    const after = Date.now();
    expect(done.failures).toBe(0);
    expect(done.requests).toBeGreaterThanOrEqual(5);
    expect(done.statuses).toEqual({ 200: done.requests });
    expect(seen.length).toBe(done.requests);
    expect(seen.every((r) => r.url === '/api/v1/rooms' && r.authorization === 'Bearer tok-1')).toBe(true);
    expect(done.traced).toHaveLength(done.requests);
    for (const [sentAt, ms] of done.traced!) {
      expect(sentAt).toBeGreaterThanOrEqual(before - 5);
      expect(sentAt + ms).toBeLessThanOrEqual(after + 5);
    }
    const sent = done.traced!.map(([at]) => at);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('counts an answer other than 200 as a failure, and returns no trace unless asked', async () => {
    status = 503;
    await client.ask(reads(false), 'paced:started');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const done = await client.ask<Done>({ type: 'paced:stop' }, 'paced:done');
    expect(done.requests).toBeGreaterThan(0);
    expect(done.failures).toBe(done.requests);
    expect(done.failureSamples[0]).toMatch(/^503 /);
    expect(done.traced).toBeUndefined();
  });
});
