/**
 * One e-mail delivery attempt (outbox target `email`): the stored payload `{to, subject, text}` sent
 * by SMTP with nodemailer, and the outcome sorted as `deliver.ts` sorts an HTTP answer, so the worker
 * retries, backs off and dead-letters e-mails exactly as it does billing's messages:
 *   250 accepted                              → sent
 *   5xx (a permanent refusal: no such user,
 *   relaying denied, bad credentials), or a
 *   payload that is no e-mail                 → refused: dead at once
 *   4xx (a temporary refusal: greylisting,
 *   mailbox busy, too many connections)       → failed: retried within the retry window
 *   no answer (refused connection, DNS,
 *   timeout, TLS failure)                     → unreachable: retried within the retry window
 * The message's idempotency key is its `Message-ID` (`<key@frontdesk>`), so a receiver or a person
 * can tell a resend after a lost answer from a new message; its sequence is `X-Frontdesk-Sequence`.
 */
import type * as Nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Settings } from '../../shared/contract/settings';
import type { DeliveryOutcome } from './deliver';

/** What an `email` outbox message carries, already in the hotel's language. */
export const EmailPayloadSchema = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000),
});
export type EmailPayload = z.infer<typeof EmailPayloadSchema>;

export interface SmtpConfig {
  host: string;
  port: number;
  tls: Settings['smtpTls'];
  user: string;
  password: string;
  from: string;
  /** The sender's display name: the hotel's name. */
  fromName: string;
}

export function smtpConfigOf(settings: Settings, password: string): SmtpConfig {
  return {
    host: settings.smtpHost.trim(),
    port: settings.smtpPort,
    tls: settings.smtpTls,
    user: settings.smtpUser,
    password,
    from: settings.smtpFrom.trim(),
    fromName: settings.hotelName,
  };
}

export interface EmailDeliveryRequest {
  /** The stored JSON text of the payload. */
  payload: string;
  idempotencyKey: string;
  sequence: number;
}

/** A Message-ID from the idempotency key (its characters are kept to those an id may hold). */
export function messageIdOf(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_')}@frontdesk>`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

function describe(e: SmtpError): string {
  const text = (e.response ?? e.message ?? String(e)).replace(/\s+/g, ' ').trim().slice(0, 200);
  return e.responseCode ? `SMTP ${e.responseCode}: ${text.replace(/^\d{3}[ -]/, '')}` : `SMTP ${e.code ?? 'error'}: ${text}`;
}

function parsePayload(text: string): EmailPayload | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'The message is not JSON';
  }
  const r = EmailPayloadSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  return `Not an e-mail: ${issue?.path.join('.') || 'payload'} ${issue?.message ?? 'is invalid'}`;
}

export async function deliverEmail(
  config: SmtpConfig,
  req: EmailDeliveryRequest,
  options: { timeoutMs: number; stopSignal: AbortSignal },
): Promise<DeliveryOutcome> {
  const payload = parsePayload(req.payload);
  if (typeof payload === 'string') return { kind: 'refused', error: payload };
  // Loaded with the first e-mail, not with the host: ~5 MB a desk that sends none never holds.
  const { createTransport } = (await import('nodemailer')) as typeof Nodemailer;
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'tls',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    ...(config.user !== '' ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    socketCloseTimeout: 0,
    // Nothing of the SMTP dialogue (it holds the AUTH exchange) goes to the console.
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: { name: config.fromName, address: config.from },
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      messageId: messageIdOf(req.idempotencyKey),
      headers: { 'X-Frontdesk-Sequence': String(req.sequence) },
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs * 3), options.stopSignal]),
    } as Parameters<typeof transport.sendMail>[0]);
    return { kind: 'sent' };
  } catch (error) {
    if (options.stopSignal.aborted) return { kind: 'aborted' };
    const e = (error ?? {}) as SmtpError;
    const status = typeof e.responseCode === 'number' ? e.responseCode : 0;
    if (status >= 500 && status < 600) return { kind: 'refused', error: describe(e) };
    if (status >= 400 && status < 500) return { kind: 'failed', error: describe(e), retryAfter: null };
    return { kind: 'unreachable', error: describe(e) };
  } finally {
    transport.close();
  }
}
