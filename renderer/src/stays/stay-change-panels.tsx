/** The two stay changes that need input: move to another free room, and new dates (with the new price). */
import { DateInput } from '../ui/date-input';
import { useState } from 'react';
import type { Stay } from '../../../shared/contract/schemas';
import { stayPrice } from '../../../shared/rules/stay-rules';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useBoardStore } from '../board/board-store';
import { useSettingsStore } from '../settings/settings-store';
import { useStaysStore } from './stays-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rooms = free.rooms?.filter((r) => r.id !== stay.roomId) ?? null;

  const submit = async () => {
    if (!roomId || busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await useStaysStore.getState().move(stay.id, Number(roomId)));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="change-panel" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="stay-move-panel">
      <ErrorAlert error={error ?? free.error} />
      <Field label={t('stay.moveTo')} wide hint={rooms && rooms.length === 0 ? t('stay.moveNone') : undefined}>
        <select className="input" value={roomId} onChange={(e) => setRoomId(e.target.value)} autoFocus data-testid="stay-move-room">
          <option value="">{rooms ? t('booking.pickRoom') : t('common.loading')}</option>
          {rooms?.map((r) => (
            <option key={r.id} value={r.id}>
              {t('booking.roomOption', { number: r.number, category: r.category, rate: f.money(r.nightlyRate) })}
            </option>
          ))}
        </select>
      </Field>
      <div className="button-row">
        <CancelSubmit onCancel={onBack} cancelLabel={t('stay.back')} busy={busy} submitLabel={t('stay.moveSubmit')} submitTestId="stay-move-submit" disabled={!roomId} />
      </div>
    </form>
  );
}

export function ChangeDatesPanel({ stay, onDone, onBack }: PanelProps) {
  const t = useT();
  const f = useFormats();
  const maxNights = useSettingsStore((s) => s.settings?.maxStayNights ?? 365);
  const rate = useBoardStore((s) => s.board?.rooms.find((r) => r.id === stay.roomId)?.nightlyRate);
  const [checkin, setCheckin] = useState(stay.checkinDate);
  const [checkout, setCheckout] = useState(stay.checkoutDate);
  const [priceText, setPriceText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const dates = checkStayDates(checkin, checkout, maxNights, t);
  const override = priceText.trim() ? f.parseMoney(priceText) : undefined;
  // Without the room's rate at hand (room not on the board), the old price per night is the best guess.
  const nightly = rate ?? Math.round(stay.price / Math.max(1, stay.nights));
  const price = dates.ok && override !== null ? stayPrice(dates.nights, nightly, override) : null;
  const unchanged = checkin === stay.checkinDate && checkout === stay.checkoutDate && override === undefined;

  const submit = async () => {
    if (!dates.ok || override === null || unchanged || busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await useStaysStore.getState().changeDates({ id: stay.id, checkin, checkout, price: override }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="change-panel" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="stay-dates-panel">
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('booking.checkin')} error={dates.ok ? null : dates.message}>
          <DateInput value={checkin} onChange={setCheckin} autoFocus testId="stay-dates-checkin" />
        </Field>
        <Field label={t('booking.checkout')}>
          <DateInput value={checkout} onChange={setCheckout} testId="stay-dates-checkout" />
        </Field>
        <Field label={t('booking.priceOverride')} error={override === null ? t('validation.money') : null} hint={t('booking.priceOverrideHint')}>
          <input className="input" inputMode="decimal" value={priceText} onChange={(e) => setPriceText(e.target.value)} data-testid="stay-dates-price" />
        </Field>
        <div className="field">
          <span className="field-label">{t('stay.newPrice')}</span>
          <strong className="price-value" data-testid="stay-dates-new-price">
            {price !== null ? f.money(price) : t('common.none')}
          </strong>
        </div>
      </div>
      <div className="button-row">
        <CancelSubmit
          onCancel={onBack}
          cancelLabel={t('stay.back')}
          busy={busy}
          submitLabel={t('stay.datesSubmit')}
          submitTestId="stay-dates-submit"
          disabled={!dates.ok || override === null || unchanged}
        />
      </div>
    </form>
  );
}
