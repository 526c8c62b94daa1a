/** Add a guest room or change one: number, category, capacity, nightly rate, floor. */
import { useState } from 'react';
import type { Room } from '../../../shared/contract/schemas';
import { HOUSEKEEPING_STATES, type Housekeeping } from '../../../shared/contract/schemas';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useRoomsStore } from './rooms-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { CancelSubmit } from '../ui/cancel-submit';
import { useFormSubmit } from '../ui/use-form-submit';

const intOrNull = (text: string): number | null => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function RoomFormDialog({ room, onClose }: { room: Room | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [number, setNumber] = useState(room ? String(room.number) : '');
  const [category, setCategory] = useState(room?.category ?? '');
  const [capacity, setCapacity] = useState(room ? String(room.capacity) : '2');
  const [rate, setRate] = useState(room ? f.moneyInput(room.nightlyRate) : '');
  const [floor, setFloor] = useState(room ? String(room.floor) : '1');
  const [housekeeping, setHousekeeping] = useState<Housekeeping>(room?.housekeeping ?? 'clean');

  const values = { number: intOrNull(number), capacity: intOrNull(capacity), floor: intOrNull(floor), nightlyRate: f.parseMoney(rate) };
  const errors = {
    number: values.number === null || values.number < 1 ? t('validation.number') : null,
    category: category.trim() ? null : t('validation.required', { field: t('rooms.category') }),
    capacity: values.capacity === null || values.capacity < 1 || values.capacity > 20 ? t('validation.number') : null,
    floor: values.floor === null ? t('validation.number') : null,
    nightlyRate: values.nightlyRate === null ? t('validation.money') : null,
  };
  const invalid = Object.values(errors).some(Boolean);

  const { busy, error, submit, show } = useFormSubmit(invalid, async () => {
    const fields = {
      number: values.number!,
      category: category.trim(),
      capacity: values.capacity!,
      nightlyRate: values.nightlyRate!,
      floor: values.floor!,
      housekeeping,
    };
    const saved = room ? await useRoomsStore.getState().update({ id: room.id, ...fields }) : await useRoomsStore.getState().create(fields);
    toast('success', t(room ? 'rooms.saved' : 'rooms.created', { number: saved.number }));
    onClose();
  });

  return (
    <Dialog
      title={room ? t('rooms.editTitle', { number: room.number }) : t('rooms.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="room-dialog"
      footer={
        <CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('common.save')} submitTestId="room-submit" />
      }
    >
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('rooms.number')} error={show(errors.number)}>
          <input className="input" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} data-autofocus data-testid="room-number" />
        </Field>
        <Field label={t('rooms.floor')} error={show(errors.floor)}>
          <input className="input" inputMode="numeric" value={floor} onChange={(e) => setFloor(e.target.value)} data-testid="room-floor" />
        </Field>
        <Field label={t('rooms.category')} wide error={show(errors.category)}>
          <input className="input" value={category} onChange={(e) => setCategory(e.target.value)} maxLength={80} data-testid="room-category" />
        </Field>
        <Field label={t('rooms.capacity')} error={show(errors.capacity)}>
          <input type="number" className="input" min={1} max={20} value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="room-capacity" />
        </Field>
        <Field label={`${t('rooms.rate')} (${f.currency})`} error={show(errors.nightlyRate)}>
          <input className="input" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} data-testid="room-rate" />
        </Field>
        <Field label={t('rooms.housekeeping')}>
          <select className="input" value={housekeeping} onChange={(e) => setHousekeeping(e.target.value as Housekeeping)} data-testid="room-housekeeping">
            {HOUSEKEEPING_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`hk.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </Dialog>
  );
}
