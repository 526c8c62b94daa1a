/**
 * The appointments words the first bundle needs: the header's links (shown before a screen's chunk
 * loads) and a client's reminder toast (from the live feed, on any screen). The screens' own words
 * load with them (appointments-text.ts).
 */
import { domainText } from '../i18n/domain-text';

export const appointmentsNavText = domainText(
  {
    'nav.appointments': 'Appointments',
    'nav.appointmentSetup': 'Services',
    'nav.myAppointments': 'My appointments',
    'appt.reminderToast': 'Your appointment is coming up: {what}, {date} at {time}',
  },
  {
    'nav.appointments': 'Aftaler',
    'nav.appointmentSetup': 'Tjenester',
    'nav.myAppointments': 'Mine aftaler',
    'appt.reminderToast': 'Din aftale nærmer sig: {what}, {date} kl. {time}',
  },
);
