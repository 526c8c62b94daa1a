/**
 * A LAN client's My appointments: its own appointments of both kinds (cancel with the refund shown
 * first, move to another free time), its reminders, and booking: a service room's free timeslot or
 * a provider's free time on a day, through the seeds' own `POST /api/v1/bookings`. A change made at
 * the desk (a cancellation, a move) shows here live.
 */
import { useEffect, useState } from 'react';
import type { Appointment } from '../../../shared/contract/appointments';
import { localDate } from '../../../shared/time';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';
import { ApptStatusPill, PaymentPill } from './appointment-pills';
import { slotTargetOf } from './appointment-panel';
import { LIVE_STATUSES, rescheduleInput, slotPrice, type FreeSlot } from './calendar-layout';
import { useMyAppointmentsStore } from './my-appointments-store';
import { RefundConfirm } from './refund-confirm';
import { useReminders } from './reminders';
import { SlotPicker } from './slot-picker';
import './appointments.css';
import './appointments-text';
import { Page } from '../ui/page';

type Row = { id: number; action: 'cancel' | 'move' } | null;

function MoveRow({ a, onDone }: { a: Appointment; onDone(): void }) {
  const t = useT();
  const f = useFormats();
  const target = slotTargetOf(a)!;
  const [date, setDate] = useState(a.date);
  const [chosen, setChosen] = useState<FreeSlot | null>(null);
  const { busy, error, submit } = useFormSubmit(chosen === null, async () => {
    const moved = await useMyAppointmentsStore.getState().reschedule(rescheduleInput(a, chosen!));
    toast('success', t('appt.moved', { date: f.longDate(moved.date), time: moved.time.slice(0, 5) }));
    onDone();
  });
  return (
    <div className="change-panel appt-move" data-testid="my-appt-move">
      <ErrorAlert error={error} testId="my-appt-move-error" />
      <SlotPicker
        target={target}
        date={date}
        onDate={setDate}
        chosen={chosen}
        onChoose={setChosen}
        exclude={(s) => (s.kind === 'timeslot' ? s.timeslotId === a.timeslotId : s.date === a.date && s.start === a.time.slice(0, 5))}
        testId="my-appt-move-picker"
      />
      <div className="button-row button-row-start">
        <button type="button" className="button button-primary" disabled={!chosen || busy} onClick={() => void submit()} data-testid="my-appt-move-confirm">
          {chosen ? t('appt.moveTo', { date: f.shortDate(chosen.date), time: chosen.start }) : t('appt.pickTime')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- one form's fields and its free-slot lookup share its state
function BookForm() {
  const t = useT();
  const f = useFormats();
  const { rooms, providers } = useMyAppointmentsStore();
  const [what, setWhat] = useState<'room' | 'provider'>('room');
  const [targetId, setTargetId] = useState('');
  const [date, setDate] = useState(() => localDate(Date.now(), f.timeZone));
  const [chosen, setChosen] = useState<FreeSlot | null>(null);
  const [notes, setNotes] = useState('');
  const [bookingType, setBookingType] = useState('');

  const list = what === 'room' ? rooms : providers;
  const id = Number(targetId) || list[0]?.id || 0;
  const provider = providers.find((p) => p.id === id);
  const target = what === 'room' ? ({ kind: 'room', id } as const) : ({ kind: 'provider', id, minutes: provider?.appointmentMinutes ?? 30 } as const);

  const { busy, error, submit, reset } = useFormSubmit(chosen === null, async () => {
    const slot = chosen!;
    if (slot.kind === 'timeslot') {
      await useMyAppointmentsStore.getState().book({
        timeslotId: slot.timeslotId,
        roomId: slot.roomId,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(bookingType.trim() ? { bookingType: bookingType.trim() } : {}),
      });
    } else {
      await useMyAppointmentsStore.getState().book({ provider_id: slot.providerId, date: slot.date, time: slot.start });
    }
    toast('success', t('appt.clientBooked', { date: f.longDate(slot.date), time: slot.start }));
    setChosen(null);
    setNotes('');
    setBookingType('');
    reset();
  });

  return (
    <form
      className="panel fieldset settings-section"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      aria-labelledby="my-appt-book-title"
      data-testid="my-appt-book"
    >
      <h2 id="my-appt-book-title">{t('appt.bookHeading')}</h2>
      <ErrorAlert error={error} testId="my-appt-book-error" />
      <div className="appt-choices" role="radiogroup" aria-label={t('appt.bookWhat')}>
        {(['room', 'provider'] as const).map((w) => (
          <label key={w} className="choice">
            <input
              type="radio"
              name="my-appt-what"
              checked={what === w}
              onChange={() => {
                setWhat(w);
                setTargetId('');
                setChosen(null);
              }}
              data-testid={`my-appt-what-${w}`}
            />
            {t(w === 'room' ? 'appt.mode.rooms' : 'appt.mode.providers')}
          </label>
        ))}
      </div>
      {list.length === 0 ? (
        <p className="muted">{t(what === 'room' ? 'appt.noRooms' : 'appt.noProviders')}</p>
      ) : (
        <>
          <div className="form-grid">
            <Field label={t(what === 'room' ? 'appt.room' : 'appt.provider')} wide>
              <select
                className="input"
                value={String(id)}
                onChange={(e) => {
                  setTargetId(e.target.value);
                  setChosen(null);
                }}
                data-testid="my-appt-target"
              >
                {what === 'room'
                  ? rooms.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name} · {t(`appt.roomType.${r.roomType}`)} · {t('appt.perHour', { amount: f.money(r.hourlyRate) })}
                      </option>
                    ))
                  : providers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} · {t('appt.minutesEach', { n: p.appointmentMinutes })} · {f.money(p.price)}
                      </option>
                    ))}
              </select>
            </Field>
          </div>
          {what === 'room' && rooms.find((r) => r.id === id)?.description ? <p className="muted small">{rooms.find((r) => r.id === id)!.description}</p> : null}
          <SlotPicker target={target} date={date} onDate={setDate} chosen={chosen} onChoose={setChosen} testId="my-appt-picker" />
          {what === 'room' ? (
            <div className="form-grid">
              <Field label={`${t('appt.type')} (${t('common.optional')})`}>
                <input className="input" value={bookingType} maxLength={40} onChange={(e) => setBookingType(e.target.value)} data-testid="my-appt-type" />
              </Field>
              <Field label={`${t('appt.notes')} (${t('common.optional')})`} wide>
                <textarea className="input" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="my-appt-notes" />
              </Field>
            </div>
          ) : null}
          {chosen ? (
            <p className="price-summary" data-testid="my-appt-price">
              <span className="price-label">{t('appt.priceFor', { minutes: chosen.minutes })}</span> <span className="strong">{f.money(slotPrice({ rooms, providers }, chosen))}</span>
            </p>
          ) : null}
          <div className="button-row button-row-start">
            <button type="submit" className="button button-primary" disabled={busy || !chosen} data-testid="my-appt-book-submit">
              {busy ? t('common.saving') : chosen ? t('appt.bookAt', { date: f.shortDate(chosen.date), time: chosen.start }) : t('appt.pickTime')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

// eslint-disable-next-line max-lines-per-function -- a client's list, its cancel and reschedule share the screen's state
export function MyAppointmentsScreen() {
  const t = useT();
  const f = useFormats();
  const { appointments, loaded, error } = useMyAppointmentsStore();
  const reminders = useReminders((s) => s.reminders);
  const [row, setRow] = useState<Row>(null);

  useEffect(() => {
    useMyAppointmentsStore.getState().load().catch(() => undefined);
  }, []);

  const columns: DataColumn<Appointment>[] = [
    { header: t('appt.number'), num: true, cell: (a) => a.id },
    { header: t('appt.what'), strong: true, cell: (a) => a.room?.name ?? a.provider?.name ?? t('common.none') },
    { header: t('appt.when'), cell: (a) => t('appt.whenText', { date: f.longDate(a.date), time: a.time.slice(0, 5), minutes: a.durationMinutes }) },
    { header: t('appt.price'), num: true, cell: (a) => f.money(a.price) },
    {
      header: t('appt.status'),
      cell: (a) => (
        <>
          <ApptStatusPill status={a.status} testId={`my-appt-status-${a.id}`} /> <PaymentPill appointment={a} />
          {a.status === 'cancelled' && a.refundAmount > 0 ? (
            <span className="small" data-testid={`my-appt-refund-${a.id}`}>
              {' '}
              {t('appt.refundedAmount', { amount: f.money(a.refundAmount) })}
            </span>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <Page
      titleId="my-appt-title" title={t('appt.myTitle')} testId="my-appointments"
      head={
        <>
          <span className="muted">{t('appt.count', { n: appointments.length })}</span>
          <button type="button" className="button push-right" onClick={() => void useMyAppointmentsStore.getState().load().catch(() => undefined)}>
            {t('common.refresh')}
          </button>
        </>
      }
    >
      {reminders.map((r) => (
        <div key={r.appointment.id} role="status" className="alert alert-info appt-reminder" data-testid={`my-appt-reminder-${r.appointment.id}`}>
          <span>
            <strong>{r.message}</strong> {r.appointment.room?.name ?? r.appointment.provider?.name ?? ''} · {f.longDate(r.appointment.date)} {r.appointment.time.slice(0, 5)}
          </span>
          <button type="button" className="button button-small push-right" onClick={() => useReminders.getState().dismiss(r.appointment.id)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
      <ErrorAlert error={error} testId="my-appt-error" />
      <DataTable
        rows={appointments}
        rowTestId={(a) => `my-appt-${a.id}`}
        rowData={(a) => ({ 'data-status': a.status })}
        columns={columns}
        actionsHeader={t('appt.actions')}
        actions={(a) =>
          LIVE_STATUSES.includes(a.status) ? (
            <>
              <button type="button" className="button button-small" onClick={() => setRow({ id: a.id, action: 'move' })} data-testid={`my-appt-reschedule-${a.id}`}>
                {t('appt.reschedule')}
              </button>
              <button type="button" className="button button-small button-quiet-danger" onClick={() => setRow({ id: a.id, action: 'cancel' })} data-testid={`my-appt-cancel-${a.id}`}>
                {t('appt.cancel')}
              </button>
            </>
          ) : null
        }
      >
        {loaded && appointments.length === 0 ? <p className="muted panel-center" data-testid="my-appt-empty">{t('appt.myEmpty')}</p> : null}
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </DataTable>
      {row ? (
        <div className="panel settings-section" data-testid="my-appt-change">
          <h2>{t(row.action === 'cancel' ? 'appt.cancelTitle' : 'appt.moveTitle')} · {t('appt.numberN', { id: row.id })}</h2>
          {row.action === 'cancel' ? (
            <RefundConfirm id={row.id} cancel={(id) => useMyAppointmentsStore.getState().cancel(id)} onDone={() => setRow(null)} onKeep={() => setRow(null)} />
          ) : appointments.find((a) => a.id === row.id) ? (
            <MoveRow a={appointments.find((a) => a.id === row.id)!} onDone={() => setRow(null)} />
          ) : null}
        </div>
      ) : null}
      <BookForm />
    </Page>
  );
}
