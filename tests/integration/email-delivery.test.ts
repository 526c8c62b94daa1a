/**
 * E-mail through the outbox (issue 8 §5), against a real SMTP server started here (smtp-server on
 * 127.0.0.1): the SMTP settings are set over the REST API (the password write-only), a message of
 * target `email` arrives with its recipient, subject, sender and the idempotency key as Message-ID;
 * unconfigured → it waits; SMTP down → pending, then delivered once when it is up; a permanent
 * refusal (5xx) dead-letters, a temporary one (4xx) is retried. The worker is driven by `tick()` with
 * an injected clock that jumps past every backoff.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commit } from '../../core/commit';
import { BACKOFF_CAP_MS } from '../../core/outbox/backoff';
import { messageIdOf } from '../../core/outbox/deliver-email';
import { createOutboxWorker, type OutboxWorker } from '../../core/outbox/outbox-worker';
import type { Settings } from '../../shared/contract/settings';
import { closedPortUrl } from '../support/billing-stub';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { startTestHost, type TestHost } from '../support/test-host';

const SMTP_PASSWORD = 'Smtp-Relay-Secret-4471';

interface OutboxRow {
  id: number;
  status: string;
  attempts: number;
  key: string;
  lastError: string | null;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  let now = Date.parse('2026-05-01T08:00:00Z');
  const th: TestHost = await startTestHost({ clock: () => now, settings: { sessionHours: 720, billingServiceUrl: '' } });
  cleanups.push(() => th.close());
  const workerErrors: unknown[] = [];
  const worker: OutboxWorker = createOutboxWorker({
    db: th.host.core.deps.db,
    clock: () => now,
    getSettings: () => th.host.core.settings.get(),
    getSmtpPassword: () => th.host.core.settings.smtpPassword(),
    events: th.host.core.deps.events,
    random: () => 0.999_999,
    timeoutMs: 5_000,
    onError: (e) => workerErrors.push(e),
  });
  cleanups.push(() => worker.stop());
  const db = th.host.core.deps.db;
  return {
    th,
    workerErrors,
    tick: async () => {
      now += BACKOFF_CAP_MS;
      return worker.tick();
    },
    rows: async () => await db.all<OutboxRow>(`SELECT id, status, attempts, idempotency_key AS key, last_error AS "lastError" FROM outbox WHERE target = 'email' ORDER BY id`),
    /** Enqueues an e-mail as a domain does: inside `commit()`. */
    enqueue: (aggregate: string, payload: unknown) =>
      commit(th.host.core.deps, (c) => c.enqueue({ target: 'email', topic: 'email.test', aggregate, path: '', payload })),
    configure: async (patch: Record<string, unknown>) => {
      const res = await th.json('PATCH', '/api/v1/settings', patch);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      return { settings: JSON.parse(text) as Settings, text };
    },
  };
}

async function smtp(options: Parameters<typeof startSmtpReceiver>[0] = {}): Promise<SmtpReceiver> {
  const receiver = await startSmtpReceiver(options);
  cleanups.push(() => receiver.close());
  return receiver;
}

const confirmation = { to: 'guest@example.test', subject: 'Bekræftelse: spa 14:30', text: 'Vi glæder os til at se dig kl. 14:30.' };

