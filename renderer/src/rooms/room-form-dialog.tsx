/**
 * Add a guest room or change one: number, category, capacity, nightly rate, floor. The form is
 * react-hook-form's; the contract's own schema checks it (contract-resolver.ts), so the limits
 * live in shared/contract/rooms.ts only. Errors show after the first submit and follow the typing.
 */
import { HOUSEKEEPING_STATES, RoomCreateSchema, RoomUpdateSchema, type Room } from '../../../shared/contract/rooms';
import { useContractForm } from '../forms/use-contract-form';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { roomInput, type RoomFormValues } from './room-fields';
import { useRoomsStore } from './rooms-store';

export function RoomFormDialog({ room, onClose }: { room: Room | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const { register, errors, refusal, busy, submit } = useContractForm<RoomFormValues>({
    schema: room ? RoomUpdateSchema : RoomCreateSchema,
    toInput: (values) => ({ ...roomInput(values, f.parseMoney), ...(room ? { id: room.id } : {}) }),
    labels: {
      number: 'rooms.number',
      category: 'rooms.category',
      capacity: 'rooms.capacity',
      nightlyRate: 'rooms.rate',
      floor: 'rooms.floor',
      housekeeping: 'rooms.housekeeping',
    },
    badValues: { nightlyRate: 'validation.money' },
    deps: [room, f.parseMoney],
    defaultValues: {
      number: room ? String(room.number) : '',
      category: room?.category ?? '',
      capacity: room ? String(room.capacity) : '2',
      nightlyRate: room ? f.moneyInput(room.nightlyRate) : '',
      floor: room ? String(room.floor) : '1',
      housekeeping: room?.housekeeping ?? 'clean',
    },
    async save(input) {
      const store = useRoomsStore.getState();
      const saved = room ? await store.update(input as Parameters<typeof store.update>[0]) : await store.create(input as Parameters<typeof store.create>[0]);
      toast('success', t(room ? 'rooms.saved' : 'rooms.created', { number: saved.number }));
      onClose();
    },
  });

  return (
    <FormDialog
      title={room ? t('rooms.editTitle', { number: room.number }) : t('rooms.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      error={refusal}
      testId="room-dialog"
      submitTestId="room-submit"
    >
      <Field label={t('rooms.number')} error={errors.number?.message}>
        <input className="input" inputMode="numeric" {...register('number')} data-autofocus data-testid="room-number" />
      </Field>
      <Field label={t('rooms.floor')} error={errors.floor?.message}>
        <input className="input" inputMode="numeric" {...register('floor')} data-testid="room-floor" />
      </Field>
      <Field label={t('rooms.category')} wide error={errors.category?.message}>
        <input className="input" {...register('category')} data-testid="room-category" />
      </Field>
      <Field label={t('rooms.capacity')} error={errors.capacity?.message}>
        <input type="number" className="input" {...register('capacity')} data-testid="room-capacity" />
      </Field>
      <Field label={`${t('rooms.rate')} (${f.currency})`} error={errors.nightlyRate?.message}>
        <input className="input" inputMode="decimal" {...register('nightlyRate')} data-testid="room-rate" />
      </Field>
      <Field label={t('rooms.housekeeping')}>
        <select className="input" {...register('housekeeping')} data-testid="room-housekeeping">
          {HOUSEKEEPING_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`hk.${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
