/** The appointments' settings section (shared/contract/settings-section.ts): holds, reminders, the refund policy, a payment provider (SPEC §3.2). */
import { z } from 'zod';
import { HttpUrlSchema } from './primitives';
import { settingsSection } from './settings-section';

export const appointmentSettings = settingsSection({
  /** How long an unpaid pending appointment holds its timeslot before it lapses (minutes). */
  appointmentHoldMinutes: { answer: z.number().int(), update: z.number().int().min(1).max(1440), default: 30 },
  /** How long before an appointment its reminder goes out (minutes). */
  appointmentReminderMinutes: { answer: z.number().int(), update: z.number().int().min(1).max(10_080), default: 60 },
  /** Refund policy: cancelled at least this many hours before the start, 100 % of what was paid … */
  refundFullHours: { answer: z.number().int(), update: z.number().int().min(0).max(720), default: 48 },
  /** … at least this many hours before, `refundPartialPercent` %; later, nothing. */
  refundPartialHours: { answer: z.number().int(), update: z.number().int().min(0).max(720), default: 24 },
  refundPartialPercent: { answer: z.number().int(), update: z.number().int().min(0).max(100), default: 50 },
  /** A payment provider's checkout page, `{id}` and `{amount}` filled in; '' means payment at the desk (`checkoutUrl: null`). */
  paymentCheckoutUrl: { answer: z.string(), update: z.union([HttpUrlSchema, z.literal('')]), default: '' },
});
