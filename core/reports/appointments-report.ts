/**
 * The appointments report (issue 17 §1; docs/reports.md): the appointments starting in a period
 * (both kinds), by status, their revenue, no-shows and refunds, and how much of the time on offer
 * was booked, per service room (its timeslots × seats) and per provider (working hours less days
 * off), by day; the same days last year beside it. Runs in the export worker too.
 */
import {
  appointmentGroups, offeredSlotTime, reportProviders, reportServiceRooms, type AppointmentGroup,
} from '../../db/queries/report-appointment-queries';
import type { ReportDb } from '../../db/queries/report-queries';
import type { WeekHours } from '../../shared/contract/appointments';
import type { AppointmentsFigures, AppointmentsReport, ReportQuery } from '../../shared/contract/reports';
import { minutesOf, weekdayOf } from '../../shared/rules/appointment-rules';
import { daysOf, lastYearRange, ratio, type DateRange } from '../../shared/rules/report-rules';
import { periodSpan, queryRange, type ReportEnv } from './report-period';

const MINUTE_MS = 60_000;

type Resource = AppointmentsFigures['byResource'][number];
type Rooms = Awaited<ReturnType<typeof reportServiceRooms>>;
type Providers = Awaited<ReturnType<typeof reportProviders>>;

const emptyUse = () => ({ bookings: 0, bookedMinutes: 0, availableMinutes: 0, utilisation: 0, revenue: 0, noShows: 0 });

/** A provider's working minutes on the days of `range`, its days off left out (wall-clock hours: a DST day is no longer). */
function workingMinutes(p: Providers[number], range: DateRange): number {
  const week = JSON.parse(p.workingHours) as WeekHours;
  const off = new Set(JSON.parse(p.daysOff) as string[]);
  let minutes = 0;
  for (const date of daysOf(range)) {
    const hours = week[weekdayOf(date)];
    if (hours && !off.has(date)) minutes += minutesOf(hours.end) - minutesOf(hours.start);
  }
  return minutes;
}

/** Money the hotel took and kept: a paid appointment's price, a refunded one's price less its refund. */
const kept = (g: AppointmentGroup) => (g.paymentStatus === 'paid' || g.paymentStatus === 'refunded' ? Number(g.price) - Number(g.refunded) : 0);

async function figures(db: ReportDb, env: ReportEnv, range: DateRange, rooms: Rooms, providers: Providers): Promise<AppointmentsFigures> {
  const { startMs, endMs, days } = periodSpan(range, env.timeZone);
  const groups = await appointmentGroups(db, startMs, endMs);
  const offered = new Map((await offeredSlotTime(db, startMs, endMs)).map((r) => [Number(r.roomId), Number(r.ms)]));
  const used = new Set([...groups.map((g) => (g.kind === 'timeslot' ? `room:${g.roomId}` : `provider:${g.providerId}`)), ...[...offered.keys()].map((id) => `room:${id}`)]);
  const resources = new Map<string, Resource>();
  for (const r of rooms) {
    if (r.active || used.has(`room:${r.id}`)) resources.set(`room:${r.id}`, { kind: 'room', id: Number(r.id), name: r.name, ...emptyUse(), availableMinutes: Math.round((offered.get(Number(r.id)) ?? 0) / MINUTE_MS) });
  }
  for (const p of providers) {
    if (p.active || used.has(`provider:${p.id}`)) resources.set(`provider:${p.id}`, { kind: 'provider', id: Number(p.id), name: p.name, ...emptyUse(), availableMinutes: workingMinutes(p, range) });
  }
  const byDay = new Map(daysOf(range).map((date) => [date, { date, bookings: 0, revenue: 0, noShows: 0 }]));
  const byStatus = { pending: 0, confirmed: 0, cancelled: 0, completed: 0, no_show: 0 };
  let refunds = 0;
  let refunded = 0;
  for (const g of groups) {
    const n = Number(g.n);
    const r = resources.get(g.kind === 'timeslot' ? `room:${g.roomId}` : `provider:${g.providerId}`)!;
    const money = kept(g);
    const noShows = g.status === 'no_show' ? n : 0;
    r.bookings += n;
    if (g.status !== 'cancelled') r.bookedMinutes += Math.round(Number(g.ms) / MINUTE_MS);
    r.revenue += money;
    r.noShows += noShows;
    byStatus[g.status] += n;
    refunds += Number(g.refunds);
    refunded += Number(g.refunded);
    const day = byDay.get(g.date);
    if (day) {
      day.bookings += n;
      day.revenue += money;
      day.noShows += noShows;
    }
  }
  const byResource = [...resources.values()].map((r) => ({ ...r, utilisation: ratio(r.bookedMinutes, r.availableMinutes) }));
  const total = (pick: (r: Resource) => number) => byResource.reduce((sum, r) => sum + pick(r), 0);
  const bookings = total((r) => r.bookings);
  const noShows = total((r) => r.noShows);
  const bookedMinutes = total((r) => r.bookedMinutes);
  const availableMinutes = total((r) => r.availableMinutes);
  return {
    from: range.from, to: range.to, days,
    bookings, bookedMinutes, availableMinutes, utilisation: ratio(bookedMinutes, availableMinutes), revenue: total((r) => r.revenue), noShows,
    byStatus,
    noShowRate: ratio(noShows, bookings - byStatus.cancelled),
    refunds, refunded,
    byResource,
    byDay: [...byDay.values()],
  };
}

export async function appointmentsReport(db: ReportDb, env: ReportEnv, query: ReportQuery): Promise<AppointmentsReport> {
  const range = queryRange(query, env);
  const rooms = await reportServiceRooms(db);
  const providers = await reportProviders(db);
  return { currency: env.currency, current: await figures(db, env, range, rooms, providers), lastYear: await figures(db, env, lastYearRange(range), rooms, providers) };
}
