/**
 * The desk's Appointments: a day or a week, a column per service room or per provider, free slots
 * and appointments coloured by status and payment. A free slot books (BookDialog), an appointment
 * opens its panel (payment, move, cancel with the refund shown, completed, no-show), and an
 * appointment dragged onto a free place moves there after a confirmation. PageUp / PageDown step a
 * day or a week. Other desks' and LAN clients' changes arrive live.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Appointment } from '../../../shared/contract/appointments';
import { addDays, localDate } from '../../../shared/time';
import { hashOptions } from '../stores/location-hash';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { useFormSubmit } from '../ui/use-form-submit';
import { AppointmentPanel } from './appointment-panel';
import { AppointmentsExportDialog } from './appointments-export-dialog';
import { daysIn, useAppointmentsStore } from './appointments-store';
import { BookDialog } from './book-dialog';
import { columnsOf, daysOf, rescheduleInput, type CalendarView, type ColumnMode, type FreeSlot } from './calendar-layout';
import { DayView, WeekView } from './calendar-views';
import './appointments.css';
import './appointments-text';
import { DateInput } from '../ui/date-input';
import { Page } from '../ui/page';

/** The hash's options, those that are valid: `from` a date, `view` day/week, `mode` rooms/providers. */
function fromHash(hash: string): { from?: string; view?: CalendarView; mode?: ColumnMode } {
  const o = hashOptions(hash);
  const from = o.get('from');
  const view = o.get('view');
  const mode = o.get('mode');
  return {
    ...(from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(view === 'day' || view === 'week' ? { view } : {}),
    ...(mode === 'rooms' || mode === 'providers' ? { mode } : {}),
  };
}

type Open = { kind: 'book'; slot: FreeSlot } | { kind: 'panel'; id: number } | { kind: 'move'; appointment: Appointment; slot: FreeSlot } | { kind: 'export' } | null;

function MoveConfirm({ appointment, slot, onClose }: { appointment: Appointment; slot: FreeSlot; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const { busy, error, submit: move } = useFormSubmit(false, async () => {
    const moved = await useAppointmentsStore.getState().reschedule(rescheduleInput(appointment, slot));
    toast('success', t('appt.moved', { date: f.longDate(moved.date), time: moved.time.slice(0, 5) }));
    onClose();
  });
  return (
    <Dialog
      title={t('appt.moveTitle')}
      onClose={onClose}
      onSubmit={() => void move()}
      size="sm"
      testId="appt-move-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="appt-move-submit" data-autofocus>
            {busy ? t('common.saving') : t('appt.moveTo', { date: f.shortDate(slot.date), time: slot.start })}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="appt-move-error" />
      <p>{t('appt.moveQuestion', { guest: appointment.guestName, from: `${f.shortDate(appointment.date)} ${appointment.time.slice(0, 5)}`, to: `${f.shortDate(slot.date)} ${slot.start}` })}</p>
    </Dialog>
  );
}

// eslint-disable-next-line max-lines-per-function -- the calendar's day, view and filters drive its panels and dialogs as one state
export function AppointmentsScreen() {
  const t = useT();
  const f = useFormats();
  const { view, mode, from, showCancelled, calendar, availability, loaded, loading, error } = useAppointmentsStore();
  const [open, setOpen] = useState<Open>(null);
  const [dragging, setDragging] = useState<Appointment | null>(null);
  const today = localDate(Date.now(), f.timeZone);

  useEffect(() => {
    const store = useAppointmentsStore.getState();
    const asked = fromHash(window.location.hash);
    if (!store.from || Object.keys(asked).length > 0) void store.show({ from: today, ...asked }).catch(() => undefined);
    else void store.load().catch(() => undefined);
    // Once, on opening the screen; the store keeps the days chosen (the Today button follows `today`).
  }, []);

  // The days shown stay in the URL (`#/appointments?from=…&view=week&mode=providers`): a reload stays put.
  useEffect(() => {
    if (!from) return;
    const hash = `#/appointments?${new URLSearchParams({ from, view, mode }).toString()}`;
    if (window.location.hash.startsWith('#/appointments') && window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [from, view, mode]);

  const columns = useMemo(() => (calendar ? columnsOf(calendar, mode) : []), [calendar, mode]);
  const days = from ? daysOf(from, daysIn(view), addDays) : [];
  const show = (patch: Parameters<ReturnType<typeof useAppointmentsStore.getState>['show']>[0]) => void useAppointmentsStore.getState().show(patch).catch(() => undefined);

  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return;
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      void useAppointmentsStore.getState().step(e.key === 'PageUp' ? -1 : 1).catch(() => undefined);
    }
  };

  const actions = {
    onFree: (slot: FreeSlot) => setOpen({ kind: 'book', slot }),
    onAppointment: (id: number) => setOpen({ kind: 'panel', id }),
    dragging,
    onDragStart: setDragging,
    onDrop: (slot: FreeSlot) => {
      if (dragging) setOpen({ kind: 'move', appointment: dragging, slot });
      setDragging(null);
    },
  };
  const shownCalendar = calendar && calendar.from === from && calendar.to >= (days.at(-1) ?? '') ? calendar : null;

  return (
    <Page
      titleId="appt-title" title={t('appt.title')} testId="appointments-screen" className="appt-screen" onKeyDown={onKey}
      head={
        <>
          <div className="segmented" role="group" aria-label={t('appt.viewLabel')}>
            {(['day', 'week'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => show({ view: v })} data-testid={`appt-view-${v}`}>
                {t(`appt.view.${v}`)}
              </button>
            ))}
          </div>
          <div className="segmented" role="group" aria-label={t('appt.columnsLabel')}>
            {(['rooms', 'providers'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => show({ mode: m })} data-testid={`appt-mode-${m}`}>
                {t(`appt.mode.${m}`)}
              </button>
            ))}
          </div>
          <div className="toolbar-group">
            <button type="button" className="button button-small" aria-label={t(view === 'day' ? 'appt.prevDay' : 'appt.prevWeek')} onClick={() => void useAppointmentsStore.getState().step(-1).catch(() => undefined)} data-testid="appt-prev">
              ‹
            </button>
            <button type="button" className="button button-small" onClick={() => show({ from: today })} data-testid="appt-today">
              {t('appt.today')}
            </button>
            <button type="button" className="button button-small" aria-label={t(view === 'day' ? 'appt.nextDay' : 'appt.nextWeek')} onClick={() => void useAppointmentsStore.getState().step(1).catch(() => undefined)} data-testid="appt-next">
              ›
            </button>
            <span className="toolbar-date">
              <DateInput className="input input-compact" ariaLabel={t('appt.day')} value={from ?? ''} onChange={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && show({ from: v })} testId="appt-date" />
            </span>
          </div>
          <span className="strong" data-testid="appt-range">
            {from ? (view === 'day' ? f.longDate(from) : `${f.shortDate(from)} – ${f.shortDate(addDays(from, 6))}`) : ''}
          </span>
          <label className="choice push-right">
            <input type="checkbox" checked={showCancelled} onChange={(e) => show({ showCancelled: e.target.checked })} data-testid="appt-show-cancelled" />
            {t('appt.showCancelled')}
          </label>
          <button type="button" className="button" onClick={() => setOpen({ kind: 'export' })} data-testid="appt-export-open">
            {t('appt.export')}
          </button>
          <button type="button" className="button" onClick={() => void useAppointmentsStore.getState().load().catch(() => undefined)} disabled={loading}>
            {t('common.refresh')}
          </button>
        </>
      }
    >
      <div className="legend appt-legend" aria-label={t('appt.legend')}>
        <span className="legend-item"><span className="legend-swatch appt-free" />{t('appt.free')}</span>
        {(['pending', 'confirmed', 'completed', 'no_show', 'cancelled'] as const).map((s) => (
          <span key={s} className="legend-item"><span className={`legend-swatch appt-block appt-status-${s}`} />{t(`appt.status.${s}`)}</span>
        ))}
        <span className="legend-item"><span className="legend-swatch appt-block appt-status-confirmed appt-pay-unpaid" />{t('appt.payment.unpaid')}</span>
      </div>
      <ErrorAlert error={error} testId="appt-error" />
      {shownCalendar ? (
        view === 'day' ? (
          <DayView calendar={shownCalendar} columns={columns} days={days} availability={availability} showCancelled={showCancelled} nowMs={Date.now()} {...actions} />
        ) : (
          <WeekView calendar={shownCalendar} columns={columns} days={days} availability={availability} showCancelled={showCancelled} nowMs={Date.now()} {...actions} />
        )
      ) : !error ? (
        <p className="muted panel-center">{t('common.loading')}</p>
      ) : null}
      {loaded && calendar && columns.length === 0 ? <p className="muted">{t(mode === 'rooms' ? 'appt.noRoomsHint' : 'appt.noProvidersHint')}</p> : null}
      {open?.kind === 'book' && calendar ? (
        <BookDialog slot={open.slot} calendar={calendar} onClose={() => setOpen(null)} onBooked={(id) => setOpen({ kind: 'panel', id })} />
      ) : null}
      {open?.kind === 'panel' ? <AppointmentPanel key={open.id} id={open.id} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'move' ? <MoveConfirm appointment={open.appointment} slot={open.slot} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'export' ? <AppointmentsExportDialog onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}
