/**
 * Admin: messages to billing, the event broker and e-mail; counts, each target's state (up, or
 * failing since when, next probe), the last error, dead ones to retry, and the pending ones a dead
 * message of their record holds back (and why).
 */
import { useEffect } from 'react';
import type { OutboxMessage } from '../../../shared/contract/outbox';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useOutboxStore } from './outbox-store';
import { BrokerLine } from './broker-line';
import { OutboxTargets } from './outbox-targets';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { useRowAction } from '../ui/use-row-action';
import { Page } from '../ui/page';

// eslint-disable-next-line max-lines-per-function -- the outbox's counts, message table and retry share the screen's state
export function OutboxScreen() {
  const t = useT();
  const f = useFormats();
  const { status, loading, error } = useOutboxStore();
  const { busyKey: retrying, run } = useRowAction<number>();

  useEffect(() => {
    const store = useOutboxStore.getState();
    store.watch(true);
    store.load().catch(() => undefined);
    return () => useOutboxStore.getState().watch(false);
  }, []);

  const retry = (id: number) => run(id, () => useOutboxStore.getState().retry(id), t('outbox.retried', { id }));

  const deadColumns: DataColumn<OutboxMessage>[] = [
    { header: t('outbox.id'), num: true, cell: (m) => m.id },
    { header: t('outbox.target'), cell: (m) => m.target },
    {
      header: t('outbox.topic'),
      cell: (m) => (
        <>
          {m.topic}
          <div className="muted small">{m.path}</div>
        </>
      ),
    },
    { header: t('outbox.attempts'), num: true, cell: (m) => m.attempts },
    { header: t('outbox.error'), className: 'error-text', cell: (m) => m.lastError ?? t('common.none') },
    { header: t('outbox.created'), cell: (m) => f.instant(m.createdAt) },
  ];

  const counts = [
    { key: 'outbox.pending', value: status?.pending, tone: 'pending', testId: 'outbox-pending' },
    { key: 'outbox.sent', value: status?.sent, tone: 'sent', testId: 'outbox-sent' },
    { key: 'outbox.dead', value: status?.dead, tone: 'dead', testId: 'outbox-dead' },
    { key: 'outbox.superseded', value: status?.superseded, tone: 'sent', testId: 'outbox-superseded' },
  ] as const;

  return (
    <Page
      titleId="outbox-title" title={t('outbox.title')} testId="outbox-screen"
      head={
        <>
          <button type="button" className="button push-right" onClick={() => void useOutboxStore.getState().load().catch(() => undefined)} disabled={loading}>
            {t('common.refresh')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="outbox-error" />
      <BrokerLine broker={status?.broker} />
      <div className="counts counts-plain">
        {counts.map((c) => (
          <div key={c.key} className={`count count-${c.tone}`}>
            <span className="count-value" data-testid={c.testId}>
              {c.value ?? '–'}
            </span>
            <span className="count-label">{t(c.key)}</span>
          </div>
        ))}
      </div>
      {status?.targets ? <OutboxTargets targets={status.targets} /> : null}
      <section className="panel" aria-labelledby="outbox-last-error">
        <h2 id="outbox-last-error">{t('outbox.lastError')}</h2>
        {status?.lastError ? (
          <p className="error-text" data-testid="outbox-last-error">
            #{status.lastError.id} · {status.lastError.message} <span className="muted">{t('outbox.at', { time: f.instant(status.lastError.at) })}</span>
          </p>
        ) : (
          <p className="muted">{t('outbox.noError')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="outbox-dead-title">
        <h2 id="outbox-dead-title">{t('outbox.deadMessages')}</h2>
        {status && status.deadMessages.length === 0 ? (
          <p className="muted">{t('outbox.noDead')}</p>
        ) : (
          <DataTable
            rows={status?.deadMessages ?? []}
            rowTestId={(m) => `outbox-row-${m.id}`}
            columns={deadColumns}
            actionsHeader=""
            actions={(m) => (
              <button type="button" className="button button-small" disabled={retrying === m.id} onClick={() => void retry(m.id)} data-testid={`outbox-retry-${m.id}`}>
                {t('outbox.retry')}
              </button>
            )}
          />
        )}
      </section>
      {status && status.blockedMessages.length > 0 && (
        <section className="panel" aria-labelledby="outbox-blocked-title">
          <h2 id="outbox-blocked-title">{t('outbox.blockedMessages')}</h2>
          <ul data-testid="outbox-blocked">
            {status.blockedMessages.map((m) => (
              <li key={m.id} data-testid={`outbox-blocked-${m.id}`}>
                #{m.id} · {m.topic} <span className="muted small">{m.path}</span> — {t('outbox.waitsBehind', { id: m.blockedBy ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
