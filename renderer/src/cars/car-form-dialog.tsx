/**
 * Add a car or change one: brand, model, fuel, mileage, plate, seats, daily rate, notes. The
 * contract's own schema checks the form (contract-resolver.ts); a refusal (a plate taken, a mileage
 * lower than the car's) stays in the dialog with everything typed kept.
 */
import { CarCreateSchema, CarUpdateSchema, type Car } from '../../../shared/contract/cars';
import { useContractForm } from '../forms/use-contract-form';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { carInput, FUEL_SUGGESTIONS, type CarFormValues } from './car-fields';
import { useCarsStore } from './cars-store';

export const carLabel = (c: Pick<Car, 'brand' | 'model' | 'plate'>) => `${c.brand} ${c.model}${c.plate ? ` (${c.plate})` : ''}`;

export function CarFormDialog({ car, onClose }: { car: Car | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const { register, errors, refusal, busy, submit } = useContractForm<CarFormValues>({
    schema: car ? CarUpdateSchema : CarCreateSchema,
    toInput: (values) => ({ ...carInput(values, f.parseMoney), ...(car ? { id: car.id } : {}) }),
    labels: {
      brand: 'cars.brand',
      model: 'cars.model',
      fuelType: 'cars.fuel',
      mileage: 'cars.mileage',
      plate: 'cars.plate',
      seats: 'cars.seats',
      dailyRate: 'cars.dailyRate',
      notes: 'cars.notes',
    },
    badValues: { dailyRate: 'validation.money' },
    deps: [car, f.parseMoney],
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
    async save(input) {
      const store = useCarsStore.getState();
      const saved = car ? await store.update(input as Parameters<typeof store.update>[0]) : await store.create(input as Parameters<typeof store.create>[0]);
      toast('success', t(car ? 'cars.saved' : 'cars.created', { label: carLabel(saved) }));
      onClose();
    },
  });

  return (
    <FormDialog
      title={car ? t('cars.editTitle', { label: carLabel(car) }) : t('cars.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      error={refusal}
      errorTestId="car-error"
      testId="car-dialog"
      submitTestId="car-submit"
    >
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
    </FormDialog>
  );
}
