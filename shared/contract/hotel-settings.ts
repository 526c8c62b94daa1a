/**
 * The settings platform's own sections (shared/contract/settings-section.ts): the hotel (name, time
 * zone, currency, language) and the LAN API with sign-in.
 */
import { z } from 'zod';
import { likelyHotelZone, machineZone, timeZoneNames } from '../time-zones';
import { NameSchema } from './primitives';
import { settingsSection } from './settings-section';

/**
 * The ISO 4217 codes this runtime knows (`Intl.supportedValuesOf('currency')`: Node and Chromium
 * ship the same ICU list), so a typed "KRO" is refused while every real currency is accepted. A list
 * is cheap (~0.4 MB of ICU's pages, against ~5 MB for a formatter: docs/benchmarks.md, twenty-second pass).
 */
const ISO_CURRENCY_CODES = Intl.supportedValuesOf('currency') as [string, ...string[]];
const ISO_CURRENCIES: ReadonlySet<string> = new Set(ISO_CURRENCY_CODES);
export function isIsoCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}

export const hotelSettings = settingsSection({
  hotelName: { answer: z.string(), update: NameSchema(120, 'hotel name'), default: 'Hotel Frontdesk' },
  timeZone: {
    answer: z.string(),
    update: z
      .enum(timeZoneNames() as [string, ...string[]], { error: 'is not an IANA time zone' })
      .meta({ description: 'An IANA time zone name such as Europe/Copenhagen: one of those listed (the server\'s ICU names, and UTC).' }),
    // The machine's zone, unless it is a server's UTC: then the hotel's likely zone (shared/time.ts).
    default: () => likelyHotelZone(machineZone()),
  },
  currency: {
    answer: z.string(),
    update: z
      .enum(ISO_CURRENCY_CODES, { error: 'is not an ISO 4217 currency code' })
      .meta({ description: 'An ISO 4217 currency code in use (DKK, EUR, SEK, …): one of those listed; a made-up one such as KRO is refused.' }),
    default: 'DKK',
  },
  locale: { answer: z.enum(['da', 'en']), update: z.enum(['da', 'en']), default: 'da' },
});

export const lanSettings = settingsSection({
  /** The LAN API: off (127.0.0.1 only) until an admin turns it on. */
  lanEnabled: { answer: z.boolean(), update: z.boolean(), default: false, perServer: true },
  lanHost: { answer: z.string(), update: z.union([z.ipv4(), z.ipv6()], { error: 'expected an IP address such as 0.0.0.0' }), default: '0.0.0.0', perServer: true },
  lanPort: { answer: z.number().int(), update: z.number().int().min(1024).max(65535), default: 8787, perServer: true },
  /** Seed 002's `POST /users/` open to anyone, creating `client` users. */
  selfRegistration: { answer: z.boolean(), update: z.boolean(), default: false },
  /** How long a sign-in lasts. */
  sessionHours: { answer: z.number().int(), update: z.number().int().min(1).max(720), default: 12 },
});
