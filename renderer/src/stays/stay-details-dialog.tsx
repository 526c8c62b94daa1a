/**
 * One stay in full, with only the actions its status allows (`canApply`, the core's own rule).
 * Cancel, check-out, no-show and undo ask first (a check-out or no-show shows the nights it frees and
 * the price under the hotel's rule, from the host's quote); move and new dates open their panel;
 * every refusal shows here, and a check-in's warning (a room not yet clean) as a notice.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { DepartureQuote, Stay, StayWarning } from '../../../shared/contract/stays';
import { canApply, canUndo, previousStatus, type StayAction } from '../../../shared/rules/stay-rules';
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

type Mode = 'view' | 'confirm-cancel' | 'confirm-no-show' | 'confirm-check-out' | 'confirm-undo' | 'move' | 'dates' | 'guest';

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
};

/** A warning or refusal's text in the desk's language, from its stable reason. */
function warningText(w: StayWarning, t: ReturnType<typeof useT>): string {
  return t(`reason.${w.reason}` as MessageKey, w.params);
}

// eslint-disable-next-line max-lines-per-function -- one stay's details and its legal actions share its loaded state and the price question
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
      toast('success', t(done, { name: s.guestName, status: t(`status.${s.status}` as MessageKey) }));
      for (const w of s.warnings ?? []) toast('info', t('stay.warning', { message: warningText(w, t) }));
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
    else if (action === 'check_out') setMode('confirm-check-out');
    else if (action === 'move') setMode('move');
    else if (action === 'change_dates') setMode('dates');
  };

  const changed = (done: MessageKey) => (s: Stay) => {
    toast('success', t(done, { name: s.guestName, room: s.roomNumber }));
    onClose();
  };

  const title = stay ? `${stay.guestName} · ${t('stay.title', { id: stay.id })}` : t('stay.title', { id });
  const legal = stay ? ACTIONS.filter((a) => canApply(a.action, stay.status)) : [];
  const undoable = stay ? canUndo(stay.status) : false;

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
              legal.length || undoable ? (
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
                  {undoable ? (
                    <button type="button" className="button" disabled={busy} autoFocus={legal.length === 0} onClick={() => setMode('confirm-undo')} data-testid="stay-action-undo">
                      {t('stay.undo', { what: t(`stay.undoWhat.${stay.status}` as MessageKey) })}
                    </button>
                  ) : null}
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
            ) : mode === 'confirm-cancel' ? (
              <Confirm
                text={t('stay.confirmCancel')}
                yes={t('stay.confirmCancelYes')}
                no={t('stay.keep')}
                busy={busy}
                onYes={() => void run('stays:cancel', 'stay.done.cancel')}
                onNo={() => setMode('view')}
              />
            ) : mode === 'confirm-no-show' || mode === 'confirm-check-out' ? (
              <Confirm
                text={t(mode === 'confirm-no-show' ? 'stay.confirmNoShow' : 'stay.confirmCheckOut')}
                yes={t(mode === 'confirm-no-show' ? 'stay.confirmNoShowYes' : 'stay.confirmCheckOutYes')}
                no={t('stay.keep')}
                busy={busy}
                onYes={() => void (mode === 'confirm-no-show' ? run('stays:noShow', 'stay.done.noShow') : run('stays:checkOut', 'stay.done.checkOut'))}
                onNo={() => setMode('view')}
              >
                <DepartureQuoteText id={stay.id} action={mode === 'confirm-no-show' ? 'no_show' : 'check_out'} />
              </Confirm>
            ) : mode === 'confirm-undo' ? (
              <Confirm
                text={t('stay.confirmUndo', { status: t(`status.${previousStatus(stay.status) ?? stay.status}` as MessageKey) })}
                yes={t('stay.confirmUndoYes')}
                no={t('stay.keep')}
                busy={busy}
                onYes={() => void run('stays:undo', 'stay.done.undo')}
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

/** The host's quote for a check-out or no-show, asked when the confirmation opens. */
function DepartureQuoteText({ id, action }: { id: number; action: 'check_out' | 'no_show' }) {
  const t = useT();
  const f = useFormats();
  const [quote, setQuote] = useState<DepartureQuote | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    useStaysStore
      .getState()
      .quote(id, action)
      .then((q) => live && setQuote(q))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, action]);
  if (error) return <ErrorAlert error={error} />;
  if (!quote) return <p className="muted">{t('stay.quoteLoading')}</p>;
  const rule = t(`stay.rule.${quote.rule}` as MessageKey);
  return (
    <div data-testid="departure-quote">
      <p>{quote.early ? t('stay.quoteEarly', { used: quote.usedNights, booked: quote.bookedNights }) : t('stay.quoteOnTime', { booked: quote.bookedNights })}</p>
      <p>
        {quote.price === quote.bookedPrice
          ? t('stay.quotePriceSame', { price: f.money(quote.price), rule })
          : t('stay.quotePrice', { price: f.money(quote.price), was: f.money(quote.bookedPrice), charged: quote.chargedNights, rule })}
      </p>
    </div>
  );
}

function Confirm(props: { text: string; yes: string; no: string; busy: boolean; onYes(): void; onNo(): void; children?: ReactNode }) {
  return (
    <div className="confirm" role="group" aria-label={props.text}>
      <p>{props.text}</p>
      {props.children}
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
