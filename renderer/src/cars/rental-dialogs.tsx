/**
 * The rental dialogs: reserve a car (dates, guest or stay, the price shown as days × rate), one
 * rental's hand-out (mileage out) / return (mileage in, damage with a note) / cancel, and a damage
 * report. Every refusal (an overlap, a damaged car, a lower mileage) stays in the dialog, worded by
 * errorText in the desk's language.
 */
import { useEffect, useState } from 'react';
import type { Car } from '../../../shared/contract/cars';
import type { Rental } from '../../../shared/contract/rentals';
import { nightsBetween } from '../../../shared/time';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { CancelSubmit } from '../ui/cancel-submit';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { carLabel } from './car-form-dialog';
import { useCarsStore } from './cars-store';
import { DateInput } from '../ui/date-input';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysOf(from: string, to: string): number | null {
  if (!DATE.test(from) || !DATE.test(to)) return null;
  try {
    return nightsBetween(from, to);
  } catch {
    return null;
  }
}

export function ReserveDialog({ cars, carId, from, onClose }: { cars: readonly Car[]; carId: number; from: string; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [values, setValues] = useState({ carId: String(carId), from, to: '', guestName: '', stayId: '', notes: '' });
  const car = cars.find((c) => String(c.id) === values.carId);
  const days = daysOf(values.from, values.to);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });

  const { busy, error: refusal, submit } = useFormSubmit(false, async () => {
    const stayId = values.stayId.trim() === '' ? undefined : Number(values.stayId);
    const rental = await useCarsStore.getState().reserve({
      carId: Number(values.carId),
      from: values.from,
      to: values.to,
      ...(values.guestName.trim() ? { guestName: values.guestName } : {}),
      ...(stayId !== undefined ? { stayId } : {}),
      notes: values.notes,
    });
    toast('success', t('rentals.reserved', { car: rental.carLabel, guest: rental.guestName }));
    onClose();
  });

  return (
    <FormDialog
      title={t('rentals.reserveTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="reserve-dialog"
      busy={busy}
      error={refusal}
      errorTestId="reserve-error"
      submitTestId="reserve-submit"
      submitLabel={t('cars.reserve')}
      below={
        car && days !== null && days > 0 ? (
          <p className="muted" data-testid="reserve-price">
            {t('rentals.priceLine', { days, rate: f.money(car.dailyRate), price: f.money(days * car.dailyRate) })}
          </p>
        ) : null
      }
    >
      <Field label={t('rentals.car')} wide>
        <select className="input" value={values.carId} onChange={set('carId')} data-testid="reserve-car">
          {cars.map((c) => (
            <option key={c.id} value={c.id}>
              {carLabel(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('rentals.from')}>
        <DateInput value={values.from} onChange={(v) => setValues({ ...values, from: v })} testId="reserve-from" />
      </Field>
      <Field label={t('rentals.to')}>
        <DateInput value={values.to} min={values.from} onChange={(v) => setValues({ ...values, to: v })} dataAutofocus testId="reserve-to" />
      </Field>
      <Field label={t('rentals.guest')}>
        <input className="input" value={values.guestName} onChange={set('guestName')} data-testid="reserve-guest" />
      </Field>
      <Field label={t('rentals.stayId')}>
        <input className="input" inputMode="numeric" value={values.stayId} onChange={set('stayId')} data-testid="reserve-stay" />
      </Field>
      <Field label={t('rentals.notes')} wide>
        <input className="input" value={values.notes} onChange={set('notes')} data-testid="reserve-notes" />
      </Field>
    </FormDialog>
  );
}

// eslint-disable-next-line max-lines-per-function -- one rental's hand-out and return forms (mileage, damage) share its loaded state
export function RentalDialog({ rentalId, cars, onClose }: { rentalId: number; cars: readonly Car[]; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [rental, setRental] = useState<Rental | null>(null);
  const [mileage, setMileage] = useState('');
  const [damage, setDamage] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const car = rental ? cars.find((c) => c.id === rental.carId) : undefined;

  useEffect(() => {
    useCarsStore
      .getState()
      .getRental(rentalId)
      .then((r) => {
        setRental(r);
        const carNow = cars.find((c) => c.id === r.carId);
        setMileage(String(r.status === 'out' ? (carNow?.mileage ?? r.mileageOut ?? '') : (carNow?.mileage ?? '')));
      })
      .catch(setRefusal);
    // The rental is read once when the dialog opens.
  }, [rentalId]);

  const act = async (action: () => Promise<Rental>, done: (r: Rental) => string) => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await action();
      toast('success', done(r));
      onClose();
    } catch (e) {
      setRefusal(e);
    } finally {
      setBusy(false);
    }
  };
  const km = () => (/^\d+$/.test(mileage.trim()) ? Number(mileage.trim()) : Number.NaN);
  const store = useCarsStore.getState();
  const submit = () => {
    if (!rental) return;
    if (rental.status === 'reserved') void act(() => store.handOut({ id: rental.id, mileage: km() }), (r) => t('rentals.handedOut', { car: r.carLabel }));
    else if (rental.status === 'out') {
      void act(
        () => store.giveBack({ id: rental.id, mileage: km(), damage, ...(damage ? { damageNote: note } : {}) }),
        (r) => t('rentals.returned', { car: r.carLabel }),
      );
    }
  };

  const undoButton = rental ? (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => void act(() => store.undo(rental.id), (r) => t('rentals.undone', { id: r.id, status: t(`rentals.status.${r.status}`).toLowerCase() }))}
      data-testid="rental-undo"
    >
      {t(rental.status === 'out' ? 'rentals.undoHandOut' : 'rentals.undoReturn')}
    </button>
  ) : null;

  const footer =
    rental?.status === 'reserved' ? (
      <>
        <button type="button" className="button button-quiet-danger" disabled={busy} onClick={() => void act(() => store.cancel(rental.id), (r) => t('rentals.cancelled', { id: r.id }))} data-testid="rental-cancel">
          {t('rentals.cancel')}
        </button>
        <CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('rentals.handOut')} submitTestId="rental-handout-submit" />
      </>
    ) : rental?.status === 'out' ? (
      <>
        {undoButton}
        <CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('rentals.return')} submitTestId="rental-return-submit" />
      </>
    ) : (
      <>
        {rental?.status === 'returned' ? undoButton : null}
        <button type="button" className="button" onClick={onClose}>
          {t('rentals.close')}
        </button>
      </>
    );

  return (
    <Dialog title={rental ? t('rentals.title', { id: rental.id, car: rental.carLabel }) : '…'} onClose={onClose} onSubmit={submit} testId="rental-dialog" footer={footer}>
      <ErrorAlert error={refusal} testId="rental-error" />
      {rental ? (
        <>
          <dl className="detail-list" data-testid="rental-details">
            <dt>{t('rentals.guest')}</dt>
            <dd>{rental.guestName}</dd>
            <dt>{t('rentals.from')}</dt>
            <dd>{f.longDate(rental.from)}</dd>
            <dt>{t('rentals.to')}</dt>
            <dd>{f.longDate(rental.to)}</dd>
            <dt>{t('rentals.price')}</dt>
            <dd>{t('rentals.priceLine', { days: rental.days, rate: f.money(rental.dailyRate), price: f.money(rental.price) })}</dd>
            <dt>{t('rentals.status')}</dt>
            <dd data-testid="rental-status">{t(`rentals.status.${rental.status}`)}</dd>
            {rental.mileageOut !== null ? (
              <>
                <dt>{t('rentals.mileageOut')}</dt>
                <dd>{rental.mileageOut}</dd>
              </>
            ) : null}
            {rental.mileageIn !== null ? (
              <>
                <dt>{t('rentals.mileageIn')}</dt>
                <dd>{rental.mileageIn}</dd>
              </>
            ) : null}
            {rental.damageNote ? (
              <>
                <dt>{t('rentals.damageNote')}</dt>
                <dd>{rental.damageNote}</dd>
              </>
            ) : null}
            {car?.hasDamage && rental.status === 'reserved' ? (
              <>
                <dt>{t('cars.state.damaged')}</dt>
                <dd className="car-damage-text">{car.damageNote}</dd>
              </>
            ) : null}
          </dl>
          {rental.status === 'reserved' || rental.status === 'out' ? (
            <div className="form-grid">
              <Field label={rental.status === 'reserved' ? t('rentals.mileageOut') : t('rentals.mileageIn')}>
                <input className="input" inputMode="numeric" value={mileage} onChange={(e) => setMileage(e.target.value)} data-autofocus data-testid="rental-mileage" />
              </Field>
              {rental.status === 'out' ? (
                <>
                  <Field label={t('rentals.damage')} inline>
                    <input type="checkbox" checked={damage} onChange={(e) => setDamage(e.target.checked)} data-testid="rental-damage" />
                  </Field>
                  {damage ? (
                    <Field label={t('rentals.damageNote')} wide>
                      <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-testid="rental-damage-note" />
                    </Field>
                  ) : null}
                </>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}

export function DamageDialog({ car, onClose }: { car: Car; onClose(): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const { busy, error: refusal, submit } = useFormSubmit(false, async () => {
    const saved = await useCarsStore.getState().reportDamage(car.id, note);
    toast('success', t('cars.damageReported', { label: carLabel(saved) }));
    onClose();
  });
  return (
    <Dialog
      title={t('cars.damageTitle', { label: carLabel(car) })}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="damage-dialog"
      footer={<CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('cars.reportDamage')} submitTestId="damage-submit" />}
    >
      <ErrorAlert error={refusal} testId="damage-error" />
      <Field label={t('cars.damageNote')} wide>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-autofocus data-testid="damage-note" />
      </Field>
    </Dialog>
  );
}
