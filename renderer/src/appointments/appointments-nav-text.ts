/**
 * The appointments words the first bundle needs: the header's links (shown before a screen's chunk
 * loads), a client's reminder toast (from the live feed, on any screen) and the audit log's words for
 * the domain's actions (the audit screen needs them without the appointments chunk). The screens' own
 * words load with them (appointments-text.ts).
 */
import { domainText } from '../i18n/domain-text';

export const appointmentsNavText = domainText(
  {
    'nav.appointments': 'Appointments',
    'nav.appointmentSetup': 'Services',
    'nav.myAppointments': 'My appointments',
    'appt.reminderToast': 'Your appointment is coming up: {what}, {date} at {time}',
    // The audit log's words for this domain's actions (audit/audit-actions.ts).
    'auditAction.appointments:create': 'Booked an appointment',
    'auditAction.appointments:deskCreate': 'Booked an appointment for a guest',
    'auditAction.appointments:cancel': 'Cancelled an appointment',
    'auditAction.appointments:delete': 'Cancelled an appointment (booking API)',
    'auditAction.appointments:reschedule': 'Moved an appointment',
    'auditAction.appointments:pay': 'Took payment for an appointment',
    'auditAction.appointments:setStatus': 'Changed an appointment\'s status',
    'auditAction.appointments:undoStatus': 'Undid an appointment\'s status',
    'auditAction.appointments:export': 'Exported appointments',
    'auditAction.serviceRooms:create': 'Added a service room',
    'auditAction.serviceRooms:update': 'Changed a service room',
    'auditAction.serviceRooms:deactivate': 'Took a service room out of use',
    'auditAction.timeslots:generate': 'Generated timeslots',
    'auditAction.timeslots:preview': 'Counted timeslots to generate',
    'auditAction.timeslots:delete': 'Deleted a timeslot',
    'auditAction.providers:create': 'Added a provider',
    'auditAction.providers:update': 'Changed a provider',
    // Its section of the settings screen (appointments-settings.ts), shown without the appointments chunk.
    'settings.appointmentHoldMinutes': 'An unpaid appointment holds its slot (minutes)',
    'settings.appointmentReminderMinutes': 'Appointment reminder before the start (minutes)',
    'settings.refundFullHours': 'Full refund when cancelled at least (hours before)',
    'settings.refundPartialHours': 'Partial refund when cancelled at least (hours before)',
    'settings.refundPartialPercent': 'Partial refund (%)',
    'settings.paymentCheckoutUrl': 'Payment provider checkout URL ({id}, {amount})',
  },
  {
    'nav.appointments': 'Aftaler',
    'nav.appointmentSetup': 'Tjenester',
    'nav.myAppointments': 'Mine aftaler',
    'appt.reminderToast': 'Din aftale nærmer sig: {what}, {date} kl. {time}',
    'auditAction.appointments:create': 'Bookede en aftale',
    'auditAction.appointments:deskCreate': 'Bookede en aftale for en gæst',
    'auditAction.appointments:cancel': 'Aflyste en aftale',
    'auditAction.appointments:delete': 'Aflyste en aftale (booking-API)',
    'auditAction.appointments:reschedule': 'Flyttede en aftale',
    'auditAction.appointments:pay': 'Tog betaling for en aftale',
    'auditAction.appointments:setStatus': 'Ændrede en aftales status',
    'auditAction.appointments:undoStatus': 'Fortrød en aftales status',
    'auditAction.appointments:export': 'Eksporterede aftaler',
    'auditAction.serviceRooms:create': 'Tilføjede et servicelokale',
    'auditAction.serviceRooms:update': 'Ændrede et servicelokale',
    'auditAction.serviceRooms:deactivate': 'Tog et servicelokale ud af brug',
    'auditAction.timeslots:generate': 'Dannede tidsrum',
    'auditAction.timeslots:preview': 'Optalte tidsrum, der kan dannes',
    'auditAction.timeslots:delete': 'Slettede et tidsrum',
    'auditAction.providers:create': 'Tilføjede en behandler',
    'auditAction.providers:update': 'Ændrede en behandler',
    'settings.appointmentHoldMinutes': 'En ubetalt aftale holder sin tid (minutter)',
    'settings.appointmentReminderMinutes': 'Påmindelse før en aftale (minutter)',
    'settings.refundFullHours': 'Fuld refusion ved afbud mindst (timer før)',
    'settings.refundPartialHours': 'Delvis refusion ved afbud mindst (timer før)',
    'settings.refundPartialPercent': 'Delvis refusion (%)',
    'settings.paymentCheckoutUrl': 'Betalingsudbyderens checkout-URL ({id}, {amount})',
  },
);
