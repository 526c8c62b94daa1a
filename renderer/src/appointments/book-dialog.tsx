/**
 * Book a free place at the desk: for a walk-in guest (name, e-mail) or for a user (their own to see
 * and cancel from My appointments), with notes and a type; the price is shown before booking. A
 * timeslot booking is pending until payment is taken; the panel opens on it afterwards.
 */
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/contract/auth';
import type { AppointmentCalendar } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { CancelSubmit } from '../ui/cancel-submit';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';
import { useUsersStore } from '../users/users-store';
import { useAppointmentsStore } from './appointments-store';
import { slotPrice, type FreeSlot } from './calendar-layout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface BookDialogProps {
  slot: FreeSlot;
  calendar: Pick<AppointmentCalendar, 'rooms' | 'providers'>;
  onClose(): void;
  onBooked(id: number): void;
}

// eslint-disable-next-line max-lines-per-function -- one form's fields and its price and payment choice share its state
export function BookDialog({ slot, calendar, onClose, onBooked }: BookDialogProps) {
  const t = useT();
  const f = useFormats();
  const isAdmin = useSessionStore((s) => s.user?.role === 'admin');
  const [forUser, setForUser] = useState(false);
  const [users, setUsers] = useState<User[] | null>(null);
  const [userId, setUserId] = useState('');
  const [guestName, setGuestName] = useState('');
  const [guestEmail, setGuestEmail] = useState('');
  const [notes, setNotes] = useState('');
  const [bookingType, setBookingType] = useState('');

  // An admin picks the user from the list; staff (who may not list users) type the user's number.
  useEffect(() => {
    if (!forUser || !isAdmin || users) return;
    const store = useUsersStore.getState();
    store
      .load()
      .then(() => setUsers(useUsersStore.getState().users.filter((u) => u.active).sort((a, b) => a.username.localeCompare(b.username))))
      .catch(() => setUsers([]));
  }, [forUser, isAdmin, users]);

  const where =
    slot.kind === 'timeslot'
      ? (calendar.rooms.find((r) => r.id === slot.roomId)?.name ?? '')
      : (calendar.providers.find((p) => p.id === slot.providerId)?.name ?? '');
  const price = slotPrice(calendar, slot);
  const userNumber = /^\d+$/.test(userId.trim()) ? Number(userId.trim()) : null;

  const errors = {
    guestName: guestName.trim() ? null : t('validation.required', { field: t('appt.guestName') }),
    guestEmail: guestEmail.trim() === '' || EMAIL.test(guestEmail.trim()) ? null : t('validation.email'),
    user: !forUser || userNumber ? null : t('validation.required', { field: t('appt.user') }),
  };
  const invalid = Object.values(errors).some(Boolean);

  const { busy, error, submit, show } = useFormSubmit(invalid, async () => {
    const guest = {
      guestName: guestName.trim(),
      ...(guestEmail.trim() ? { guestEmail: guestEmail.trim() } : {}),
      ...(forUser && userNumber ? { userId: userNumber } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(bookingType.trim() ? { bookingType: bookingType.trim() } : {}),
    };
    const input = slot.kind === 'timeslot' ? { ...guest, timeslotId: slot.timeslotId } : { ...guest, providerId: slot.providerId, date: slot.date, time: slot.start };
    const booked = await useAppointmentsStore.getState().book(input);
    toast('success', t('appt.booked', { guest: booked.guestName, where, time: booked.time.slice(0, 5) }));
    onBooked(booked.id);
  });

  const chooseUser = (id: string) => {
    setUserId(id);
    const user = users?.find((u) => String(u.id) === id);
    if (user) {
      if (!guestName.trim()) setGuestName(user.username);
      if (!guestEmail.trim()) setGuestEmail(user.email);
    }
  };

  return (
    <Dialog
      title={t('appt.bookTitle', { where, date: f.longDate(slot.date), time: slot.start })}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="appt-book-dialog"
      footer={<CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('appt.bookSubmit')} submitTestId="appt-book-submit" />}
    >
      <ErrorAlert error={error} testId="appt-book-error" />
      <p className="price-summary appt-price" data-testid="appt-book-price">
        <span className="price-label">{t('appt.priceFor', { minutes: slot.minutes })}</span> <span className="price-value strong">{f.money(price)}</span>
      </p>
      <div className="appt-choices" role="radiogroup" aria-label={t('appt.bookFor')}>
        <label className="choice">
          <input type="radio" name="appt-for" checked={!forUser} onChange={() => setForUser(false)} data-testid="appt-for-guest" />
          {t('appt.forGuest')}
        </label>
        <label className="choice">
          <input type="radio" name="appt-for" checked={forUser} onChange={() => setForUser(true)} data-testid="appt-for-user" />
          {t('appt.forUser')}
        </label>
      </div>
      <div className="form-grid">
        {forUser ? (
          isAdmin && users && users.length > 0 ? (
            <Field label={t('appt.user')} wide error={show(errors.user)}>
              <select className="input" value={userId} onChange={(e) => chooseUser(e.target.value)} data-testid="appt-user">
                <option value="">{t('appt.chooseUser')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.username} ({t(`role.${u.role}`)}) · {u.email}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label={t('appt.userNumber')} wide hint={t('appt.userNumberHint')} error={show(errors.user)}>
              <input className="input" inputMode="numeric" value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="appt-user-number" />
            </Field>
          )
        ) : null}
        <Field label={t('appt.guestName')} error={show(errors.guestName)}>
          <input className="input" value={guestName} maxLength={120} onChange={(e) => setGuestName(e.target.value)} data-autofocus data-testid="appt-guest-name" />
        </Field>
        <Field label={`${t('appt.guestEmail')} (${t('common.optional')})`} error={show(errors.guestEmail)}>
          <input type="email" className="input" value={guestEmail} maxLength={200} onChange={(e) => setGuestEmail(e.target.value)} data-testid="appt-guest-email" />
        </Field>
        <Field label={`${t('appt.type')} (${t('common.optional')})`} hint={t('appt.typeHint')}>
          <input className="input" value={bookingType} maxLength={40} onChange={(e) => setBookingType(e.target.value)} data-testid="appt-type" />
        </Field>
        <Field label={`${t('appt.notes')} (${t('common.optional')})`} wide>
          <textarea className="input" rows={3} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} data-testid="appt-notes" />
        </Field>
      </div>
      {slot.kind === 'timeslot' ? <p className="muted small">{t('appt.pendingHint')}</p> : null}
    </Dialog>
  );
}
