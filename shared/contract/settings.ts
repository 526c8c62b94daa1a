/** The hotel's settings and the LAN API's status. */
import { z } from 'zod';
import { DEPARTURE_PRICE_RULES } from '../rules/stay-rules';
import { timeZoneNames } from '../time';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { BROKER_EVENT_TYPES } from './broker-events';
import { EmailAddressSchema, EventBrokerUrlSchema, HttpUrlSchema, NameSchema, TextSchema } from './primitives';
import { ADMIN, DESK } from './roles';

/** How the SMTP connection is secured. */
export const SMTP_TLS_MODES = ['starttls', 'tls', 'none'] as const;
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number];

export const SettingsSchema = z.object({
  hotelName: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.enum(['da', 'en']),
  checkinTime: z.string(),
  checkoutTime: z.string(),
  maxStayNights: z.number().int(),
  billingServiceUrl: z.string(),
  eventServiceUrl: z.string(),
  /** How long a message is retried after transient failures (5xx, timeouts, no answer) before it is dead. */
  outboxRetryHours: z.number().int(),
  outboxRetentionDays: z.number().int(),
  /** The LAN API: off (127.0.0.1 only) until an admin turns it on. */
  lanEnabled: z.boolean(),
  lanHost: z.string(),
  lanPort: z.number().int(),
  /** Seed 002's `POST /users/` open to anyone, creating `client` users. */
  selfRegistration: z.boolean(),
  /** How long a sign-in lasts. */
  sessionHours: z.number().int(),
  // appointments (issue 8): holds, reminders, refund policy, payment provider
  /** How long an unpaid pending appointment holds its timeslot before it lapses (minutes). */
  appointmentHoldMinutes: z.number().int(),
  /** How long before an appointment its reminder goes out (minutes). */
  appointmentReminderMinutes: z.number().int(),
  /** Refund policy: cancelled at least this many hours before the start, 100 % of what was paid … */
  refundFullHours: z.number().int(),
  /** … at least this many hours before, `refundPartialPercent` %; later, nothing. */
  refundPartialHours: z.number().int(),
  refundPartialPercent: z.number().int(),
  /** A payment provider's checkout page, `{id}` and `{amount}` filled in; '' means payment at the desk (`checkoutUrl: null`). */
  paymentCheckoutUrl: z.string(),
  /** Reports (issue 17): whether out-of-order rooms leave the rooms available (docs/reports.md). */
  reportsOutOfOrderUnavailable: z.boolean(),
  // cars (issue 9 §2): which event types go to the event broker
  brokerEventTypes: z.array(z.enum(BROKER_EVENT_TYPES)),
  // E-mail delivery (issue 8 §5, platform: docs/platform.md). The password is write-only: never returned.
  /** The SMTP server; '' = e-mail not configured (its messages wait in the outbox). */
  smtpHost: z.string(),
  smtpPort: z.number().int(),
  /** `starttls`: upgrade a plain connection (port 587), required; `tls`: TLS from the start (port 465); `none`: plain (a LAN relay). */
  smtpTls: z.enum(SMTP_TLS_MODES),
  /** '' = no authentication. */
  smtpUser: z.string(),
  /** Whether an SMTP password is stored (the password itself is never returned). */
  smtpPasswordSet: z.boolean(),
  /** The sender's address (the hotel's name is its display name); '' = e-mail not configured. */
  smtpFrom: z.string(),
  // stays' rules (issue 10, docs/stays-rules.md)
  /** Check-in opens this many minutes before the check-in time, on the arrival day only. */
  earlyCheckinMinutes: z.number().int(),
  /** The price of a stay that ends early (check-out or no-show): the booked nights or the nights used. */
  departurePriceRule: z.enum(DEPARTURE_PRICE_RULES),
  /** An admin confirmed the hotel's time zone (the first-run step); it is fixed once stays exist. */
  timeZoneConfirmed: z.boolean(),
  // printing (issue 17 §2, docs/printing.md)
  /** How often the host writes the downtime pack (arrivals, in house, room status) to the data folder, in minutes. */
  downtimePackMinutes: z.number().int(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The ISO 4217 codes this runtime knows (`Intl.supportedValuesOf('currency')`: Node and Chromium
 * ship the same ICU list), so a typed "KRO" is refused while every real currency is accepted.
 */
const ISO_CURRENCY_CODES = Intl.supportedValuesOf('currency') as [string, ...string[]];
const ISO_CURRENCIES: ReadonlySet<string> = new Set(ISO_CURRENCY_CODES);
export function isIsoCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}
const SmtpHostSchema = z
  .union([z.literal(''), z.string().max(253).regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/), z.ipv6()], {
    error: 'expected a host name or IP address such as smtp.example.com, or empty',
  })
  .meta({ description: 'The SMTP server; empty switches e-mail delivery off (messages wait).' });

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const SettingsUpdateSchema = z.object({
  hotelName: NameSchema(120, 'hotel name').optional(),
  timeZone: z
    .enum(timeZoneNames() as [string, ...string[]], { error: 'is not an IANA time zone' })
    .meta({ description: 'An IANA time zone name such as Europe/Copenhagen: one of those listed (the server\'s ICU names, and UTC).' })
    .optional(),
  currency: z
    .enum(ISO_CURRENCY_CODES, { error: 'is not an ISO 4217 currency code' })
    .meta({ description: 'An ISO 4217 currency code in use (DKK, EUR, SEK, …): one of those listed; a made-up one such as KRO is refused.' })
    .optional(),
  locale: z.enum(['da', 'en']).optional(),
  checkinTime: TimeOfDaySchema.optional(),
  checkoutTime: TimeOfDaySchema.optional(),
  maxStayNights: z.number().int().min(1).max(365).optional(),
  billingServiceUrl: z.union([HttpUrlSchema, z.literal('')]).optional(),
  eventServiceUrl: z.union([EventBrokerUrlSchema, z.literal('')]).optional(),
  outboxRetryHours: z.number().int().min(1).max(720).optional(),
  outboxRetentionDays: z.number().int().min(1).max(365).optional(),
  lanEnabled: z.boolean().optional(),
  lanHost: z.union([z.ipv4(), z.ipv6()], { error: 'expected an IP address such as 0.0.0.0' }).optional(),
  lanPort: z.number().int().min(1024).max(65535).optional(),
  selfRegistration: z.boolean().optional(),
  sessionHours: z.number().int().min(1).max(720).optional(),
  // appointments (issue 8)
  appointmentHoldMinutes: z.number().int().min(1).max(1440).optional(),
  appointmentReminderMinutes: z.number().int().min(1).max(10_080).optional(),
  refundFullHours: z.number().int().min(0).max(720).optional(),
  refundPartialHours: z.number().int().min(0).max(720).optional(),
  refundPartialPercent: z.number().int().min(0).max(100).optional(),
  paymentCheckoutUrl: z.union([HttpUrlSchema, z.literal('')]).optional(),
  reportsOutOfOrderUnavailable: z.boolean().optional(),
  // cars (issue 9 §2): which event types go to the event broker (each at most once)
  brokerEventTypes: z
    .array(z.enum(BROKER_EVENT_TYPES))
    .max(BROKER_EVENT_TYPES.length)
    .refine((types) => new Set(types).size === types.length, 'names an event type twice')
    .optional(),
  // E-mail delivery (issue 8 §5, platform).
  smtpHost: SmtpHostSchema.optional(),
  smtpPort: z.number().int().min(1).max(65535).optional(),
  smtpTls: z.enum(SMTP_TLS_MODES).optional(),
  smtpUser: TextSchema(256).optional(),
  /** Write-only: stored, never returned (`smtpPasswordSet` says whether one is). '' removes it. */
  smtpPassword: TextSchema(1024).optional().meta({ description: 'Write-only: stored, never returned (smtpPasswordSet says whether one is). Empty removes it.' }),
  smtpFrom: z.union([z.literal(''), EmailAddressSchema(254)], { error: 'expected an e-mail address such as desk@hotel.example, or empty' }).optional(),
  // stays' rules (issue 10, docs/stays-rules.md)
  earlyCheckinMinutes: z.number().int().min(0).max(1440).optional(),
  departurePriceRule: z.enum(DEPARTURE_PRICE_RULES).optional(),
  timeZoneConfirmed: z.boolean().optional(),
  // printing (issue 17 §2)
  downtimePackMinutes: z.number().int().min(5).max(1440).optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const NetworkStatusSchema = z.object({
  lanEnabled: z.boolean(),
  /** Where the host listens now (127.0.0.1 while the LAN API is off); null when it does not listen. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** The addresses LAN clients use (this machine's IPv4 addresses), empty while the LAN API is off. */
  urls: z.array(z.string().meta({ format: 'uri' })),
  /** Why the LAN API cannot be switched on now (the default admin password), or null. */
  blockedReason: z.string().nullable(),
  /** Why the last change of address failed (the port is taken), or null. */
  error: z.string().nullable(),
  /**
   * The server this status and its LAN settings describe, when several servers share one database
   * (each keeps its own address and port); null for the one server of a SQLite file.
   */
  server: z.string().nullable(),
});
export type NetworkStatus = z.infer<typeof NetworkStatusSchema>;

export const settingsCommands = defineCommands({
  'settings:get': {
    summary: 'Hotel settings', tags: ['Settings'], roles: DESK, boot: true,
    description: 'The hotel\'s name, time zone, currency, language, check-in and check-out times, integrations and LAN switch.',
    example: {},
    input: z.object({}), output: SettingsSchema, http: { method: 'GET', path: '/api/v1/settings' },
  },
  'settings:update': {
    emits: ['settings.changed'],
    summary: 'Change hotel settings', tags: ['Settings'], roles: ADMIN, unbatched: true, errors: ['CONFLICT'],
    description:
      'Changes only the settings sent (at least one). Turning the LAN API on is refused (409) while the default admin password is unchanged. ' +
      'The time zone is fixed once the hotel has stays or room blocks (409): their local dates and times were agreed in it.',
    example: { hotelName: 'Hotel Nordlys', timeZone: 'Europe/Copenhagen', checkinTime: '15:00' },
    input: SettingsUpdateSchema, output: SettingsSchema, http: { method: 'PATCH', path: '/api/v1/settings' },
  },
  'network:status': {
    summary: 'Whether the LAN API is on, where the host listens, the URLs LAN clients use', tags: ['Settings'], roles: DESK,
    description: 'The LAN API\'s state: on or off, the address the host listens on, the URLs to give LAN clients, and why it cannot be switched on, if so.',
    example: {},
    input: z.object({}), output: NetworkStatusSchema, http: { method: 'GET', path: '/api/v1/network' },
  },
});

export const settingsEvents = {
  'settings.changed': { schema: z.object({ type: z.literal('settings.changed'), settings: SettingsSchema }), audience: () => ({ desk: true }) },
} as const satisfies EventDefs;
