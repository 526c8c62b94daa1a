/**
 * One server's link to a RabbitMQ broker (issue 21): **one connection and one confirm channel**,
 * opened when first needed, re-opened with full-jitter back-off (1 s, 2 s, 4 s… at most 10 s) after
 * it drops or is refused. It declares the durable topic exchange `frontdesk.events`, publishes each
 * message as mandatory and persistent, and answers an attempt only from the broker's **publisher
 * confirm**:
 *   ack                      → sent
 *   ack after a basic.return → refused: unroutable (no queue bound to its routing key), with the reason
 *   nack                     → failed (retried)
 *   connection lost / no confirm within the timeout → unreachable (retried; the broker may have the
 *                              message already: a **lost confirm**, counted, so a consumer may see it twice)
 * While it is down or blocked (RabbitMQ's memory or disk alarm) it is not `ready`, so the outbox
 * leaves its messages waiting, in order, and it says why (`status()`). `close()` waits for the
 * outstanding confirms.
 */
import type amqp from 'amqplib';
import type { DeliveryOutcome } from './deliver';

export const EVENTS_EXCHANGE = 'frontdesk.events';
const REOPEN_BASE_MS = 1_000;
const REOPEN_CAP_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;

export type AmqpLinkState = 'connecting' | 'up' | 'down' | 'blocked';

export interface AmqpLinkStatus {
  /** The URL without its password. */
  url: string;
  state: AmqpLinkState;
  /** Why it is down or blocked (the broker's own words), else null. */
  error: string | null;
  sinceMs: number;
  /** Messages whose confirm was lost (connection dropped, timeout): sent again, so maybe twice. */
  lostConfirms: number;
  /** Messages the broker returned as unroutable. */
  returned: number;
}

export interface AmqpPublish {
  routingKey: string;
  body: Buffer;
  messageId: string;
  timestampMs: number;
}

export interface AmqpLink {
  /** Whether it can publish now; when down and its back-off has passed, starts re-opening. */
  ready(): boolean;
  publish(message: AmqpPublish, timeoutMs: number): Promise<DeliveryOutcome>;
  status(): AmqpLinkStatus;
  close(): Promise<void>;
}

/** A publish waiting for its confirm: until `deadline` (performance.now()). */
interface Outstanding {
  deadline: number;
  timeoutMs: number;
  resolve(outcome: DeliveryOutcome): void;
}

const SENT: DeliveryOutcome = { kind: 'sent' };

export interface AmqpLinkOptions {
  clock: () => number;
  random?: () => number;
  /** Called when the state changes (the worker wakes up when it comes up; the screen reloads). */
  onChange?: () => void;
}

/** `amqp://user:secret@host/vh` → `amqp://user:***@host/vh`. */
export function maskUrl(url: string): string {
  return url.replace(/^(amqps?:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/** The vhost an amqp URL names (`/` when its path is empty). */
function vhostOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || '/';
  } catch {
    return '?';
  }
}

/** The broker's reason in one line: `ACCESS_REFUSED - Login was refused…`, `ECONNREFUSED 127.0.0.1:5672`. */
export function describeAmqpError(e: unknown, url = ''): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: unknown }).code;
  const text = e.message.replace(/\s+/g, ' ').trim();
  if (/ACCESS_REFUSED|PLAIN login refused|username or password/i.test(text)) return `Login refused (wrong user or password): ${text}`;
  // RabbitMQ answers connection.open for a vhost that is missing (or not this user's) with connection.close.
  if (/NOT_ALLOWED|vhost|Expected ConnectionOpenOk; got <ConnectionClose/i.test(text)) return `Virtual host not found or not allowed: "${vhostOf(url)}" (${text})`;
  if (/Expected ConnectionStart|unexpected frame|Frame size|Unexpected|handshake|Socket closed abruptly/i.test(text)) return `Not an AMQP server (or it closed the handshake): ${text}`;
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

