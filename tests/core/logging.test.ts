/**
 * The host's log (issue 8 §6): a real host logging to its data folder; real requests over a real
 * socket — a sign-in with a password, calls with the bearer token, Socket.IO's handshake with the
 * token in the query, the SMTP password set — then the log files are read: JSON lines, one request
 * id per request (returned as X-Request-Id), and none of those secrets anywhere in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE_BASE, redactUrl, REDACTED } from '../../core/logging';
import { signIn, TEST_PASSWORD } from '../support/sessions';
import { startTestHost, type TestHost } from '../support/test-host';

const SMTP_PASSWORD = 'Smtp-Logged-Never-8812';

let th: TestHost | undefined;
afterEach(async () => {
  await th?.close();
  th = undefined;
});

interface LogLine {
  level: number;
  time: string;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

function logText(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${LOG_FILE_BASE}.`) && f.endsWith('.log'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

describe('the host log', () => {
  it('writes JSON lines with one request id per request, and never a password, token or SMTP password', async () => {
    th = await startTestHost({ log: { level: 'info' } });
    const logDir = th.host.logDir!;
    expect(logDir).toBe(join(th.dir, 'logs'));
    const staff = await signIn(th.host.core, 'staff', { username: 'eva.logged' });

    // A sign-in with a password over HTTP, then the token as a bearer, a cookie and a query parameter.
    const login = await fetch(`${th.host.url}/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `session=${th.token}` },
      body: JSON.stringify({ username: 'eva.logged', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const token = ((await login.json()) as { access_token: string }).access_token;
    const loginId = login.headers.get('x-request-id');
    expect(loginId).toMatch(/^[0-9a-f-]{36}$/);
    const wrong = await fetch(`${th.host.url}/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'eva.logged', password: 'Wrong-Password-Logged-1' }),
    });
    expect(wrong.status).toBe(401);
    const board = await fetch(`${th.host.url}/api/v1/rooms?token=${token}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'desk-7.call-42' } });
    expect(board.status).toBe(200);
    expect(board.headers.get('x-request-id')).toBe('desk-7.call-42');
    const settings = await th.json('PATCH', '/api/v1/settings', { smtpPassword: SMTP_PASSWORD });
    expect(settings.status).toBe(200);
    const socket = connect(th.host.url, { transports: ['polling'], query: { token: staff.token }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.disconnect();
    // An answer with a request id of its own for a junk id, too.
    const junk = await fetch(`${th.host.url}/health`, { headers: { 'x-request-id': 'a b\tc' } });
    expect(junk.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await th.host.close(); // flushes the log; the folder goes with th.close() after the test
    const text = logText(logDir);
    for (const secret of [TEST_PASSWORD, 'Wrong-Password-Logged-1', token, staff.token, SMTP_PASSWORD]) expect(text).not.toContain(secret);
    // The signed token's signature alone is not there either.
    expect(text).not.toContain(token.split('.')[2]!);

    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as LogLine);
    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed.find((l) => l.reqId === loginId)).toMatchObject({ res: { statusCode: 200 } });
    const incoming = lines.filter((l) => l.msg === 'incoming request');
    expect(incoming.find((l) => l.reqId === loginId)).toMatchObject({ req: { method: 'POST', url: '/login/' } });
    expect(incoming.find((l) => l.reqId === 'desk-7.call-42')).toMatchObject({ req: { url: `/api/v1/rooms?token=${REDACTED}` } });
    expect(lines.some((l) => l.req?.url.startsWith('/socket.io/'))).toBe(false); // Socket.IO's own requests are not Fastify's
    // One id per request: each id's lines are one incoming and one completed.
    const ids = new Set(incoming.map((l) => l.reqId));
    expect(ids.size).toBe(incoming.length);
    for (const l of lines) expect(typeof l.time).toBe('string');
  });

  it('logs at the level asked: warn leaves the requests out', async () => {
    th = await startTestHost({ log: { level: 'warn' } });
    expect((await th.fetch('/api/v1/rooms')).status).toBe(200);
    const logDir = th.host.logDir!;
    await th.host.close();
    const text = logText(logDir);
    expect(text).not.toContain('request completed');
    expect(text).toBe('');
  });

  it('redacts secret-looking query values before a URL is logged', () => {
    expect(redactUrl('/socket.io/?EIO=4&transport=polling&token=abc.def')).toBe(`/socket.io/?EIO=4&transport=polling&token=${REDACTED}`);
    expect(redactUrl('/x?access_token=1&password=2&api%5Fkey=3&page=2')).toBe(`/x?access_token=${REDACTED}&password=${REDACTED}&api%5Fkey=${REDACTED}&page=2`);
    expect(redactUrl('/plain')).toBe('/plain');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=1');
  });
});
