/**
 * A client books a room for itself: room number, category, dates, guest name (seed 000's
 * `POST /bookings`). The host refuses a taken room (409) or a room of another category (400);
 * the refusal shows above the form, which keeps what was typed.
 */
import { useState } from 'react';
import { useT } from '../i18n/locale-store';
import { useMyBookingsStore } from './my-bookings-store';
import { toast } from '../stores/toast-store';
import { checkStayDates } from '../stays/stay-dates';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';

/** The client does not know the hotel's longest stay; the host judges it. */
const ANY_LENGTH = 100_000;

export function ClientBookingForm() {
  const t = useT();
  const [room, setRoom] = useState('');
  const [category, setCategory] = useState('');
  const [checkin, setCheckin] = useState('');
  const [checkout, setCheckout] = useState('');
  const [guestName, setGuestName] = useState('');

  const dates = checkStayDates(checkin, checkout, ANY_LENGTH, t);
  const errors = {
    room: /^\d{1,5}$/.test(room.trim()) && Number(room) > 0 ? null : t('validation.number'),
    category: category.trim() ? null : t('validation.required', { field: t('myBookings.category') }),
    checkin: checkin ? null : t('validation.required', { field: t('myBookings.checkin') }),
    checkout: checkout ? (dates.ok ? null : dates.message) : t('validation.required', { field: t('myBookings.checkout') }),
    guestName: guestName.trim() ? null : t('validation.required', { field: t('myBookings.guestName') }),
  };
  const invalid = Object.values(errors).some(Boolean);

  const { busy, error, submit, show, reset } = useFormSubmit(invalid, async () => {
    const booking = await useMyBookingsStore.getState().create({
      roomnumber: Number(room),
      category: category.trim(),
      checkin,
      checkout,
      guest_name: guestName.trim(),
    });
    toast('success', t('myBookings.created', { room: booking.roomnumber, id: booking.id }));
    setRoom('');
    reset();
  });

  return (
    <form
      className="panel fieldset settings-section client-booking"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      aria-labelledby="client-book-title"
      data-testid="client-booking-form"
    >
      <h2 id="client-book-title">{t('myBookings.book')}</h2>
      <ErrorAlert error={error} testId="client-booking-error" />
      <div className="form-grid">
        <Field label={t('myBookings.room')} error={show(errors.room)}>
          <input className="input" inputMode="numeric" value={room} onChange={(e) => setRoom(e.target.value)} data-testid="client-room" />
        </Field>
        <Field label={t('myBookings.category')} error={show(errors.category)}>
          <input className="input" value={category} maxLength={80} onChange={(e) => setCategory(e.target.value)} data-testid="client-category" />
        </Field>
        <Field label={t('myBookings.checkin')} error={show(errors.checkin)}>
          <input type="date" className="input" value={checkin} onChange={(e) => setCheckin(e.target.value)} data-testid="client-checkin" />
        </Field>
        <Field label={t('myBookings.checkout')} error={show(errors.checkout)}>
          <input type="date" className="input" value={checkout} onChange={(e) => setCheckout(e.target.value)} data-testid="client-checkout" />
        </Field>
        <Field label={t('myBookings.guestName')} wide error={show(errors.guestName)}>
          <input className="input" value={guestName} maxLength={120} onChange={(e) => setGuestName(e.target.value)} data-testid="client-guest-name" />
        </Field>
      </div>
      <div className="button-row button-row-start">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="client-book-submit">
          {busy ? t('common.saving') : t('myBookings.submit')}
        </button>
      </div>
    </form>
  );
}
