/** The stays' settings sections (shared/contract/settings-section.ts): the desk's times and limits, and its rules (docs/stays-rules.md). */
import { z } from 'zod';
import { DEPARTURE_PRICE_RULES } from '../rules/stay-rules';
import { settingsSection } from './settings-section';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const staySettings = settingsSection({
  checkinTime: { answer: z.string(), update: TimeOfDaySchema, default: '14:00' },
  checkoutTime: { answer: z.string(), update: TimeOfDaySchema, default: '12:00' },
  maxStayNights: { answer: z.number().int(), update: z.number().int().min(1).max(365), default: 90 },
});

/** Stays' rules (issue 10, docs/stays-rules.md). */
export const stayRuleSettings = settingsSection({
  /** Check-in opens this many minutes before the check-in time, on the arrival day only. */
  earlyCheckinMinutes: { answer: z.number().int(), update: z.number().int().min(0).max(1440), default: 360 },
  /** The price of a stay that ends early (check-out or no-show): the booked nights or the nights used. */
  departurePriceRule: { answer: z.enum(DEPARTURE_PRICE_RULES), update: z.enum(DEPARTURE_PRICE_RULES), default: 'booked' },
  /** An admin confirmed the hotel's time zone (the first-run step); it is fixed once stays exist. */
  timeZoneConfirmed: { answer: z.boolean(), update: z.boolean(), default: false },
});
