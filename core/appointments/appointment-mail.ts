/**
 * The appointment e-mails (issue 8 §5): confirmation, cancellation (with the refund), reschedule and
 * reminder, composed in the hotel's language (settings.locale) with times in the hotel's zone, and
 * enqueued as `email` outbox messages in the same transaction as the change (so a message exists iff
 * its change committed). The `email` target delivers them by SMTP.
 */
import type { Appointment } from '../../shared/contract/appointments';
import type { Settings } from '../../shared/contract/settings';
import type { Commit } from '../commit';

export type AppointmentMailKind = 'confirmation' | 'cancellation' | 'reschedule' | 'reminder';

export interface AppointmentMail {
  to: string;
  subject: string;
  text: string;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** `2026-06-01` → `1 June 2026` / `1. juni 2026`. */
function longDate(date: string, locale: 'da' | 'en'): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return locale === 'da' ? `${d}. ${MONTHS_DA[m - 1]} ${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** Minor units → `450.00 DKK` / `450,00 DKK`. */
export function money(minor: number, currency: string, locale: 'da' | 'en'): string {
  const whole = Math.floor(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');
  return locale === 'da' ? `${whole},${cents} ${currency}` : `${whole}.${cents} ${currency}`;
}

/** Wall time `HH:MM` of an ISO instant written with the hotel's offset. */
const hhmm = (isoWithOffset: string) => isoWithOffset.slice(11, 16);

function what(a: Appointment, locale: 'da' | 'en'): string {
  if (a.provider) return locale === 'da' ? `aftale med ${a.provider.name}` : `appointment with ${a.provider.name}`;
  if (a.room) return locale === 'da' ? `booking af ${a.room.name}` : `booking of ${a.room.name}`;
  return locale === 'da' ? 'aftale' : 'appointment';
}

export function composeAppointmentMail(kind: AppointmentMailKind, a: Appointment, s: Settings, extra: { refundAmount?: number } = {}): Omit<AppointmentMail, 'to'> {
  const l = s.locale;
  const when = `${longDate(a.date, l)} ${l === 'da' ? 'kl.' : 'at'} ${hhmm(a.startTime)}–${hhmm(a.endTime)}`;
  const subjectWhen = `${a.date} ${hhmm(a.startTime)}`;
  const item = what(a, l);
  const Item = item.charAt(0).toUpperCase() + item.slice(1);
  const greet = l === 'da' ? `Kære ${a.guestName}` : `Dear ${a.guestName}`;
  const sign = l === 'da' ? `Venlig hilsen\n${s.hotelName}` : `Kind regards,\n${s.hotelName}`;
  const zone = l === 'da' ? `(tider i ${s.timeZone})` : `(times in ${s.timeZone})`;
  let subject: string;
  let body: string;
  switch (kind) {
    case 'confirmation':
      subject = l === 'da' ? `Bekræftelse: ${item} ${subjectWhen}` : `Confirmation: ${item} ${subjectWhen}`;
      body = l === 'da'
        ? `Tak for din booking. ${Item}: ${when} ${zone}.\nPris: ${money(a.price, s.currency, l)}.${a.status === 'pending' ? ' Bookingen er reserveret, indtil den er betalt.' : ''}`
        : `Thank you for your booking. ${Item}: ${when} ${zone}.\nPrice: ${money(a.price, s.currency, l)}.${a.status === 'pending' ? ' The booking is held until it is paid.' : ''}`;
      break;
    case 'cancellation': {
      const refund = money(extra.refundAmount ?? 0, s.currency, l);
      subject = l === 'da' ? `Annulleret: ${item} ${subjectWhen}` : `Cancelled: ${item} ${subjectWhen}`;
      body = l === 'da'
        ? `Din ${item} ${when} ${zone} er annulleret.\nRefusion: ${refund}.`
        : `Your ${item} on ${when} ${zone} has been cancelled.\nRefund: ${refund}.`;
      break;
    }
    case 'reschedule':
      subject = l === 'da' ? `Flyttet: ${item} ${subjectWhen}` : `Rescheduled: ${item} ${subjectWhen}`;
      body = l === 'da' ? `Din ${item} er flyttet til ${when} ${zone}.` : `Your ${item} has been moved to ${when} ${zone}.`;
      break;
    case 'reminder':
      subject = l === 'da' ? `Påmindelse: ${item} ${subjectWhen}` : `Reminder: ${item} ${subjectWhen}`;
      body = l === 'da' ? `Din ${item} begynder snart: ${when} ${zone}.` : `Your appointment is coming up: ${item}, ${when} ${zone}.`;
      break;
  }
  return { subject, text: `${greet},\n\n${body}\n\n${sign}\n` };
}

/**
 * Enqueues the e-mail in the change's transaction; nothing when the appointment has no address. The
 * confirmation of an appointment booked in this same transaction is its first message (ids are never
 * reused: AUTOINCREMENT, identity), numbered 1 without reading its sequence (outbox-enqueue.ts).
 */
export async function enqueueAppointmentMail(c: Commit, kind: AppointmentMailKind, a: Appointment, s: Settings, extra: { refundAmount?: number; created?: boolean } = {}): Promise<void> {
  if (!a.guestEmail) return;
  const { subject, text } = composeAppointmentMail(kind, a, s, extra);
  await c.enqueue({ target: 'email', topic: `email.${kind}`, aggregate: `appointment:${a.id}`, path: '', payload: { to: a.guestEmail, subject, text }, first: extra.created === true });
}
