/**
 * New stay: room (free rooms for the dates), dates, guest, and the price live (nights × rate, or a
 * price typed by hand). A refusal stays inside the dialog with everything typed kept.
 *
 * The fields are checked by the contract's `StayCreateSchema` (booking-check.ts, its own chunk,
 * loaded once the dialog is on screen), so its limits are not written again here; the dialog is in
 * the board's first bundle and opens without zod. Only what the contract cannot know is checked
 * here: the dates against the hotel's longest stay, and whether a typed price is an amount at all.
 */
import { DateInput } from '../ui/date-input';
import { useEffect, useMemo, useState } from 'react';
import { stayPrice } from '../../../shared/rules/stay-rules';
import { addDays } from '../../../shared/time';
import { markBookingDialogOpen } from '../ui/perf-marks';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useBoardStore } from '../board/board-store';
import { useSettingsStore } from '../settings/settings-store';
import { hotelToday } from '../stores/hotel-store';
import { useSessionStore } from '../stores/session-store';
import { useStaysStore } from './stays-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { checkStayDates } from './stay-dates';
import { useFreeRooms } from './use-free-rooms';
import { CancelSubmit } from '../ui/cancel-submit';
import { ReturningGuest } from './guest-panels';
import { whenIdle } from '../ui/when-idle';
import type { BookingFieldName, BookingTexts } from './booking-check';

interface BookingDialogProps {
  roomId?: number;
  checkin?: string;
  /** Preset departure (a drag across free nights on the board); default the night after check-in. */
  checkout?: string;
  onClose(): void;
}

const loadCheck = () => import('./booking-check');
const CHECK_PRELOAD_DELAY_MS = 400;

