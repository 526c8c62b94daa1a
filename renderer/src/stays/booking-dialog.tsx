/**
 * New stay: room (free rooms for the dates), dates, guest, and the price live (nights × rate, or a
 * price typed by hand). A refusal stays inside the dialog with everything typed kept.
 */
import { useEffect, useMemo, useState } from 'react';
import { stayPrice } from '../../../shared/rules/stay-rules';
import { addDays } from '../../../shared/time';
import { markBookingDialogOpen } from '../app/perf-marks';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useBoardStore } from '../board/board-store';
import { hotelToday, useSettingsStore } from '../settings/settings-store';
import { useStaysStore } from './stays-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { checkStayDates } from './stay-dates';
import { useFreeRooms } from './use-free-rooms';
import { CancelSubmit } from '../ui/cancel-submit';
import { useFormSubmit } from '../ui/use-form-submit';

interface BookingDialogProps {
  roomId?: number;
  checkin?: string;
  onClose(): void;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function BookingDialog({ roomId: presetRoom, checkin: presetCheckin, onClose }: BookingDialogProps) {
  const t = useT();
  const f = useFormats();
  const maxNights = useSettingsStore((s) => s.settings?.maxStayNights ?? 365);
  const boardRooms = useBoardStore((s) => s.board?.rooms);
  const start = presetCheckin ?? useBoardStore.getState().board?.today ?? hotelToday();

  const [roomId, setRoomId] = useState(presetRoom ? String(presetRoom) : '');
  const [checkin, setCheckin] = useState(start);
  const [checkout, setCheckout] = useState(addDays(start, 1));
  const [guestName, setGuestName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [guests, setGuests] = useState('1');
  const [notes, setNotes] = useState('');
  const [priceText, setPriceText] = useState('');

  // The Dialog's own effect (showModal) runs before this one: the mark is the dialog open.
  useEffect(markBookingDialogOpen, []);

  const dates = checkStayDates(checkin, checkout, maxNights, t);
  const free = useFreeRooms(checkin, checkout, dates.ok);
  const freeIds = useMemo(() => new Set(free.rooms?.map((r) => r.id)), [free.rooms]);
  const room = free.rooms?.find((r) => String(r.id) === roomId) ?? boardRooms?.find((r) => String(r.id) === roomId);
  const roomIsFree = room ? freeIds.has(room.id) : false;

  const override = priceText.trim() ? f.parseMoney(priceText) : undefined;
  const guestCount = Number(guests);
  const price = dates.ok && room && override !== null ? stayPrice(dates.nights, room.nightlyRate, override) : null;

  const errors = {
    room: !roomId ? t('validation.required', { field: t('booking.room') }) : null,
    guestName: !guestName.trim() ? t('validation.required', { field: t('booking.guestName') }) : null,
    email: email.trim() && !EMAIL_RE.test(email.trim()) ? t('validation.email') : null,
    guests: !Number.isInteger(guestCount) || guestCount < 1 || guestCount > 20 ? t('validation.number') : null,
    price: override === null ? t('validation.money') : null,
  };
  const invalid = !dates.ok || Object.values(errors).some(Boolean);

  const changeCheckin = (value: string) => {
    setCheckin(value);
    // Keep the stay's length when the arrival moves, so the departure never ends up before it.
    const nights = dates.ok ? dates.nights : 1;
    if (checkStayDates(value, checkout, maxNights, t).ok === false) {
      try {
        setCheckout(addDays(value, nights));
      } catch {
        // an incomplete date while typing; the field shows it
      }
    }
  };

  const { busy, error, submit, show, submitted } = useFormSubmit(invalid, async () => {
    const stay = await useStaysStore.getState().create({
      roomId: Number(roomId),
      checkin,
      checkout,
      guestName: guestName.trim(),
      guestEmail: email.trim() || undefined,
      guestPhone: phone.trim() || undefined,
      guests: guestCount,
      price: override ?? undefined,
      notes: notes.trim() || undefined,
    });
    toast('success', t('booking.created', { name: stay.guestName, room: stay.roomNumber }));
    onClose();
  });

  const roomOptions = free.rooms ?? [];
  const presetMissing = room && !roomIsFree;

  return (
    <Dialog
      title={t('booking.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="lg"
      testId="booking-dialog"
      footer={
        <>
          <div className="price-summary" aria-live="polite">
            <span className="price-label">{t('booking.price')}</span>
            <strong className="price-value" data-testid="booking-price">
              {price !== null ? f.money(price) : t('common.none')}
            </strong>
            {dates.ok && room && override === undefined ? (
              <span className="price-rule">{t('booking.priceRule', { nights: dates.nights, rate: f.money(room.nightlyRate) })}</span>
            ) : null}
          </div>
          <CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('booking.submit')} submitTestId="booking-submit" />
        </>
      }
    >
      <ErrorAlert error={error} />
      {submitted && invalid && !error ? <ErrorAlert error={t('validation.fixFields')} testId="booking-invalid" /> : null}
      <div className="form-grid">
        <Field label={t('booking.checkin')} error={dates.ok ? null : dates.message}>
          <input type="date" className="input" value={checkin} onChange={(e) => changeCheckin(e.target.value)} required data-testid="booking-checkin" />
        </Field>
        <Field label={t('booking.checkout')}>
          <input type="date" className="input" value={checkout} min={checkin} onChange={(e) => setCheckout(e.target.value)} required data-testid="booking-checkout" />
        </Field>
        <Field
          label={t('booking.room')}
          wide
          error={show(errors.room) ?? (presetMissing && free.rooms ? t('booking.notFree') : null)}
          hint={free.rooms ? (free.rooms.length ? t('booking.freeRooms', { n: free.rooms.length }) : t('booking.noFreeRooms')) : t('common.loading')}
        >
          <select className="input" value={roomId} onChange={(e) => setRoomId(e.target.value)} required data-testid="booking-room">
            <option value="">{t('booking.pickRoom')}</option>
            {presetMissing ? (
              <option value={room.id} disabled>
                {t('booking.roomOption', { number: room.number, category: room.category, rate: f.money(room.nightlyRate) })} ({t('booking.notFree')})
              </option>
            ) : null}
            {roomOptions.map((r) => (
              <option key={r.id} value={r.id}>
                {t('booking.roomOption', { number: r.number, category: r.category, rate: f.money(r.nightlyRate) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('booking.guestName')} wide error={show(errors.guestName)}>
          <input className="input" value={guestName} onChange={(e) => setGuestName(e.target.value)} data-autofocus required maxLength={120} autoComplete="off" data-testid="booking-guest-name" />
        </Field>
        <Field label={t('booking.email')} error={show(errors.email)} hint={t('common.optional')}>
          <input type="email" className="input" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={200} autoComplete="off" data-testid="booking-email" />
        </Field>
        <Field label={t('booking.phone')} hint={t('common.optional')}>
          <input type="tel" className="input" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} autoComplete="off" data-testid="booking-phone" />
        </Field>
        <Field label={t('booking.guests')} error={show(errors.guests)} hint={room ? `${t('rooms.capacity')}: ${room.capacity}` : undefined}>
          <input type="number" className="input" min={1} max={20} value={guests} onChange={(e) => setGuests(e.target.value)} data-testid="booking-guests" />
        </Field>
        <Field label={t('booking.priceOverride')} error={errors.price} hint={t('booking.priceOverrideHint')}>
          <input
            className="input"
            inputMode="decimal"
            value={priceText}
            onChange={(e) => setPriceText(e.target.value)}
            placeholder={price !== null && override === undefined ? f.moneyInput(price) : ''}
            data-testid="booking-price-override"
          />
        </Field>
        <Field label={t('booking.notes')} wide hint={t('common.optional')}>
          <textarea className="input" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} data-testid="booking-notes" />
        </Field>
      </div>
    </Dialog>
  );
}
