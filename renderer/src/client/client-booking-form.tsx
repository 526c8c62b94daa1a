/**
 * A client (the kiosk, a guest on the LAN) books a room for itself: it picks the dates and how many
 * guests, and then a category and a room from what the hotel has free for them (`rooms:available`:
 * rooms, categories and prices, never another guest's data), then books it with seed 000's
 * `POST /bookings`. A room taken meanwhile is refused (409); the refusal shows above the form, which
 * keeps what was chosen, and the list of free rooms is asked again.
 */
import { DateInput } from '../ui/date-input';
import { useEffect, useState } from 'react';
import type { Availability } from '../../../shared/contract/desk';
import { formatMoney } from '../format/money';
import { errorText } from '../i18n/error-text';
import { useIntlLocale, useT } from '../i18n/locale-store';
import { useMyBookingsStore } from './my-bookings-store';
import { toast } from '../stores/toast-store';
import { checkStayDates } from '../stays/stay-dates';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';

/** The client does not know the hotel's longest stay; the host judges it. */
const ANY_LENGTH = 100_000;
const ASK_DELAY_MS = 200;

type Offer = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; availability: Availability } | { kind: 'error'; error: unknown };

// eslint-disable-next-line max-lines-per-function -- one form's fields, its free-room lookup and its refusal share its state
export function ClientBookingForm() {
  const t = useT();
  const locale = useIntlLocale();
  const [checkin, setCheckin] = useState('');
  const [checkout, setCheckout] = useState('');
  const [guests, setGuests] = useState('1');
  const [category, setCategory] = useState('');
  const [room, setRoom] = useState('');
  const [guestName, setGuestName] = useState('');
  const [offer, setOffer] = useState<Offer>({ kind: 'idle' });
  const [asked, setAsked] = useState(0);

  const dates = checkStayDates(checkin, checkout, ANY_LENGTH, t);
  const guestCount = /^\d{1,2}$/.test(guests.trim()) ? Number(guests) : NaN;
  const guestsOk = guestCount >= 1 && guestCount <= 20;

  useEffect(() => {
    if (!dates.ok || !guestsOk) return setOffer({ kind: 'idle' });
    let current = true;
    setOffer({ kind: 'loading' });
    const timer = setTimeout(() => {
      useMyBookingsStore
        .getState()
        .available({ checkin, checkout, guests: guestCount })
        .then((availability) => current && setOffer({ kind: 'ready', availability }))
        .catch((error: unknown) => current && setOffer({ kind: 'error', error }));
    }, ASK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [checkin, checkout, guestCount, dates.ok, guestsOk, asked]);

  const categories = offer.kind === 'ready' ? offer.availability.categories : [];
  const chosen = categories.find((c) => c.category === category) ?? null;
  const rooms = chosen?.rooms ?? [];
  // A choice the new dates no longer offer is dropped.
  useEffect(() => {
    if (offer.kind !== 'ready') return;
    if (category && !chosen) setCategory('');
    else if (room && !rooms.some((r) => String(r.number) === room)) setRoom('');
  }, [offer, category, chosen, room, rooms]);

  const money = (minor: number) => formatMoney(minor, offer.kind === 'ready' ? offer.availability.currency : 'DKK', locale);
  const errors = {
    checkin: checkin ? null : t('validation.required', { field: t('myBookings.checkin') }),
    checkout: checkout ? (dates.ok ? null : dates.message) : t('validation.required', { field: t('myBookings.checkout') }),
    guests: guestsOk ? null : t('myBookings.guestsRange'),
    category: category ? null : t('validation.required', { field: t('myBookings.category') }),
    room: room ? null : t('validation.required', { field: t('myBookings.room') }),
    guestName: guestName.trim() ? null : t('validation.required', { field: t('myBookings.guestName') }),
  };
  const invalid = Object.values(errors).some(Boolean);

  const { busy, error, submit, show, reset } = useFormSubmit(invalid, async () => {
    try {
      const booking = await useMyBookingsStore.getState().create({
        roomnumber: Number(room),
        category,
        checkin,
        checkout,
        guest_name: guestName.trim(),
        guests: guestCount,
      });
      toast('success', t('myBookings.created', { room: booking.roomnumber, id: booking.id }));
      setRoom('');
      reset();
    } finally {
      // Booked or refused, what is free has changed: ask again.
      setAsked((n) => n + 1);
    }
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
        <Field label={t('myBookings.checkin')} error={show(errors.checkin)}>
          <DateInput value={checkin} onChange={setCheckin} testId="client-checkin" />
        </Field>
        <Field label={t('myBookings.checkout')} error={show(errors.checkout) ?? (checkout && !dates.ok ? dates.message : null)}>
          <DateInput value={checkout} onChange={setCheckout} testId="client-checkout" />
        </Field>
        <Field label={t('myBookings.guests')} error={guests.trim() === '' ? show(errors.guests) : errors.guests}>
          <input type="number" min={1} max={20} className="input" inputMode="numeric" value={guests} onChange={(e) => setGuests(e.target.value)} data-testid="client-guests" />
        </Field>
        <Field
          label={t('myBookings.category')}
          error={show(errors.category)}
          hint={offer.kind === 'loading' ? t('myBookings.looking') : offer.kind === 'idle' ? t('myBookings.pickDates') : null}
        >
          <select className="input" value={category} disabled={categories.length === 0} onChange={(e) => { setCategory(e.target.value); setRoom(''); }} data-testid="client-category">
            <option value="">{t('myBookings.pickCategory')}</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {t('myBookings.categoryOption', { category: c.category, rate: money(c.fromRate), n: c.rooms.length })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('myBookings.room')} error={show(errors.room)}>
          <select className="input" value={room} disabled={rooms.length === 0} onChange={(e) => setRoom(e.target.value)} data-testid="client-room">
            <option value="">{t('myBookings.pickRoom')}</option>
            {rooms.map((r) => (
              <option key={r.number} value={String(r.number)}>
                {t('myBookings.roomOption', { number: r.number, capacity: r.capacity, price: money(r.price) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('myBookings.guestName')} wide error={show(errors.guestName)}>
          <input className="input" value={guestName} maxLength={120} onChange={(e) => setGuestName(e.target.value)} data-testid="client-guest-name" />
        </Field>
      </div>
      {offer.kind === 'ready' && categories.length === 0 ? (
        <p className="alert alert-info" role="status" data-testid="client-none-free">{t('myBookings.noneFree')}</p>
      ) : null}
      {offer.kind === 'error' ? <p className="alert alert-error" role="alert">{errorText(offer.error, t)}</p> : null}
      <div className="button-row button-row-start">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="client-book-submit">
          {busy ? t('common.saving') : t('myBookings.submit')}
        </button>
      </div>
    </form>
  );
}
