/**
 * The demo hotel's appointments: three service rooms (two spa rooms, a meeting room) with timeslots
 * over the coming two weeks, two providers with their own hours, and bookings of both, booked
 * through the desk's handlers (demo-story.ts): timeslots paid at the desk, a few cancelled, and
 * those that are over (yesterday's, this morning's) marked completed or, once, no-show. No guest e-mail is given, so no e-mail waits in the outbox.
 */
import type { ServiceRoomType, WeekHours } from '../../shared/contract/appointments';
import type { PaymentMethod } from '../../shared/contract/appointments';
import { addDays } from '../../shared/time';
import { demoGuest, pick } from './demo-guests';
import { inTurn, type DemoStory } from './demo-story';

/** The days the calendar is filled: today and the thirteen after it (and yesterday, as history). */
export const APPOINTMENT_DAYS = 14;
const FIRST_DAY = -1;

const SERVICE_ROOMS: { name: string; roomType: ServiceRoomType; hourlyRate: number; description: string; slotMinutes: number; hours: { start: string; end: string }; share: number }[] = [
  { name: 'Spa room 1', roomType: 'treatment', hourlyRate: 69_500, description: 'Massage and facial treatments', slotMinutes: 60, hours: { start: '10:00', end: '18:00' }, share: 0.5 },
  { name: 'Spa room 2', roomType: 'treatment', hourlyRate: 59_500, description: 'Hot stone and aroma massage', slotMinutes: 60, hours: { start: '10:00', end: '18:00' }, share: 0.35 },
  { name: 'Meeting room Øresund', roomType: 'meeting', hourlyRate: 45_000, description: 'Twelve seats, screen and whiteboard', slotMinutes: 120, hours: { start: '08:00', end: '18:00' }, share: 0.4 },
];

const WEEKDAYS = (hours: { start: string; end: string } | null): WeekHours => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: null, sun: null });

const PROVIDERS: { name: string; email: string; appointmentMinutes: number; bufferMinutes: number; price: number; workingHours: WeekHours; perDay: number }[] = [
  {
    name: 'Maja Holm (massage)', email: 'maja.holm@example.com', appointmentMinutes: 60, bufferMinutes: 15, price: 69_500,
    workingHours: { ...WEEKDAYS({ start: '10:00', end: '18:00' }), sat: { start: '10:00', end: '14:00' } }, perDay: 3,
  },
  {
    name: 'Jonas Kirk (city guide)', email: 'jonas.kirk@example.com', appointmentMinutes: 120, bufferMinutes: 30, price: 45_000,
    workingHours: { ...WEEKDAYS(null), tue: { start: '10:00', end: '16:00' }, thu: { start: '10:00', end: '16:00' }, sat: { start: '10:00', end: '16:00' }, sun: { start: '11:00', end: '15:00' } },
    perDay: 2,
  },
];

const METHODS: PaymentMethod[] = ['card', 'card', 'card', 'cash', 'invoice'];
const MEETING_NOTES = ['Board meeting', 'Sales workshop', 'Interview day', 'Project kick-off'];

export async function seedDemoAppointments(story: DemoStory, random: () => number): Promise<{ serviceRooms: number; providers: number; appointments: number }> {
  const { handlers: h, ctx, today } = story;
  const firstDay = addDays(today, FIRST_DAY);
  const lastDay = addDays(today, APPOINTMENT_DAYS - 1);
  let appointments = 0;
  const booked: { id: number; endMs: number }[] = [];

  // The setup was done a week ago; the bookings came in over the last days.
  story.at(-7, '09:00');
  const rooms = await inTurn(SERVICE_ROOMS, async (r) => {
    const room = await h['serviceRooms:create']({ name: r.name, roomType: r.roomType, description: r.description, capacity: 1, hourlyRate: r.hourlyRate, isActive: true }, ctx);
    await h['timeslots:generate']({ roomId: room.id, startDate: firstDay, endDate: lastDay, slotDuration: r.slotMinutes, workingHours: r.hours }, ctx);
    return { ...r, id: room.id };
  });
  const providers = await inTurn(PROVIDERS, async (p) => ({
    ...p,
    id: (await h['providers:create']({ name: p.name, email: p.email, appointmentMinutes: p.appointmentMinutes, bufferMinutes: p.bufferMinutes, price: p.price, workingHours: p.workingHours, daysOff: [], active: true }, ctx)).id,
  }));

  story.at(-2, '11:00');
  for (let day = FIRST_DAY; day < APPOINTMENT_DAYS; day++) {
    const date = addDays(today, day);
    // Fewer bookings the further ahead, as in any book.
    const fill = day < 7 ? 1 : 0.6;
    for (const room of rooms) {
      for (const slot of (await h['serviceRooms:freeTimeslots']({ id: room.id, date, duration: room.slotMinutes }, ctx)).timeslots) {
        if (random() >= room.share * fill) continue;
        const guest = demoGuest(random);
        const notes = room.roomType === 'meeting' ? pick(random, MEETING_NOTES) : undefined;
        const a = await h['appointments:deskCreate']({ timeslotId: slot.id, guestName: guest.name, ...(notes ? { notes } : {}) }, ctx);
        // Booked at the desk and paid there: a desk booking is held only until it is paid.
        await h['appointments:pay']({ id: a.id, method: pick(random, METHODS) }, ctx);
        booked.push({ id: a.id, endMs: Date.parse(a.endTime) });
        appointments++;
      }
    }
    for (const p of providers) {
      for (let n = 0; n < p.perDay; n++) {
        const times = (await h['providers:availability']({ id: p.id, date }, ctx)).times;
        if (times.length === 0 || random() >= fill) continue;
        const a = await h['appointments:deskCreate']({ providerId: p.id, date, time: pick(random, times), guestName: demoGuest(random).name }, ctx);
        booked.push({ id: a.id, endMs: Date.parse(a.endTime) });
        appointments++;
      }
    }
  }

  // Yesterday a few guests changed their plans (refunds by the hotel's policy).
  story.at(-1, '16:00');
  for (const b of booked.filter((_, i) => i % 17 === 5)) {
    if (b.endMs > story.instant(2, '00:00')) await h['appointments:cancel']({ id: b.id }, ctx);
  }
  // The appointments that are over: the desk marked them completed, but one guest who never came.
  story.present();
  const over: typeof booked = [];
  for (const b of booked) {
    if (b.endMs <= story.nowMs && (await h['appointments:get']({ id: b.id }, ctx)).status === 'confirmed') over.push(b);
  }
  for (const [i, b] of over.entries()) await h['appointments:setStatus']({ id: b.id, status: i === 1 ? 'no_show' : 'completed' }, ctx);
  return { serviceRooms: rooms.length, providers: providers.length, appointments };
}
