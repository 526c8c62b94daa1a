/**
 * "Generate timeslots": a room, the days (both inclusive), the slot length, the day's hours, days to
 * skip and the seats per slot. The host's dry run (`timeslots:preview`, the same rules as the
 * generation: idempotent, DST-correct) says how many new slots it would make before anything is
 * made; the button then makes them.
 */
import { useEffect, useState } from 'react';
import type { ServiceRoom } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { DateList } from './date-list';
import { useSetupStore } from './setup-store';
import { DateInput } from '../ui/date-input';
import { TimeInput } from '../ui/time-input';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const PREVIEW_DELAY_MS = 250;

// eslint-disable-next-line max-lines-per-function -- one form's fields, its preview count and its submit share its state
export function GenerateDialog({ rooms, roomId, onClose }: { rooms: ServiceRoom[]; roomId: number | null; onClose(): void }) {
  const t = useT();
  const active = rooms.filter((r) => r.isActive);
  const [room, setRoom] = useState(String(roomId ?? active[0]?.id ?? ''));
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [slotDuration, setSlotDuration] = useState('30');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('');
  const [preview, setPreview] = useState<{ key: string; count: number } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);

  const duration = /^\d+$/.test(slotDuration) ? Number(slotDuration) : NaN;
  const seats = capacity.trim() === '' ? undefined : /^\d+$/.test(capacity.trim()) ? Number(capacity.trim()) : NaN;
  const problem =
    !room ? t('validation.required', { field: t('appt.room') })
    : !DATE.test(startDate) ? t('validation.required', { field: t('appt.startDate') })
    : !DATE.test(endDate) ? t('validation.required', { field: t('appt.endDate') })
    : endDate < startDate ? t('appt.rangeOrder')
    : !(duration >= 5 && duration <= 480) ? t('validation.range', { min: 5, max: 480 })
    : !(TIME.test(start) && TIME.test(end) && start < end) ? t('appt.hoursInvalid')
    : seats !== undefined && !(seats >= 1 && seats <= 100) ? t('validation.range', { min: 1, max: 100 })
    : null;
  const input = problem
    ? null
    : {
        roomId: Number(room),
        startDate,
        endDate,
        slotDuration: duration,
        workingHours: { start, end },
        excludedDates: excluded,
        ...(seats !== undefined ? { capacity: seats } : {}),
      };
  const key = input ? JSON.stringify(input) : '';

  useEffect(() => {
    setPreviewError(null);
    if (!input) return;
    let live = true;
    const timer = setTimeout(() => {
      useSetupStore
        .getState()
        .preview(input)
        .then(
          (answer) => live && setPreview({ key, count: answer.count }),
          (e: unknown) => live && setPreviewError(e),
        );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `input` is rebuilt each render; `key` is its content.
  }, [key]);

  const count = preview && preview.key === key ? preview.count : null;

  const { busy, error, submit: generate } = useFormSubmit(!input || count === null, async () => {
    const done = await useSetupStore.getState().generate(input!);
    toast('success', t('appt.generated', { n: done.count }));
    onClose();
  });

  return (
    <FormDialog
      title={t('appt.generateTitle')}
      onClose={onClose}
      onSubmit={() => void generate()}
      testId="generate-dialog"
      busy={busy}
      error={error}
      errorTestId="generate-error"
      submitTestId="generate-submit"
      submitLabel={count === null ? t('appt.generate') : t('appt.generateN', { n: count })}
      submitDisabled={count === null || count === 0}
      below={
        <>
          <DateList label={t('appt.excludedDates')} dates={excluded} onChange={setExcluded} testId="generate-excluded" />
          <ErrorAlert error={previewError} testId="generate-preview-error" />
          <p className={`alert ${problem ? 'alert-info' : 'alert-success'}`} role="status" data-testid="generate-preview" data-count={count ?? ''}>
            {problem ? problem : count === null ? t('appt.counting') : count === 0 ? t('appt.willMakeNone') : t('appt.willMake', { n: count })}
          </p>
        </>
      }
    >
      <Field label={t('appt.room')} wide>
        <select className="input" value={room} onChange={(e) => setRoom(e.target.value)} data-autofocus data-testid="generate-room">
          {active.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('appt.startDate')}>
        <DateInput value={startDate} onChange={setStartDate} testId="generate-start" />
      </Field>
      <Field label={t('appt.endDate')}>
        <DateInput value={endDate} min={startDate} onChange={setEndDate} testId="generate-end" />
      </Field>
      <Field label={t('appt.slotMinutes')}>
        <input type="number" className="input" min={5} max={480} value={slotDuration} onChange={(e) => setSlotDuration(e.target.value)} data-testid="generate-duration" />
      </Field>
      <Field label={t('appt.seatsPerSlot')} hint={t('appt.seatsHint')}>
        <input type="number" className="input" min={1} max={100} value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="generate-capacity" />
      </Field>
      <Field label={t('appt.dayStart')}>
        <TimeInput value={start} onChange={setStart} testId="generate-day-start" />
      </Field>
      <Field label={t('appt.dayEnd')}>
        <TimeInput value={end} onChange={setEnd} testId="generate-day-end" />
      </Field>
    </FormDialog>
  );
}