// eslint-disable-next-line max-lines-per-function -- one RabbitMQ connection's life (connect, confirm, reconnect with backoff, close) over one state
export function createAmqpLink(url: string, options: AmqpLinkOptions): AmqpLink {
  const { clock } = options;
  const random = options.random ?? Math.random;
  let connection: amqp.ChannelModel | undefined;
  let channel: amqp.ConfirmChannel | undefined;
  let opening: Promise<void> | undefined;
  let closed = false;
  let failures = 0;
  let reopenAtMs = 0;
  let state: AmqpLinkState = 'down';
  let error: string | null = null;
  let sinceMs = clock();
  let lostConfirms = 0;
  let returned = 0;
  /** Unroutable messages by message-id: a basic.return arrives before its message's ack. */
  const returns = new Map<string, string>();

  function setState(next: AmqpLinkState, why: string | null): void {
    if (next === state && why === error) return;
    if (next !== state) sinceMs = clock();
    state = next;
    error = why;
    options.onChange?.();
  }

  /** The link dropped (or never came up): back off, then re-open on the next `ready()`. */
  function down(why: string): void {
    channel = undefined;
    const c = connection;
    connection = undefined;
    c?.close().catch(() => undefined);
    failures++;
    reopenAtMs = clock() + Math.floor(random() * Math.min(REOPEN_CAP_MS, REOPEN_BASE_MS * 2 ** Math.min(failures - 1, 16)));
    setState('down', why);
  }

  async function open(): Promise<void> {
    // A link that is down stays down, with its reason, while it tries again: only a first open shows `connecting`.
    if (state !== 'down') setState('connecting', null);
    let c: amqp.ChannelModel | undefined;
    try {
      // Loaded with the first link: a hotel without a RabbitMQ broker never loads amqplib (~1.5 MB of heap).
      const { default: client } = await import('amqplib');
      c = await client.connect(url, { timeout: CONNECT_TIMEOUT_MS, clientProperties: { connection_name: 'frontdesk outbox' } });
      const conn = c;
      conn.on('error', () => undefined); // 'close' follows with the reason
      conn.on('close', (err?: Error) => {
        if (connection === conn) down(err ? describeAmqpError(err) : 'Connection closed by the broker');
      });
      conn.on('blocked', (reason: string) => {
        if (connection === conn) setState('blocked', `RabbitMQ blocked the connection: ${reason}`);
      });
      conn.on('unblocked', () => {
        if (connection === conn) setState('up', null);
      });
      const ch = await conn.createConfirmChannel();
      ch.on('error', () => undefined);
      ch.on('close', () => {
        if (channel === ch) down('The channel was closed by the broker');
      });
      ch.on('return', (msg: amqp.Message) => {
        const id = String(msg.properties.messageId ?? '');
        const fields = msg.fields as amqp.MessageFields & { replyCode?: number; replyText?: string };
        returns.set(id, `${fields.replyCode ?? 312} ${fields.replyText ?? 'NO_ROUTE'}: no queue is bound to routing key ${msg.fields.routingKey} on exchange ${msg.fields.exchange}`);
      });
      await ch.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      if (closed) {
        await conn.close().catch(() => undefined);
        return;
      }
      connection = conn;
      channel = ch;
      failures = 0;
      setState('up', null);
    } catch (e) {
      await c?.close().catch(() => undefined);
      if (!closed) down(describeAmqpError(e, url));
    }
  }

  function ready(): boolean {
    if (state === 'up' && channel) return true;
    if (!closed && !opening && state !== 'blocked' && clock() >= reopenAtMs) {
      opening = open().finally(() => {
        opening = undefined;
      });
    }
    return false;
  }

  /**
   * The publishes waiting for their confirm, oldest first. Their timeouts are swept by one timer set
   * for the oldest one's deadline (set again when it fires), not a timer per publish: a confirm costs
   * no timer work at all.
   */
  const outstanding = new Set<Outstanding>();
  let sweep: NodeJS.Timeout | undefined;

  function settle(o: Outstanding, outcome: DeliveryOutcome, lost = false): void {
    if (!outstanding.delete(o)) return;
    if (lost) lostConfirms++;
    o.resolve(outcome);
  }

  function armSweep(): void {
    if (sweep || outstanding.size === 0) return;
    const oldest = outstanding.values().next().value!;
    sweep = setTimeout(sweepExpired, Math.max(0, oldest.deadline - performance.now()));
  }

  function sweepExpired(): void {
    sweep = undefined;
    const now = performance.now();
    for (const o of outstanding) {
      if (o.deadline <= now) settle(o, { kind: 'unreachable', error: `No publisher confirm within ${o.timeoutMs / 1000} s` }, true);
    }
    armSweep();
  }

  /** The broker's answer to one publish (amqplib calls back on its ack or nack, or with the channel's end). */
  function confirmed(o: Outstanding, messageId: string, err: unknown): void {
    const why = returns.size > 0 ? returns.get(messageId) : undefined;
    if (why !== undefined) returns.delete(messageId);
    if (err) {
      const nacked = err instanceof Error && /nack/i.test(err.message);
      settle(o, nacked ? { kind: 'failed', error: 'RabbitMQ nacked the message', retryAfter: null } : { kind: 'unreachable', error: 'Connection lost before the publisher confirm' }, !nacked);
    } else if (why !== undefined) {
      returned++;
      options.onChange?.();
      settle(o, { kind: 'refused', error: `Returned by RabbitMQ as unroutable (${why})` });
    } else settle(o, SENT);
  }

  function publish(m: AmqpPublish, timeoutMs: number): Promise<DeliveryOutcome> {
    const ch = channel;
    if (!ch || state !== 'up') return Promise.resolve({ kind: 'unreachable', error: error ?? 'Not connected to RabbitMQ' });
    return new Promise((resolve) => {
      const o: Outstanding = { deadline: performance.now() + timeoutMs, timeoutMs, resolve };
      outstanding.add(o);
      armSweep();
      try {
        ch.publish(EVENTS_EXCHANGE, m.routingKey, m.body, {
          mandatory: true, persistent: true, contentType: 'application/json', contentEncoding: 'utf-8',
          messageId: m.messageId, timestamp: Math.floor(m.timestampMs / 1000), type: m.routingKey, appId: 'frontdesk',
        }, (err: unknown) => confirmed(o, m.messageId, err));
      } catch (e) {
        settle(o, { kind: 'unreachable', error: describeAmqpError(e) });
      }
    });
  }

  return {
    ready,
    publish,
    status: () => ({ url: maskUrl(url), state, error, sinceMs, lostConfirms, returned }),
    async close() {
      closed = true;
      await opening;
      const ch = channel;
      const c = connection;
      channel = undefined;
      connection = undefined;
      if (ch) await ch.waitForConfirms().catch(() => undefined);
      await c?.close().catch(() => undefined);
      if (outstanding.size === 0) {
        clearTimeout(sweep);
        sweep = undefined;
      }
    },
  };
}
