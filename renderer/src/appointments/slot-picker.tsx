/**
 * Pick a free place on a day: a service room's free timeslots (seed 003's
 * `GET /api/v1/bookings/rooms/:id/timeslots`) or a provider's free start times (seed 001's
 * availability checker). Each free time is a button; the chosen one is pressed. Used to book from
 * My appointments and to move an appointment from its panel.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useAppointmentsStore } from './appointments-store';
import type { FreeSlot, SlotTarget } from './calendar-layout';
import { DateInput } from '../ui/date-input';

export type { SlotTarget };

interface SlotPickerProps {
  target: SlotTarget;
  date: string;
  onDate(date: string): void;
  chosen: FreeSlot | null;
  onChoose(slot: FreeSlot | null): void;
  /** A place not to offer (the appointment's own). */
  exclude?: (slot: FreeSlot) => boolean;
  testId: string;
}


export function SlotPicker({ target, date, onDate, chosen, onChoose, exclude, testId }: SlotPickerProps) {
  const t = useT();
  const f = useFormats();
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const targetKey = `${target.kind}-${target.id}`;

  useEffect(() => {
    let live = true;
    setSlots(null);
    setError(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    useAppointmentsStore.getState().freeSlots(target, date).then(
      (s) => live && setSlots(s),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // The target is a new object each render; its identity is its key.
  }, [targetKey, date]);

  const shown = (slots ?? []).filter((s) => !exclude?.(s));

  return (
    <div className="slot-picker" data-testid={testId}>
      <Field label={t('appt.day')}>
        <DateInput
          value={date}
          onChange={(v) => {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
            onChoose(null);
            onDate(v);
          }}
          testId={`${testId}-date`}
        />
      </Field>
      <ErrorAlert error={error} testId={`${testId}-error`} />
      {slots === null && !error ? <p className="muted">{t('common.loading')}</p> : null}
      {slots !== null && shown.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          {t('appt.noFreeTimes', { date: f.longDate(date) })}
        </p>
      ) : null}
      <div className="slot-chips" role="group" aria-label={t('appt.freeTimes')}>
        {shown.map((s) => (
          <button
            key={s.key}
            type="button"
            className="slot-chip"
            aria-pressed={chosen?.key === s.key}
            onClick={() => onChoose(chosen?.key === s.key ? null : s)}
            data-testid={`${testId}-time-${s.start}`}
          >
            {s.start}
          </button>
        ))}
      </div>
    </div>
  );
}
