/**
 * Reminders that arrived on the live feed (seed 003's `booking_reminder`): a client's My
 * appointments lists them until dismissed, and each one also shows as a toast. Tiny on purpose: the
 * live-event table (first bundle) imports it.
 */
import { create } from 'zustand';
import type { Appointment } from '../../../shared/contract/appointments';
import { registerSessionReset } from '../stores/session-data';

export interface Reminder {
  appointment: Appointment;
  message: string;
}

interface RemindersState {
  reminders: Reminder[];
  add(reminder: Reminder): void;
  dismiss(id: number): void;
}

export const useReminders = create<RemindersState>((set, get) => ({
  reminders: [],
  add(reminder) {
    set({ reminders: [...get().reminders.filter((r) => r.appointment.id !== reminder.appointment.id), reminder] });
  },
  dismiss(id) {
    set({ reminders: get().reminders.filter((r) => r.appointment.id !== id) });
  },
}));

registerSessionReset(() => useReminders.setState({ reminders: [] }));
