/**
 * One appointment at the desk: who, what, when, price, status and payment; and what the desk does
 * with it — take payment (cash, card or invoice: paid and confirmed), move it to another free place,
 * cancel it (the refund is shown before the cancellation is confirmed), mark it completed or a
 * no-show. Every refusal shows in the panel. The appointment is read from the calendar, so another
 * desk's change shows here as it happens.
 */
import { useEffect, useState } from 'react';
import type { Appointment, PaymentMethod } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { ApptStatusPill, PaymentPill } from './appointment-pills';
import { useAppointmentsStore } from './appointments-store';
import { LIVE_STATUSES, rescheduleInput, type FreeSlot } from './calendar-layout';
import { RefundConfirm } from './refund-confirm';
import { SlotPicker, type SlotTarget } from './slot-picker';
import { PAYMENT_METHODS } from './vocabulary';

type Mode = 'actions' | 'cancel' | 'move';

export function slotTargetOf(a: Appointment): SlotTarget | null {
  if (a.kind === 'timeslot' && a.roomId !== null) return { kind: 'room', id: a.roomId };
  if (a.kind === 'provider' && a.providerId !== null) return { kind: 'provider', id: a.providerId, minutes: a.durationMinutes };
  return null;
}

export function AppointmentFacts({ a }: { a: Appointment }) {
  const t = useT();
  const f = useFormats();
  return (
    <dl className="facts appt-facts">
      <div className="fact">
        <dt>{a.kind === 'timeslot' ? t('appt.room') : t('appt.provider')}</dt>
        <dd className="strong">{a.room?.name ?? a.provider?.name ?? t('common.none')}</dd>
      </div>
      <div className="fact">
        <dt>{t('appt.when')}</dt>
        <dd data-testid="appt-when">{t('appt.whenText', { date: f.longDate(a.date), time: a.time.slice(0, 5), minutes: a.durationMinutes })}</dd>
      </div>
      <div className="fact">
        <dt>{t('appt.guest')}</dt>
        <dd>
          {a.guestName}
          {a.guestEmail ? <span className="muted"> · {a.guestEmail}</span> : null}
        </dd>
      </div>
      <div className="fact">
        <dt>{t('appt.price')}</dt>
        <dd className="strong">{f.money(a.price)}</dd>
      </div>
      <div className="fact">
        <dt>{t('appt.status')}</dt>
        <dd>
          <ApptStatusPill status={a.status} testId="appt-status" /> <PaymentPill appointment={a} testId="appt-payment" />
        </dd>
      </div>
      {a.status === 'cancelled' ? (
        <div className="fact">
          <dt>{t('appt.refunded')}</dt>
          <dd data-testid="appt-refunded">{f.money(a.refundAmount)}</dd>
        </div>
      ) : null}
      {a.holdExpiresAt && a.status === 'pending' ? (
        <div className="fact">
          <dt>{t('appt.holdUntil')}</dt>
          <dd>{f.instant(a.holdExpiresAt)}</dd>
        </div>
      ) : null}
      {a.bookingType ? (
        <div className="fact">
          <dt>{t('appt.type')}</dt>
          <dd>{a.bookingType}</dd>
        </div>
      ) : null}
      {a.notes ? (
        <div className="fact fact-wide">
          <dt>{t('appt.notes')}</dt>
          <dd className="appt-notes">{a.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}

// eslint-disable-next-line max-lines-per-function -- one appointment's actions (pay, cancel with its refund, reschedule, status) share its loaded state and busy flag
export function AppointmentPanel({ id, onClose }: { id: number; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const fromCalendar = useAppointmentsStore((s) => s.calendar?.appointments.find((a) => a.id === id) ?? null);
  const [fetched, setFetched] = useState<Appointment | null>(null);
  const [mode, setMode] = useState<Mode>('actions');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [moveDate, setMoveDate] = useState('');
  const [moveTo, setMoveTo] = useState<FreeSlot | null>(null);

  const a = fromCalendar ?? fetched;
  useEffect(() => {
    if (fromCalendar) return;
    let live = true;
    useAppointmentsStore
      .getState()
      .fetchAppointment(id)
      .then(
        (got) => live && setFetched(got),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [id, fromCalendar]);

  const run = async (action: () => Promise<Appointment>, done: (saved: Appointment) => string) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await action();
      setFetched(saved);
      toast('success', done(saved));
      setMode('actions');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const store = useAppointmentsStore.getState;

  const open = a !== null && LIVE_STATUSES.includes(a.status);
  const target = a ? slotTargetOf(a) : null;

  return (
    <Dialog title={a ? t('appt.panelTitle', { id: a.id, guest: a.guestName }) : t('common.loading')} onClose={onClose} size="lg" testId="appt-panel">
      <ErrorAlert error={error} testId="appt-panel-error" />
      {a ? <AppointmentFacts a={a} /> : null}
      {a && open && mode === 'actions' ? (
        <div className="actions-section appt-actions">
          {a.paymentStatus === 'unpaid' ? (
            <fieldset className="fieldset appt-pay-box">
              <legend>{t('appt.takePayment')}</legend>
              <div className="appt-choices" role="radiogroup" aria-label={t('appt.method')}>
                {PAYMENT_METHODS.map((m) => (
                  <label key={m} className="choice">
                    <input type="radio" name="appt-method" checked={method === m} onChange={() => setMethod(m)} data-testid={`appt-method-${m}`} />
                    {t(`appt.method.${m}`)}
                  </label>
                ))}
              </div>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void run(() => store().pay(a.id, method), (s) => t('appt.paid', { amount: f.money(s.price), method: t(`appt.method.${method}`) }))}
                data-testid="appt-pay"
                data-autofocus
              >
                {t('appt.payConfirm', { amount: f.money(a.price) })}
              </button>
            </fieldset>
          ) : null}
          <div className="button-row button-row-start">
            {target ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => {
                  setMoveDate(a.date);
                  setMoveTo(null);
                  setMode('move');
                }}
                data-testid="appt-reschedule"
              >
                {t('appt.reschedule')}
              </button>
            ) : null}
            {a.status === 'confirmed' ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run(() => store().setStatus(a.id, 'completed'), () => t('appt.markedCompleted', { id: a.id }))}
                data-testid="appt-completed"
              >
                {t('appt.markCompleted')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(() => store().setStatus(a.id, 'no_show'), () => t('appt.markedNoShow', { id: a.id }))}
              data-testid="appt-no-show"
            >
              {t('appt.markNoShow')}
            </button>
            <button type="button" className="button button-quiet-danger push-right" disabled={busy} onClick={() => setMode('cancel')} data-testid="appt-cancel">
              {t('appt.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {a && (a.status === 'completed' || a.status === 'no_show') ? (
        <div className="button-row button-row-start">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => store().undoStatus(a.id), (s) => t('appt.undone', { id: s.id, status: t(`appt.status.${s.status}`).toLowerCase() }))}
            data-testid="appt-undo"
          >
            {t(a.status === 'completed' ? 'appt.undoCompleted' : 'appt.undoNoShow')}
          </button>
        </div>
      ) : null}
      {a && open && mode === 'cancel' ? (
        <RefundConfirm
          id={a.id}
          cancel={async (cid) => {
            const done = await store().cancel(cid);
            setFetched(done.booking);
            return done;
          }}
          onDone={() => setMode('actions')}
          onKeep={() => setMode('actions')}
        />
      ) : null}
      {a && open && mode === 'move' && target ? (
        <div className="change-panel appt-move" data-testid="appt-move">
          <h3>{t('appt.moveTitle')}</h3>
          <SlotPicker
            target={target}
            date={moveDate}
            onDate={setMoveDate}
            chosen={moveTo}
            onChoose={setMoveTo}
            exclude={(s) => (s.kind === 'timeslot' ? s.timeslotId === a.timeslotId : s.date === a.date && s.start === a.time.slice(0, 5))}
            testId="appt-move-picker"
          />
          <div className="button-row button-row-start">
            <button
              type="button"
              className="button button-primary"
              disabled={!moveTo || busy}
              onClick={() => moveTo && void run(() => store().reschedule(rescheduleInput(a, moveTo)), (s) => t('appt.moved', { date: f.longDate(s.date), time: s.time.slice(0, 5) }))}
              data-testid="appt-reschedule-confirm"
            >
              {moveTo ? t('appt.moveTo', { date: f.shortDate(moveTo.date), time: moveTo.start }) : t('appt.pickTime')}
            </button>
            <button type="button" className="button" onClick={() => setMode('actions')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
