/**
 * The rules of an appointment, as plain functions (no I/O, no clock): which status changes are legal,
 * what a cancellation refunds, what a timeslot costs, and a weekday's hours. The services call these
 * inside their transactions; the renderer may call the same ones to show a refund or hide an action.
 */
import type { AppointmentStatus, WeekHours, Weekday, WorkingHours } from '../contract/appointments';
import { dayNumber, parseDate } from '../time';

export type AppointmentAction = 'cancel' | 'reschedule' | 'pay' | 'complete' | 'no_show';

const FROM: Record<AppointmentAction, readonly AppointmentStatus[]> = {
  cancel: ['pending', 'confirmed'],
  reschedule: ['pending', 'confirmed'],
  pay: ['pending', 'confirmed'],
  complete: ['confirmed'],
  no_show: ['pending', 'confirmed'],
};

export function canApplyAppointment(action: AppointmentAction, status: AppointmentStatus): boolean {
  return FROM[action].includes(status);
}

export interface RefundPolicy {
  refundFullHours: number;
  refundPartialHours: number;
  refundPartialPercent: number;
}

/** The share of what was paid that a cancellation `msBeforeStart` before the start refunds (SPEC §3.2: ≥ 48 h 100 %, ≥ 24 h 50 %, later 0 %). */
export function refundPercent(policy: RefundPolicy, msBeforeStart: number): number {
  const hours = msBeforeStart / 3_600_000;
  if (hours >= policy.refundFullHours) return 100;
  if (hours >= policy.refundPartialHours) return policy.refundPartialPercent;
  return 0;
}

/** The refund in minor units, rounded down (never more than was paid). */
export function refundAmount(policy: RefundPolicy, paid: number, msBeforeStart: number): number {
  return Math.floor((paid * refundPercent(policy, msBeforeStart)) / 100);
}

/** Seed 003: price = hourly rate × the slot's length, in minor units, rounded to the nearest. */
export function timeslotPrice(hourlyRate: number, minutes: number): number {
  return Math.round((hourlyRate * minutes) / 60);
}

export const DEFAULT_HOURS: WorkingHours = { start: '09:00', end: '17:00' };
export const DEFAULT_WEEK: WeekHours = { mon: DEFAULT_HOURS, tue: DEFAULT_HOURS, wed: DEFAULT_HOURS, thu: DEFAULT_HOURS, fri: DEFAULT_HOURS, sat: DEFAULT_HOURS, sun: DEFAULT_HOURS };

const WEEK_KEYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** The weekday of a calendar date (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(date: string): Weekday {
  const n = dayNumber(parseDate(date));
  return WEEK_KEYS[(((n + 3) % 7) + 7) % 7]!;
}

/** Minutes since midnight of `HH:MM` or `HH:MM:SS`. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
