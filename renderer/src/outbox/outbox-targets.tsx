/**
 * The outbox screen's table of targets (issue 20 item 2): for billing, the event broker and e-mail,
 * whether each is configured, up or failing since when (and how often), its next probe, what waits
 * for it and the soonest next attempt. Read from the database, so it says the same on every server.
 */
import type { OutboxTargetStatus } from '../../../shared/contract/outbox';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { DataTable, type DataColumn } from '../ui/data-table';

type Row = OutboxTargetStatus & { id: string };

const NAMES = { billing: 'outbox.targetName.billing', events: 'outbox.targetName.events', email: 'outbox.targetName.email' } as const;
const isNamed = (target: string): target is keyof typeof NAMES => target in NAMES;

export function OutboxTargets({ targets }: { targets: readonly OutboxTargetStatus[] }) {
  const t = useT();
  const f = useFormats();
  const at = (iso: string | null) => (iso === null ? t('common.none') : f.instant(iso));

  function state(r: Row) {
    if (!r.configured) return <span className="muted">{t('outbox.targetUnconfigured')}</span>;
    if (r.state === 'up') return r.recoveredAt ? t('outbox.targetUpSince', { time: f.instant(r.recoveredAt) }) : t('outbox.targetUp');
    return (
      <span className="error-text">
        {t('outbox.targetFailing', { time: at(r.failingSince), n: r.failures })}
        {r.lastError ? <div className="small">{r.lastError}</div> : null}
      </span>
    );
  }

  const columns: DataColumn<Row>[] = [
    { header: t('outbox.target'), strong: true, cell: (r) => (isNamed(r.target) ? t(NAMES[r.target]) : r.target) },
    { header: t('outbox.targetState'), cell: state, data: (r) => ({ 'data-state': r.configured ? r.state : 'unconfigured' }) },
    { header: t('outbox.pending'), num: true, cell: (r) => r.pending },
    { header: t('outbox.oldestPending'), cell: (r) => at(r.oldestPendingAt) },
    { header: t('outbox.nextAttempt'), cell: (r) => at(r.nextAttemptAt) },
    { header: t('outbox.nextProbe'), cell: (r) => (r.state === 'failing' ? at(r.nextProbeAt) : t('common.none')) },
  ];

  return (
    <section className="panel" aria-labelledby="outbox-targets-title">
      <h2 id="outbox-targets-title">{t('outbox.targets')}</h2>
      <DataTable
        rows={targets.map((r) => ({ ...r, id: r.target }))}
        rowTestId={(r) => `outbox-target-${r.target}`}
        columns={columns}
        actionsHeader=""
        actions={() => null}
        testId="outbox-targets"
      />
      <p className="muted small">{t('outbox.targetsNote')}</p>
    </section>
  );
}
