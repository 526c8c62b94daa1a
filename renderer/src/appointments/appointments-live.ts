/**
 * What appointment events reload (by name: the stores load with their screens): the desk's
 * calendar, the admin's setup and a client's own list. A reminder (seed 003's `booking_reminder`,
 * sent to the appointment's owner and the desk) is shown to a client as a toast and kept on its My
 * appointments until dismissed.
 */
import type { LiveEntries } from '../stores/live-event-table';
import { currentT } from '../i18n/lang-store';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { useReminders } from './reminders';
import type {} from './appointments-store';
import type {} from './my-appointments-store';
import type {} from './setup-store';

export const appointmentsLive: LiveEntries = {
  'appointment.changed': { refresh: ['appointments', 'myAppointments'] },
  'appointment.reminder': {
    refresh: ['myAppointments'],
    receive: (e) => {
      if (useSessionStore.getState().user?.role !== 'client') return;
      useReminders.getState().add({ appointment: e.appointment, message: e.message });
      const what = e.appointment.room?.name ?? e.appointment.provider?.name ?? '';
      toast('info', currentT()('appt.reminderToast', { what, date: e.appointment.date, time: e.appointment.time.slice(0, 5) }));
    },
  },
  'appointmentSetup.changed': { refresh: ['appointments', 'appointmentSetup'] },
  reconnected: { refresh: ['appointments', 'myAppointments', 'appointmentSetup'] },
};