describe('e-mail delivery by SMTP', () => {
  it('waits, pending, while SMTP is not configured; then arrives with its recipient, subject, sender and Message-ID', async () => {
    const s = await setup();
    const receiver = await smtp({ auth: { user: 'desk', pass: SMTP_PASSWORD } });
    await s.enqueue('appointment:1', confirmation);
    expect(await s.tick()).toBe(0);
    expect(await s.rows()).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);

    const { settings, text } = await s.configure({
      smtpHost: '127.0.0.1', smtpPort: receiver.port, smtpTls: 'none', smtpUser: 'desk', smtpPassword: SMTP_PASSWORD, smtpFrom: 'desk@hotel.example', hotelName: 'Hotel Nordlys',
    });
    // Write-only: the answer says a password is set, never what it is.
    expect(settings).toMatchObject({ smtpHost: '127.0.0.1', smtpPort: receiver.port, smtpTls: 'none', smtpUser: 'desk', smtpPasswordSet: true, smtpFrom: 'desk@hotel.example' });
    expect(text).not.toContain(SMTP_PASSWORD);
    expect(await (await s.th.fetch('/api/v1/settings')).text()).not.toContain(SMTP_PASSWORD);
    const audit = await s.th.host.core.deps.db.all<{ detail: string }>('SELECT detail FROM audit_log');
    expect(audit.map((a) => a.detail).join('\n')).not.toContain(SMTP_PASSWORD);

    expect(await s.tick()).toBe(1);
    const [row] = await s.rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(receiver.logins).toEqual([{ user: 'desk', pass: SMTP_PASSWORD }]);
    expect(receiver.mails).toHaveLength(1);
    const mail = receiver.mails[0]!;
    expect(mail.to).toEqual(['guest@example.test']);
    expect(mail.from).toBe('desk@hotel.example');
    expect(mail.headers.get('to')).toBe('guest@example.test');
    expect(mail.headers.get('from')).toBe('Hotel Nordlys <desk@hotel.example>');
    expect(mail.headers.get('message-id')).toBe(messageIdOf(row!.key));
    expect(mail.headers.get('x-frontdesk-sequence')).toBe('1');
    // The subject is encoded (it has æ); decoded, it is the one enqueued.
    expect(decodeMimeWords(mail.headers.get('subject')!)).toBe(confirmation.subject);
    expect(s.workerErrors).toEqual([]);
  });

  it('SMTP down → pending with the error, then delivered exactly once when it is up', async () => {
    const s = await setup();
    const port = Number(new URL(await closedPortUrl()).port);
    await s.configure({ smtpHost: '127.0.0.1', smtpPort: port, smtpTls: 'none', smtpFrom: 'desk@hotel.example' });
    await s.enqueue('appointment:1', confirmation);
    await s.enqueue('appointment:2', { ...confirmation, to: 'other@example.test', subject: 'Reminder' });
    for (let i = 0; i < 3; i++) await s.tick();
    const down = await s.rows();
    expect(down.map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 3],
      ['pending', 3],
    ]);
    expect(down[0]!.lastError).toMatch(/^SMTP ESOCKET: connect ECONNREFUSED/);

    const receiver = await smtp({ port });
    while ((await s.rows()).some((r) => r.status === 'pending')) await s.tick();
    for (let i = 0; i < 3; i++) await s.tick(); // nothing more is sent
    expect((await s.rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(receiver.mails.map((m) => m.to[0]).sort()).toEqual(['guest@example.test', 'other@example.test']);
    expect(s.workerErrors).toEqual([]);
  });

  it('a permanent refusal (550) dead-letters at once; a temporary one (451) is retried, then delivered', async () => {
    const s = await setup();
    let busy = true;
    const receiver = await smtp({
      refuseRecipient: (address) =>
        address.startsWith('nobody@') ? { code: 550, message: 'No such user here' } : address.startsWith('busy@') && busy ? { code: 451, message: 'Try again later' } : null,
    });
    await s.configure({ smtpHost: '127.0.0.1', smtpPort: receiver.port, smtpTls: 'none', smtpFrom: 'desk@hotel.example' });
    await s.enqueue('appointment:1', { ...confirmation, to: 'nobody@example.test' });
    await s.enqueue('appointment:2', { ...confirmation, to: 'busy@example.test' });
    await s.tick();
    let rows = await s.rows();
    expect(rows[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringMatching(/^SMTP 550/) });
    expect(rows[1]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/^SMTP 451/) });
    busy = false;
    await s.tick();
    rows = await s.rows();
    expect(rows.map((r) => r.status)).toEqual(['dead', 'sent']);
    expect(receiver.mails.map((m) => m.to)).toEqual([['busy@example.test']]);
  });

  it('a payload that is no e-mail is dead at once, saying why, and holds back nothing else', async () => {
    const s = await setup();
    const receiver = await smtp();
    await s.configure({ smtpHost: '127.0.0.1', smtpPort: receiver.port, smtpTls: 'none', smtpFrom: 'desk@hotel.example' });
    await s.enqueue('appointment:1', { to: 'not an address', subject: 'x', text: 'y' });
    await s.enqueue('appointment:2', confirmation);
    await s.tick();
    const rows = await s.rows();
    expect(rows[0]).toMatchObject({ status: 'dead', lastError: expect.stringMatching(/^Not an e-mail: to/) });
    expect(rows[1]).toMatchObject({ status: 'sent' });
    expect(receiver.mails).toHaveLength(1);
  });

  it('a wrong SMTP password is a permanent refusal (535): dead, like billing’s 401', async () => {
    const s = await setup();
    const receiver = await smtp({ auth: { user: 'desk', pass: SMTP_PASSWORD } });
    await s.configure({ smtpHost: '127.0.0.1', smtpPort: receiver.port, smtpTls: 'none', smtpUser: 'desk', smtpPassword: 'Wrong-Password-1', smtpFrom: 'desk@hotel.example' });
    await s.enqueue('appointment:1', confirmation);
    await s.tick();
    expect((await s.rows())[0]).toMatchObject({ status: 'dead', lastError: expect.stringMatching(/^SMTP 535/) });
    expect((await s.rows())[0]!.lastError).not.toContain('Wrong-Password-1');
  });
});

describe('the SMTP settings over the API', () => {
  it('refuse bad values with 400 and keep the password write-only ("" removes it)', async () => {
    const s = await setup();
    for (const bad of [
      { smtpPort: 0 },
      { smtpPort: 70_000 },
      { smtpPort: '25' },
      { smtpHost: 'smtp host' },
      { smtpHost: 'x'.repeat(300) },
      { smtpTls: 'ssl' },
      { smtpFrom: 'desk' },
      { smtpUser: 'a\nb' },
      { smtpPassword: 'line\r\nbreak' },
      { smtpPassword: 5 },
    ]) {
      const res = await s.th.json('PATCH', '/api/v1/settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(Object.keys((await res.json()) as object)).toEqual(['error']);
    }
    expect((await s.configure({ smtpPassword: SMTP_PASSWORD })).settings.smtpPasswordSet).toBe(true);
    expect(s.th.host.core.settings.smtpPassword()).toBe(SMTP_PASSWORD);
    const cleared = await s.configure({ smtpPassword: '' });
    expect(cleared.settings.smtpPasswordSet).toBe(false);
    expect(cleared.text).not.toMatch(/"smtpPassword"/);
    expect(s.th.host.core.settings.smtpPassword()).toBe('');
  });
});

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=`) decoded. */
function decodeMimeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
      const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}
