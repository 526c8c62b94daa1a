/**
 * The two stay changes that need input: move to another free room, and new dates. Each shows the
 * price now and asks keep or reprice when they differ (price-choice.tsx); nothing is repriced silently.
 */
import { DateInput } from '../ui/date-input';
import { useState } from 'react';
import type { PricingChoice, Stay } from '../../../shared/contract/stays';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useSettingsStore } from '../settings/settings-store';
import { PriceChoice, pricingToSend, useQuote } from './price-choice';
import { useStaysStore } from './stays-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';
import { checkStayDates } from './stay-dates';
import { useFreeRooms } from './use-free-rooms';
import { CancelSubmit } from '../ui/cancel-submit';

interface PanelProps {
  stay: Stay;
  onDone(stay: Stay): void;
  onBack(): void;
}

export function MoveStayPanel({ stay, onDone, onBack }: PanelProps) {
  const t = useT();
  const f = useFormats();
  const free = useFreeRooms(stay.checkinDate, stay.checkoutDate, true);
  const [roomId, setRoomId] = useState('');
  const [choice, setChoice] = useState<PricingChoice | null>(null);
  const rooms = free.rooms?.filter((r) => r.id !== stay.roomId) ?? null;
  const quote = useQuote(roomId ? { id: stay.id, roomId: Number(roomId) } : null);
  const pricing = pricingToSend(quote.quote, choice);

  const { busy, error, submit } = useFormSubmit(!roomId || !pricing, async () => {
    onDone(await useStaysStore.getState().move(stay.id, Number(roomId), pricing!));
  });

  return (
    <form className="change-panel" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="stay-move-panel">
      <ErrorAlert error={error ?? free.error} />
      <Field label={t('stay.moveTo')} wide hint={rooms && rooms.length === 0 ? t('stay.moveNone') : undefined}>
        <select className="input" value={roomId} onChange={(e) => { setRoomId(e.target.value); setChoice(null); }} autoFocus data-testid="stay-move-room">
          <option value="">{rooms ? t('booking.pickRoom') : t('common.loading')}</option>
          {rooms?.map((r) => (
            <option key={r.id} value={r.id}>
              {t('booking.roomOption', { number: r.number, category: r.category, rate: f.money(r.nightlyRate) })}
            </option>
          ))}
        </select>
      </Field>
      {roomId ? <PriceChoice quote={quote} choice={choice} onChoose={setChoice} /> : null}
      <div className="button-row">
        <CancelSubmit onCancel={onBack} cancelLabel={t('stay.back')} busy={busy} submitLabel={t('stay.moveSubmit')} submitTestId="stay-move-submit" disabled={!roomId || !pricing} />
      </div>
    </form>
  );
}

export function ChangeDatesPanel({ stay, onDone, onBack }: PanelProps) {
  const t = useT();
  const f = useFormats();
  const maxNights = useSettingsStore((s) => s.settings?.maxStayNights ?? 365);
  const [checkin, setCheckin] = useState(stay.checkinDate);
  const [checkout, setCheckout] = useState(stay.checkoutDate);
  const [priceText, setPriceText] = useState('');
  const [choice, setChoice] = useState<PricingChoice | null>(null);

  const dates = checkStayDates(checkin, checkout, maxNights, t);
  const override = priceText.trim() ? f.parseMoney(priceText) : undefined;
  const datesChanged = checkin !== stay.checkinDate || checkout !== stay.checkoutDate;
  const unchanged = !datesChanged && override === undefined;
  // A price typed by hand is the user's own answer; otherwise the host's quote asks keep or reprice.
  const quote = useQuote(dates.ok && datesChanged && override === undefined ? { id: stay.id, checkin, checkout } : null);
  const pricing = override !== undefined ? 'keep' : pricingToSend(quote.quote, choice);

  const { busy, error, submit } = useFormSubmit(!dates.ok || override === null || unchanged || !pricing, async () => {
    onDone(await useStaysStore.getState().changeDates({ id: stay.id, checkin, checkout, price: override ?? undefined, pricing: pricing! }));
  });

  return (
    <form className="change-panel" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="stay-dates-panel">
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('booking.checkin')} error={dates.ok ? null : dates.message}>
          <DateInput value={checkin} onChange={(v) => { setCheckin(v); setChoice(null); }} autoFocus testId="stay-dates-checkin" />
        </Field>
        <Field label={t('booking.checkout')}>
          <DateInput value={checkout} onChange={(v) => { setCheckout(v); setChoice(null); }} testId="stay-dates-checkout" />
        </Field>
        <Field label={t('booking.priceOverride')} error={override === null ? t('validation.money') : null} hint={t('booking.priceOverrideHint')}>
          <input className="input" inputMode="decimal" value={priceText} onChange={(e) => setPriceText(e.target.value)} data-testid="stay-dates-price" />
        </Field>
      </div>
      {override !== undefined ? (
        <p className="price-same">
          {t('stay.newPrice')}: <strong data-testid="stay-dates-new-price">{override !== null ? f.money(override) : t('common.none')}</strong>
        </p>
      ) : dates.ok && datesChanged ? (
        <PriceChoice quote={quote} choice={choice} onChoose={setChoice} />
      ) : null}
      <div className="button-row">
        <CancelSubmit
          onCancel={onBack}
          cancelLabel={t('stay.back')}
          busy={busy}
          submitLabel={t('stay.datesSubmit')}
          submitTestId="stay-dates-submit"
          disabled={!dates.ok || override === null || unchanged || !pricing}
        />
      </div>
    </form>
  );
}