// eslint-disable-next-line max-lines-per-function -- one form's fields, its contract check and the price question share its state; the pieces it renders are already their own components
export function BookingDialog({ roomId: presetRoom, checkin: presetCheckin, checkout: presetCheckout, onClose }: BookingDialogProps) {
  const t = useT();
  const f = useFormats();
  const maxNights = useSettingsStore((s) => s.settings?.maxStayNights ?? 365);
  const boardRooms = useBoardStore((s) => s.board?.rooms);
  const start = presetCheckin ?? useBoardStore.getState().board?.today ?? hotelToday();

  const [roomId, setRoomId] = useState(presetRoom ? String(presetRoom) : '');
  const [checkin, setCheckin] = useState(start);
  const [checkout, setCheckout] = useState(presetCheckout && presetCheckout > start ? presetCheckout : addDays(start, 1));
  const [guestName, setGuestName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [guests, setGuests] = useState('1');
  const [notes, setNotes] = useState('');
  const [priceText, setPriceText] = useState('');
  // An admin may enter a stay that already ended (a late entry); the host refuses it for anyone else.
  const isAdmin = useSessionStore((s) => s.user?.role === 'admin');
  const [lateEntry, setLateEntry] = useState(false);
  const today = useBoardStore.getState().board?.today ?? hotelToday();
  const inThePast = checkout < today;

  // The Dialog's own effect (showModal) runs before this one: the mark is the dialog open.
  useEffect(markBookingDialogOpen, []);
  // The contract's check (zod), fetched while the desk types: well after the dialog's first frame,
  // whose paint the board's time to interactive waits for, and long before a person can submit.
  useEffect(() => {
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      // With the host down the chunk cannot load yet: submitting says so (below), nothing is thrown.
      cancelIdle = whenIdle(() => void loadCheck().catch(() => undefined), 1000);
    }, CHECK_PRELOAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, []);

  const dates = checkStayDates(checkin, checkout, maxNights, t);
  // The guest count narrows the free rooms at once (rooms that sleep them), and is checked as it is typed.
  const guestCount = /^\d{1,2}$/.test(guests.trim()) ? Number(guests) : NaN;
  const guestsOk = guestCount >= 1 && guestCount <= 20;
  const free = useFreeRooms(checkin, checkout, dates.ok, guestsOk ? guestCount : undefined);
  const freeIds = useMemo(() => new Set(free.rooms?.map((r) => r.id)), [free.rooms]);
  const room = free.rooms?.find((r) => String(r.id) === roomId) ?? boardRooms?.find((r) => String(r.id) === roomId);
  const roomIsFree = room ? freeIds.has(room.id) : false;
  const guestsError = !guestsOk
    ? t('booking.guestsRange')
    : room && guestCount > room.capacity
      ? t('booking.guestsOver', { capacity: room.capacity, number: room.number })
      : null;

  const override = priceText.trim() ? f.parseMoney(priceText) : undefined;
  const price = dates.ok && room && override !== null ? stayPrice(dates.nights, room.nightlyRate, override) : null;

  const texts: BookingTexts = { roomId, checkin, checkout, guestName, email, phone, guests, price: override, notes, lateEntry: isAdmin && lateEntry };
  const textsKey = JSON.stringify(texts);

  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<BookingFieldName, string>>>({});
  const check = async () => (await loadCheck()).checkBooking(texts, t);

  // Once submitted, the marks follow the typing (the check is loaded by then: no waiting).
  useEffect(() => {
    if (!submitted) return;
    let live = true;
    check().then((c) => live && setFieldErrors(c.ok ? {} : c.errors)).catch(() => undefined);
    return () => {
      live = false;
    };
    // `textsKey` stands for the fields: `check` reads them from this render.
  }, [submitted, textsKey, t]);

  const invalid = !dates.ok || guestsError !== null || Object.keys(fieldErrors).length > 0;

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

  const submit = async () => {
    setSubmitted(true);
    if (busy) return;
    let checked: Awaited<ReturnType<typeof check>>;
    try {
      checked = await check();
    } catch (e) {
      // The check's chunk could not be loaded: the desk server is out of reach.
      setError(free.error ?? e);
      return;
    }
    setFieldErrors(checked.ok ? {} : checked.errors);
    // The free rooms could not be read (the host is down): say so, not "Room is required".
    if (free.error && !checked.ok) setError(free.error);
    if (!dates.ok || !checked.ok || guestsError) return;
    setBusy(true);
    setError(null);
    try {
      const stay = await useStaysStore.getState().create(checked.input);
      toast('success', t('booking.created', { name: stay.guestName, room: stay.roomNumber }));
      // `busy` stays on: the dialog closes, and its button must not take a second click meanwhile.
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

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
      {inThePast && !(isAdmin && lateEntry) ? <ErrorAlert error={t('booking.inThePast')} testId="booking-past" /> : null}
      <div className="form-grid">
        <Field label={t('booking.checkin')} error={dates.ok ? null : dates.message}>
          <DateInput value={checkin} onChange={changeCheckin} required testId="booking-checkin" />
        </Field>
        <Field label={t('booking.checkout')}>
          <DateInput value={checkout} onChange={setCheckout} required testId="booking-checkout" />
        </Field>
        <Field
          label={t('booking.room')}
          wide
          error={free.error ? errorText(free.error, t) : fieldErrors.roomId ?? (presetMissing && free.rooms ? t('booking.notFree') : null)}
          hint={
            !dates.ok
              ? t('booking.datesFirst')
              : free.rooms
                ? free.rooms.length
                  ? t('booking.freeRooms', { n: free.rooms.length })
                  : t('booking.noFreeRooms')
                : t('common.loading')
          }
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
        <Field label={t('booking.guestName')} wide error={fieldErrors.guestName}>
          <input className="input" value={guestName} onChange={(e) => setGuestName(e.target.value)} data-autofocus required autoComplete="off" data-testid="booking-guest-name" />
        </Field>
        <Field label={t('booking.email')} error={fieldErrors.guestEmail} hint={t('common.optional')}>
          <input type="email" className="input" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" data-testid="booking-email" />
        </Field>
        <Field label={t('booking.phone')} error={fieldErrors.guestPhone} hint={t('common.optional')}>
          <input type="tel" className="input" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" data-testid="booking-phone" />
        </Field>
        <ReturningGuest
          email={email}
          phone={phone}
          onUse={(p) => {
            if (p.guestName) setGuestName(p.guestName);
            if (p.guestEmail) setEmail(p.guestEmail);
            if (p.guestPhone) setPhone(p.guestPhone);
          }}
        />
        <Field label={t('booking.guests')} error={guestsError ?? fieldErrors.guests} hint={room ? `${t('rooms.capacity')}: ${room.capacity}` : undefined}>
          <input type="number" className="input" min={1} max={20} value={guests} onChange={(e) => setGuests(e.target.value)} data-testid="booking-guests" />
        </Field>
        <Field label={t('booking.priceOverride')} error={override === null ? t('validation.money') : fieldErrors.price} hint={t('booking.priceOverrideHint')}>
          <input
            className="input"
            inputMode="decimal"
            value={priceText}
            onChange={(e) => setPriceText(e.target.value)}
            placeholder={price !== null && override === undefined ? f.moneyInput(price) : ''}
            data-testid="booking-price-override"
          />
        </Field>
        <Field label={t('booking.notes')} wide error={fieldErrors.notes} hint={t('common.optional')}>
          <textarea className="input" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="booking-notes" />
        </Field>
        {isAdmin && inThePast ? (
          <Field label={t('booking.lateEntry')} inline>
            <input type="checkbox" checked={lateEntry} onChange={(e) => setLateEntry(e.target.checked)} data-testid="booking-late-entry" />
          </Field>
        ) : null}
      </div>
    </Dialog>
  );
}
