/**
 * The desk's appointments calendar: which days (a day or a week from `from`), columns by service
 * room or by provider, the calendar's answer (rooms, providers, timeslots with their free seats,
 * appointments) and, in provider columns, each provider's free start times per day. Every change
 * goes through `change` (stores/change.ts): this desk's changes and other desks' and LAN clients'
 * alike reload it through its live entries (appointments-live.ts).
 */
import { create } from 'zustand';
import type { Appointment, AppointmentCalendar } from '../../../shared/contract/appointments';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import { addDays } from '../../../shared/time';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import { availabilityKey, providerPlace, timeslotPlace, type CalendarView, type ColumnMode, type FreeSlot, type ProviderFreeTime, type SlotTarget } from './calendar-layout';

interface AppointmentsState {
  view: CalendarView;
  mode: ColumnMode;
  from: string | null;
  showCancelled: boolean;
  calendar: AppointmentCalendar | null;
  availability: ReadonlyMap<string, readonly ProviderFreeTime[]>;
  loaded: boolean;
  loading: boolean;
  error: unknown;
  load(): Promise<void>;
  show(patch: Partial<Pick<AppointmentsState, 'view' | 'mode' | 'from' | 'showCancelled'>>): Promise<void>;
  /** One step back or forward: a day in the day view, a week in the week view. */
  step(direction: -1 | 1): Promise<void>;
  book(input: CommandInput<'appointments:deskCreate'>): Promise<Appointment>;
  pay(id: number, method: CommandInput<'appointments:pay'>['method']): Promise<Appointment>;
  cancel(id: number): Promise<{ booking: Appointment; refundAmount: number }>;
  reschedule(input: CommandInput<'appointments:reschedule'>): Promise<Appointment>;
  setStatus(id: number, status: 'completed' | 'no_show'): Promise<Appointment>;
  /** Takes a completed or no-show mark back (staff: today's; admins: any). */
  undoStatus(id: number): Promise<Appointment>;
  /** One appointment as it is now (a panel opened from elsewhere than the calendar). */
  fetchAppointment(id: number): Promise<Appointment>;
  /** What a cancellation would refund now. */
  refundQuote(id: number): Promise<CommandOutput<'appointments:refundQuote'>>;
  /** The free start times of a room or a provider on a day (the desk's and a client's slot picker). */
  freeSlots(target: SlotTarget, date: string): Promise<FreeSlot[]>;
}

export const daysIn = (view: CalendarView): number => (view === 'day' ? 1 : 7);

const initial = {
  view: 'day' as CalendarView,
  mode: 'rooms' as ColumnMode,
  from: null as string | null,
  showCancelled: false,
  calendar: null as AppointmentCalendar | null,
  availability: new Map<string, readonly ProviderFreeTime[]>() as ReadonlyMap<string, readonly ProviderFreeTime[]>,
  loaded: false,
  loading: false,
  error: null as unknown,
};

/** Each active provider's free start times on each day shown (seed 001's availability checker). */
async function providerAvailability(calendar: AppointmentCalendar, days: number): Promise<Map<string, readonly ProviderFreeTime[]>> {
  const pairs = calendar.providers
    .filter((p) => p.active)
    .flatMap((p) => Array.from({ length: days }, (_, i) => ({ id: p.id, date: addDays(calendar.from, i) })));
  const answers = await Promise.all(pairs.map((q) => transport().invoke('providers:availability', q)));
  return new Map(pairs.map((q, i) => [availabilityKey(q.id, q.date), answers[i]!.slots]));
}

let loadSeq = 0;

export const useAppointmentsStore = create<AppointmentsState>((set, get) => ({
  ...initial,
  async load() {
    const { from, view, mode } = get();
    if (!from) return;
    const seq = ++loadSeq;
    set({ loading: true });
    try {
      const calendar = await transport().invoke('appointments:calendar', { from, days: daysIn(view) });
      const availability = mode === 'providers' ? await providerAvailability(calendar, daysIn(view)) : new Map<string, readonly ProviderFreeTime[]>();
      // A slower answer for days no longer shown is dropped.
      if (seq === loadSeq) set({ calendar, availability, loaded: true, loading: false, error: null });
    } catch (e) {
      if (seq === loadSeq) set({ error: e, loading: false });
      throw e;
    }
  },
  async show(patch) {
    set(patch);
    await get().load();
  },
  async step(direction) {
    const { from, view } = get();
    if (!from) return;
    await get().show({ from: addDays(from, direction * daysIn(view)) });
  },
  book(input) {
    return change('appointments:deskCreate', input);
  },
  pay(id, method) {
    return change('appointments:pay', { id, method });
  },
  cancel(id) {
    return change('appointments:cancel', { id });
  },
  async reschedule(input) {
    return (await change('appointments:reschedule', input)).booking;
  },
  setStatus(id, status) {
    return change('appointments:setStatus', { id, status });
  },
  undoStatus(id) {
    return change('appointments:undoStatus', { id });
  },
  fetchAppointment(id) {
    return transport().invoke('appointments:get', { id });
  },
  refundQuote(id) {
    return transport().invoke('appointments:refundQuote', { id });
  },
  async freeSlots(target, date) {
    if (target.kind === 'room') {
      const answer = await transport().invoke('serviceRooms:freeTimeslots', { id: target.id, date, duration: 1 });
      return answer.timeslots.map(timeslotPlace);
    }
    const answer = await transport().invoke('providers:availability', { id: target.id, date });
    return answer.slots.map((f) => providerPlace(target.id, date, target.minutes, f));
  },
}));

declare module '../stores/refreshers' {
  interface RefreshTargets {
    appointments: true;
  }
}

refreshWhenLoaded('appointments', useAppointmentsStore);
registerSessionReset(() => useAppointmentsStore.setState(initial));
