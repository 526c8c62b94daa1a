/**
 * One stay in full, with only the actions its status allows (`canApply`, the core's own rule).
 * Cancel and no-show ask first; move and new dates open their panel; every refusal shows here.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { Stay } from '../../../shared/contract/schemas';
import { canApply, type StayAction } from '../../../shared/rules/stay-rules';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useStaysStore, type StayCommand } from './stays-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { StatusPill } from '../ui/status-pill';
import { ChangeDatesPanel, MoveStayPanel } from './stay-change-panels';
import { GuestEditPanel, GuestProfileSummary } from './guest-panels';

// The stay's extras (stock lent to it) load with the Stock chunk, not with the board's first bundle.
const StayExtrasPanel = lazy(() => import('../stock/stay-extras-panel').then((m) => ({ default: m.StayExtrasPanel })));

type Mode = 'view' | 'confirm-cancel' | 'confirm-no-show' | 'move' | 'dates' | 'guest';

const ACTIONS: { action: StayAction; label: MessageKey; testId: string; tone?: 'primary' | 'danger' }[] = [
  { action: 'check_in', label: 'stay.checkIn', testId: 'stay-action-check-in', tone: 'primary' },
  { action: 'check_out', label: 'stay.checkOut', testId: 'stay-action-check-out', tone: 'primary' },
  { action: 'move', label: 'stay.move', testId: 'stay-action-move' },
  { action: 'change_dates', label: 'stay.changeDates', testId: 'stay-action-change-dates' },
  { action: 'no_show', label: 'stay.noShow', testId: 'stay-action-no-show' },
  { action: 'cancel', label: 'stay.cancel', testId: 'stay-action-cancel', tone: 'danger' },
];

const DIRECT: Partial<Record<StayAction, { command: StayCommand; done: MessageKey }>> = {
  check_in: { command: 'stays:checkIn', done: 'stay.done.checkIn' },
  check_out: { command: 'stays:checkOut', done: 'stay.done.checkOut' },
};

export function StayDetailsDialog({ id, onClose }: { id: number; onClose(): void }) {
  const t = useT();
  const stay = useStaysStore((s) => s.detail);
  const loadError = useStaysStore((s) => s.detailError);
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void useStaysStore.getState().open(id);
    return () => useStaysStore.getState().closeDetail();
  }, [id]);

  const run = async (command: StayCommand, done: MessageKey) => {
    if (!stay || busy) return;
    setBusy(true);
    setError(null);
    try {
      const s = await useStaysStore.getState().apply(command, stay.id);
      toast('success', t(done, { name: s.guestName }));
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
      setMode('view');
    }
  };

  const choose = (action: StayAction) => {
    setError(null);
    const direct = DIRECT[action];
    if (direct) return void run(direct.command, direct.done);
    if (action === 'cancel') setMode('confirm-cancel');
    else if (action === 'no_show') setMode('confirm-no-show');
    else if (action === 'move') setMode('move');
    else if (action === 'change_dates') setMode('dates');
  };

  const changed = (done: MessageKey) => (s: Stay) => {
    toast('success', t(done, { name: s.guestName, room: s.roomNumber }));
    onClose();
  };

  const title = stay ? `${stay.guestName} · ${t('stay.title', { id: stay.id })}` : t('stay.title', { id });
  const legal = stay ? ACTIONS.filter((a) => canApply(a.action, stay.status)) : [];

  return (
    <Dialog title={title} onClose={onClose} size="lg" testId="stay-dialog">
      {!stay ? (
        loadError ? <ErrorAlert error={loadError} /> : <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <ErrorAlert error={error} />
          <StayFacts stay={stay} />
          <GuestProfileSummary stay={stay} />
          <Suspense fallback={null}><StayExtrasPanel stay={stay} /></Suspense>
          <section className="actions-section" aria-label={t('stay.actions')}>
            {mode === 'view' ? (
              legal.length ? (
                <div className="button-row button-row-start">
                  {legal.map((a, i) => (
                    <button
                      key={a.action}
                      autoFocus={i === 0}
                      type="button"
                      className={`button${a.tone ? ` button-${a.tone}` : ''}`}
                      disabled={busy}
                      onClick={() => choose(a.action)}
                      data-testid={a.testId}
                    >
                      {t(a.label)}
                    </button>
                  ))}
                  <button type="button" className="button" disabled={busy} onClick={() => setMode('guest')} data-testid="stay-action-edit-guest">
                    {t('guest.edit')}
                  </button>
                </div>
              ) : (
                <>
                  <p className="muted">{t('stay.noActions')}</p>
                  <button type="button" className="button" onClick={() => setMode('guest')} data-testid="stay-action-edit-guest">
                    {t('guest.edit')}
                  </button>
                </>
              )
            ) : mode === 'confirm-cancel' || mode === 'confirm-no-show' ? (
              <Confirm
                text={t(mode === 'confirm-cancel' ? 'stay.confirmCancel' : 'stay.confirmNoShow')}
                yes={t(mode === 'confirm-cancel' ? 'stay.confirmCancelYes' : 'stay.confirmNoShowYes')}
                no={t('stay.keep')}
                busy={busy}
                onYes={() =>
                  void (mode === 'confirm-cancel' ? run('stays:cancel', 'stay.done.cancel') : run('stays:noShow', 'stay.done.noShow'))
                }
                onNo={() => setMode('view')}
              />
            ) : mode === 'move' ? (
              <MoveStayPanel stay={stay} onDone={changed('stay.done.move')} onBack={() => setMode('view')} />
            ) : mode === 'guest' ? (
              <GuestEditPanel stay={stay} onDone={changed('guest.saved')} onBack={() => setMode('view')} />
            ) : (
              <ChangeDatesPanel stay={stay} onDone={changed('stay.done.dates')} onBack={() => setMode('view')} />
            )}
          </section>
        </>
      )}
    </Dialog>
  );
}

function StayFacts({ stay: s }: { stay: Stay }) {
  const t = useT();
  const f = useFormats();
  const row = (label: MessageKey, value: ReactNode, testId?: string) => (
    <div className="fact">
      <dt>{t(label)}</dt>
      <dd data-testid={testId}>{value === '' || value === null ? t('common.none') : value}</dd>
    </div>
  );
  return (
    <dl className="facts">
      {row('stay.status', <StatusPill status={s.status} testId="stay-status" />)}
      {row('stay.room', `${s.roomNumber} · ${s.category}`, 'stay-room')}
      {row('stay.checkin', f.instant(s.checkin), 'stay-checkin')}
      {row('stay.checkout', f.instant(s.checkout), 'stay-checkout')}
      {row('stay.nights', s.nights)}
      {row('stay.price', f.money(s.price), 'stay-price')}
      {row('stay.guest', s.guestName, 'stay-guest')}
      {row('stay.guests', s.guests)}
      {row('stay.email', s.guestEmail ? <a href={`mailto:${s.guestEmail}`}>{s.guestEmail}</a> : '')}
      {row('stay.phone', s.guestPhone ? <a href={`tel:${s.guestPhone}`}>{s.guestPhone}</a> : '')}
      {row('stay.notes', s.notes)}
      {row('stay.createdBy', `${s.createdBy} · ${f.instant(s.createdAt)}`)}
      {row('stay.updatedAt', f.instant(s.updatedAt))}
    </dl>
  );
}

function Confirm(props: { text: string; yes: string; no: string; busy: boolean; onYes(): void; onNo(): void }) {
  return (
    <div className="confirm" role="group" aria-label={props.text}>
      <p>{props.text}</p>
      <div className="button-row button-row-start">
        <button type="button" className="button button-danger" disabled={props.busy} onClick={props.onYes} autoFocus data-testid="stay-confirm">
          {props.yes}
        </button>
        <button type="button" className="button" onClick={props.onNo}>
          {props.no}
        </button>
      </div>
    </div>
  );
}
