/**
 * Add a car or change one: brand, model, fuel, mileage, plate, seats, daily rate, notes. The
 * contract's own schema checks the form (contract-resolver.ts); a refusal (a plate taken, a mileage
 * lower than the car's) stays in the dialog with everything typed kept.
 */
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CarCreateSchema, CarUpdateSchema, type Car } from '../../../shared/contract/cars';
import { contractResolver } from '../forms/contract-resolver';
import { currentT, useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { CancelSubmit } from '../ui/cancel-submit';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { carInput, FUEL_SUGGESTIONS, type CarFormValues } from './car-fields';
import { useCarsStore } from './cars-store';

export const carLabel = (c: Pick<Car, 'brand' | 'model' | 'plate'>) => `${c.brand} ${c.model}${c.plate ? ` (${c.plate})` : ''}`;

export function CarFormDialog({ car, onClose }: { car: Car | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [refusal, setRefusal] = useState<unknown>(null);

  const resolver = useMemo(() => {
    const tr = currentT;
    return contractResolver<CarFormValues, unknown>(
      car ? CarUpdateSchema : CarCreateSchema,
      (values) => ({ ...carInput(values, f.parseMoney), ...(car ? { id: car.id } : {}) }),
      () => ({
        brand: { label: tr()('cars.brand') },
        model: { label: tr()('cars.model') },
        fuelType: { label: tr()('cars.fuel') },
        mileage: { label: tr()('cars.mileage') },
        plate: { label: tr()('cars.plate') },
        seats: { label: tr()('cars.seats') },
        dailyRate: { label: tr()('cars.dailyRate'), badValue: 'validation.money' },
        notes: { label: tr()('cars.notes') },
      }),
      tr,
    );
  }, [car, f.parseMoney]);

  const { register, handleSubmit, formState } = useForm<CarFormValues, unknown, unknown>({
    resolver,
    defaultValues: {
      brand: car?.brand ?? '',
      model: car?.model ?? '',
      fuelType: car?.fuelType ?? 'Petrol',
      mileage: car ? String(car.mileage) : '',
      plate: car?.plate ?? '',
      seats: car ? String(car.seats) : '5',
      dailyRate: car ? f.moneyInput(car.dailyRate) : '',
      notes: car?.notes ?? '',
    },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = formState;

  const save = handleSubmit(async (input) => {
    setRefusal(null);
    try {
      const store = useCarsStore.getState();
      const saved = car ? await store.update(input as Parameters<typeof store.update>[0]) : await store.create(input as Parameters<typeof store.create>[0]);
      toast('success', t(car ? 'cars.saved' : 'cars.created', { label: carLabel(saved) }));
      onClose();
    } catch (e) {
      setRefusal(e);
      throw e;
    }
  });

  return (
    <Dialog
      title={car ? t('cars.editTitle', { label: carLabel(car) }) : t('cars.addTitle')}
      onClose={onClose}
      onSubmit={() => void save().catch(() => undefined)}
      testId="car-dialog"
      footer={<CancelSubmit onCancel={onClose} busy={isSubmitting || isSubmitSuccessful} submitLabel={t('common.save')} submitTestId="car-submit" />}
    >
      <ErrorAlert error={refusal} testId="car-error" />
      <div className="form-grid">
        <Field label={t('cars.brand')} error={errors.brand?.message}>
          <input className="input" {...register('brand')} data-autofocus data-testid="car-brand" />
        </Field>
        <Field label={t('cars.model')} error={errors.model?.message}>
          <input className="input" {...register('model')} data-testid="car-model" />
        </Field>
        <Field label={t('cars.fuel')} error={errors.fuelType?.message}>
          <input className="input" list="car-fuels" {...register('fuelType')} data-testid="car-fuel" />
          <datalist id="car-fuels">
            {FUEL_SUGGESTIONS.map((fuel) => (
              <option key={fuel} value={fuel} />
            ))}
          </datalist>
        </Field>
        <Field label={t('cars.mileage')} error={errors.mileage?.message}>
          <input className="input" inputMode="numeric" {...register('mileage')} data-testid="car-mileage" />
        </Field>
        <Field label={t('cars.plate')} error={errors.plate?.message}>
          <input className="input" {...register('plate')} data-testid="car-plate" />
        </Field>
        <Field label={t('cars.seats')} error={errors.seats?.message}>
          <input type="number" className="input" {...register('seats')} data-testid="car-seats" />
        </Field>
        <Field label={`${t('cars.dailyRate')} (${f.currency})`} error={errors.dailyRate?.message}>
          <input className="input" inputMode="decimal" {...register('dailyRate')} data-testid="car-rate" />
        </Field>
        <Field label={t('cars.notes')} wide error={errors.notes?.message}>
          <textarea className="input" rows={2} {...register('notes')} data-testid="car-notes" />
        </Field>
      </div>
    </Dialog>
  );
}
