/**
 * The Reports screen (issue 17 §1): pick a report (rooms, appointments, stock, fleet) and a period,
 * see its figures in a table beside the same days last year, its charts (report-charts.tsx, uPlot,
 * loaded with this chunk only) and a row per thing. Downloads the report as CSV (the export
 * registry's `reports:*Export`, as the export center does) and prints as the manager's report.
 */
import { useEffect, useState } from 'react';
import { REPORT_PERIODS, type ReportPeriod } from '../../../shared/rules/report-rules';
import { useLocaleStore } from '../i18n/locale-store';
import { useExportStore } from '../export/export-store';
import { ErrorAlert } from '../ui/error-alert';
import { Page } from '../ui/page';
import { AppointmentsReportView } from './appointments-report-view';
import { FleetReportView } from './fleet-report-view';
import { useReportFormat } from './report-format';
import { REPORT_KINDS, useReportsStore, type ReportKind } from './reports-store';
import { RoomsReportView } from './rooms-report-view';
import { StockReportView } from './stock-report-view';
import './reports-text';
import './reports.css';

interface Period {
  period: ReportPeriod;
  date: string;
  from: string;
  to: string;
}

const queryOf = (p: Period) => (p.period === 'range' ? { period: p.period, from: p.from, to: p.to } : { period: p.period, ...(p.date ? { date: p.date } : {}) });

const CSV = { rooms: 'reports:roomsExport', appointments: 'reports:appointmentsExport', stock: 'reports:stockExport', fleet: 'reports:fleetExport' } as const;

/** The report as CSV through the export store (the save dialog on the desk), in the user's language's delimiter. */
function downloadCsv(kind: ReportKind, p: Period): void {
  const delimiter = useLocaleStore.getState().lang === 'da' ? ';' : ',';
  void useExportStore.getState().run({ ...queryOf(p), delimiter, bom: true }, CSV[kind]);
}

export function ReportsScreen() {
  const fmt = useReportFormat();
  const { t } = fmt;
  const [kind, setKind] = useState<ReportKind>('rooms');
  const [p, setP] = useState<Period>({ period: 'monthToDate', date: '', from: '', to: '' });
  const shown = useReportsStore((s) => s.shown);
  const busy = useReportsStore((s) => s.busy);
  const error = useReportsStore((s) => s.error);
  const exporting = useExportStore((s) => s.busy);
  const exportError = useExportStore((s) => (s.running === CSV[kind] ? s.error : null));
  const load = (which: ReportKind, period: Period) => useReportsStore.getState().load(which, queryOf(period));

  useEffect(() => {
    void load(kind, p);
    // A new report shows at once for the period chosen; a new period waits for Show.
  }, [kind]);

  // The report picked, once it has come (the last one is not shown under the new one's title).
  const current = shown?.kind === kind ? shown : null;
  const set = (patch: Partial<Period>) => setP((x) => ({ ...x, ...patch }));
  const csv = () => downloadCsv(kind, p);

  const head = (
    <form
      className="report-controls push-right"
      onSubmit={(e) => {
        e.preventDefault();
        void load(kind, p);
      }}
    >
      <div className="report-picker" role="group" aria-label={t('reports.report')}>
        {REPORT_KINDS.map((k) => (
          <button key={k} type="button" className={`button${k === kind ? ' button-primary' : ''}`} aria-pressed={k === kind} data-testid={`report-kind-${k}`} onClick={() => setKind(k)}>
            {t(`reports.kind.${k}`)}
          </button>
        ))}
      </div>
      <label>
        {t('reports.period')}{' '}
        <select className="input" value={p.period} data-testid="report-period" onChange={(e) => set({ period: e.target.value as ReportPeriod })}>
          {REPORT_PERIODS.map((x) => (
            <option key={x} value={x}>
              {t(`reports.period.${x}`)}
            </option>
          ))}
        </select>
      </label>
      {p.period === 'range' ? (
        <>
          <label>
            {t('reports.from')} <input className="input" type="date" value={p.from} data-testid="report-from" onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label>
            {t('reports.to')} <input className="input" type="date" value={p.to} data-testid="report-to" onChange={(e) => set({ to: e.target.value })} />
          </label>
        </>
      ) : (
        <label>
          {t('reports.date')} <input className="input" type="date" value={p.date} data-testid="report-date" onChange={(e) => set({ date: e.target.value })} />
        </label>
      )}
      <button type="submit" className="button button-primary" disabled={busy} data-testid="report-show">
        {t('reports.show')}
      </button>
      <button type="button" className="button" disabled={exporting} onClick={csv} data-testid="report-csv">
        {t('reports.csv')}
      </button>
      <button type="button" className="button" onClick={() => window.print()} data-testid="report-print">
        {t('reports.print')}
      </button>
    </form>
  );

  return (
    <Page titleId="reports-title" title={`${t('reports.title')}: ${t(`reports.kind.${kind}`)}`} testId="reports-screen" className="reports" head={head}>
      {error ? <ErrorAlert error={error} /> : null}
      {exportError ? <ErrorAlert error={exportError} /> : null}
      {busy && current === null ? <p>{t('reports.loading')}</p> : null}
      {current?.kind === 'rooms' ? <RoomsReportView report={current.report} fmt={fmt} /> : null}
      {current?.kind === 'appointments' ? <AppointmentsReportView report={current.report} fmt={fmt} /> : null}
      {current?.kind === 'stock' ? <StockReportView report={current.report} fmt={fmt} /> : null}
      {current?.kind === 'fleet' ? <FleetReportView report={current.report} fmt={fmt} /> : null}
    </Page>
  );
}
