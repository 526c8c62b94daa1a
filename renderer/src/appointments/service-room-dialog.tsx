/** Add a service room or change one: name, type, description, capacity per slot, hourly rate, in use. */
import { useState } from 'react';
import type { ServiceRoom, ServiceRoomType } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { useSetupStore } from './setup-store';
import { SERVICE_ROOM_TYPES } from './vocabulary';

export function ServiceRoomDialog({ room, onClose }: { room: ServiceRoom | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [name, setName] = useState(room?.name ?? '');
  const [roomType, setRoomType] = useState<ServiceRoomType>(room?.roomType ?? 'treatment');
  const [description, setDescription] = useState(room?.description ?? '');
  const [capacity, setCapacity] = useState(String(room?.capacity ?? 1));
  const [rate, setRate] = useState(room ? f.moneyInput(room.hourlyRate) : '');
  const [isActive, setIsActive] = useState(room?.isActive ?? true);

  const cap = /^\d+$/.test(capacity.trim()) ? Number(capacity.trim()) : null;
  const hourlyRate = rate.trim() ? f.parseMoney(rate) : 0;
  const errors = {
    name: name.trim() ? null : t('validation.required', { field: t('appt.name') }),
    capacity: cap !== null && cap >= 1 && cap <= 100 ? null : t('validation.range', { min: 1, max: 100 }),
    rate: hourlyRate !== null ? null : t('validation.money'),
  };
  const { busy, error, submit, show } = useFormSubmit(Object.values(errors).some(Boolean), async () => {
    const fields = { name: name.trim(), roomType, description: description.trim() || null, capacity: cap!, hourlyRate: hourlyRate!, isActive };
    const store = useSetupStore.getState();
    const saved = room ? await store.updateRoom({ id: room.id, ...fields }) : await store.createRoom(fields);
    toast('success', t('appt.roomSaved', { name: saved.name }));
    onClose();
  });

  return (
    <FormDialog
      title={room ? room.name : t('appt.addRoom')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="service-room-dialog"
      busy={busy}
      error={error}
      submitTestId="service-room-submit"
    >
      <Field label={t('appt.name')} error={show(errors.name)}>
        <input className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-autofocus data-testid="service-room-name" />
      </Field>
      <Field label={t('appt.roomTypeLabel')}>
        <select className="input" value={roomType} onChange={(e) => setRoomType(e.target.value as ServiceRoomType)} data-testid="service-room-type">
          {SERVICE_ROOM_TYPES.map((rt) => (
            <option key={rt} value={rt}>
              {t(`appt.roomType.${rt}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('appt.capacity')} hint={t('appt.capacityHint')} error={show(errors.capacity)}>
        <input type="number" className="input" min={1} max={100} value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="service-room-capacity" />
      </Field>
      <Field label={`${t('appt.hourlyRate')} (${f.currency})`} error={show(errors.rate)}>
        <input className="input" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} data-testid="service-room-rate" />
      </Field>
      <Field label={`${t('appt.description')} (${t('common.optional')})`} wide>
        <textarea className="input" rows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="service-room-description" />
      </Field>
      <Field label={t('appt.inUse')} inline>
        <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} data-testid="service-room-active" />
      </Field>
    </FormDialog>
  );
}
