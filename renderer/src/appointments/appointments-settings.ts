/** The appointments' section of the settings screen (its words: appointments-nav-text.ts, which the first bundle holds). */
import type { SettingsSection } from '../forms/settings-section';

export const appointmentsSettingsSection: SettingsSection = {
  id: 'appointments',
  title: 'nav.appointments',
  fields: [
    { key: 'appointmentHoldMinutes', kind: 'int', label: 'settings.appointmentHoldMinutes' },
    { key: 'appointmentReminderMinutes', kind: 'int', label: 'settings.appointmentReminderMinutes' },
    { key: 'refundFullHours', kind: 'int', label: 'settings.refundFullHours' },
    { key: 'refundPartialHours', kind: 'int', label: 'settings.refundPartialHours' },
    { key: 'refundPartialPercent', kind: 'int', label: 'settings.refundPartialPercent' },
    {
      key: 'paymentCheckoutUrl', kind: 'url', label: 'settings.paymentCheckoutUrl', hint: 'settings.urlHint', wide: true,
      placeholder: 'https://pay.example.com/checkout?ref={id}&amount={amount}',
    },
  ],
};
