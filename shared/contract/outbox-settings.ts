/**
 * The outbox's settings sections (shared/contract/settings-section.ts): where its messages go and for
 * how long they are retried and kept, and the SMTP server e-mails go through (docs/integrations.md).
 */
import { z } from 'zod';
import { EmailAddressSchema, EventBrokerUrlSchema, HttpUrlSchema, TextSchema } from './primitives';
import { settingsSection } from './settings-section';

/** How the SMTP connection is secured. */
export const SMTP_TLS_MODES = ['starttls', 'tls', 'none'] as const;

/** The URLs may also come from `npm run serve`'s environment (`BILLING_SERVICE_URL`, `EVENT_SERVICE_URL`: core/serve.ts). */
export const deliverySettings = settingsSection({
  billingServiceUrl: { answer: z.string(), update: z.union([HttpUrlSchema, z.literal('')]), default: 'http://billing-service:5002', secretInUrl: true },
  eventServiceUrl: { answer: z.string(), update: z.union([EventBrokerUrlSchema, z.literal('')]), default: '', secretInUrl: true },
  /** How long a message is retried after transient failures (5xx, timeouts, no answer) before it is dead. */
  outboxRetryHours: { answer: z.number().int(), update: z.number().int().min(1).max(720), default: 72 },
  outboxRetentionDays: { answer: z.number().int(), update: z.number().int().min(1).max(365), default: 7 },
});

const SmtpHostSchema = z
  .union([z.literal(''), z.string().max(253).regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/), z.ipv6()], {
    error: 'expected a host name or IP address such as smtp.example.com, or empty',
  })
  .meta({ description: 'The SMTP server; empty switches e-mail delivery off (messages wait).' });

/** E-mail delivery (issue 8 §5, platform: docs/platform.md): off until an admin sets a server and a sender. */
export const emailSettings = settingsSection({
  /** The SMTP server; '' = e-mail not configured (its messages wait in the outbox). */
  smtpHost: { answer: z.string(), update: SmtpHostSchema, default: '' },
  smtpPort: { answer: z.number().int(), update: z.number().int().min(1).max(65535), default: 587 },
  /** `starttls`: upgrade a plain connection (port 587), required; `tls`: TLS from the start (port 465); `none`: plain (a LAN relay). */
  smtpTls: { answer: z.enum(SMTP_TLS_MODES), update: z.enum(SMTP_TLS_MODES), default: 'starttls' },
  /** '' = no authentication. */
  smtpUser: { answer: z.string(), update: TextSchema(256), default: '' },
  /** Whether an SMTP password is stored (the password itself is never returned). */
  smtpPasswordSet: { answer: z.boolean(), default: false, derived: true },
  /** Write-only: stored, never returned (`smtpPasswordSet` says whether one is). '' removes it. */
  smtpPassword: { update: TextSchema(1024).optional().meta({ description: 'Write-only: stored, never returned (smtpPasswordSet says whether one is). Empty removes it.' }) },
  /** The sender's address (the hotel's name is its display name); '' = e-mail not configured. */
  smtpFrom: { answer: z.string(), update: z.union([z.literal(''), EmailAddressSchema(254)], { error: 'expected an e-mail address such as desk@hotel.example, or empty' }), default: '' },
});
