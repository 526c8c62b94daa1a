/**
 * The Reports screen (issue 17 §1): pick a period, see the rooms report's figures in a table beside
 * the same days last year, by category, and as charts (report-charts.tsx, uPlot, loaded with this
 * chunk only). Prints as the manager's report of the day (reports.css's print rules).
 */
import { useEffect, useState } from 'react';
import type { CommandInput } from '../../../shared/contract/commands';
import type { RoomsFigures, RoomsReport } from '../../../shared/contract/reports';
import { REPORT_PERIODS, type ReportPeriod } from '../../../shared/rules/report-rules';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { ErrorAlert } from '../ui/error-alert';
import { Page } from '../ui/page';
import { OccupancyChart, RevenueByCategoryChart } from './report-charts';
import { useReportsStore } from './reports-store';
import './reports-text';
import './reports.css';

type Row = { key: string; label: Parameters<ReturnType<typeof useT>>[0]; value: (f: RoomsFigures) => number; show: (n: number) => string };

export function ReportsScreen() {
  const t = useT();
  const [period, setPeriod] = useState<ReportPeriod>('monthToDate');
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = useReportsStore((s) => s.report);
  const busy = useReportsStore((s) => s.busy);
  const error = useReportsStore((s) => s.error);
  // The period the controls say, as the report command takes it.
  const asked = (): CommandInput<'reports:rooms'> => (period === 'range' ? { period, from, to } : { period, ...(date ? { date } : {}) });
  const load = () => useReportsStore.getState().load(asked());

  useEffect(() => {
    void useReportsStore.getState().open(asked());
    // Only the first time: later the user presses Show.
  }, []);

  const head = (
    <form
      className="report-controls push-right"
      onSubmit={(e) => {
        e.preventDefault();
        void load();
      }}
    >
      <label>
        {t('reports.period')}{' '}
        <select className="input" value={period} data-testid="report-period" onChange={(e) => setPeriod(e.target.value as ReportPeriod)}>
          {REPORT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`reports.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {period === 'range' ? (
        <>
          <label>
            {t('reports.from')} <input className="input" type="date" value={from} data-testid="report-from" onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('reports.to')} <input className="input" type="date" value={to} data-testid="report-to" onChange={(e) => setTo(e.target.value)} />
          </label>
        </>
      ) : (
        <label>
          {t('reports.date')} <input className="input" type="date" value={date} data-testid="report-date" onChange={(e) => setDate(e.target.value)} />
        </label>
      )}
      <button type="submit" className="button button-primary" disabled={busy} data-testid="report-show">
        {t('reports.show')}
      </button>
      <button type="button" className="button" onClick={() => window.print()} data-testid="report-print">
        {t('reports.print')}
      </button>
    </form>
  );

  return (
    <Page titleId="reports-title" title={t('reports.title')} testId="reports-screen" className="reports" head={head}>
      {error ? <ErrorAlert error={error} /> : null}
      {busy && !report ? <p>{t('reports.loading')}</p> : null}
      {report ? <ReportBody report={report} /> : null}
    </Page>
  );
}

/** The report's figures beside last year's, its charts and its categories. */
function ReportBody({ report }: { report: RoomsReport }) {
  const t = useT();
  const f = useFormats();
  const pct = (n: number) => `${(n * 100).toLocaleString(f.locale, { maximumFractionDigits: 1 })} %`;
  const num = (n: number) => n.toLocaleString(f.locale, { maximumFractionDigits: 1 });
  const rows: Row[] = [
    { key: 'occupancy', label: 'reports.occupancy', value: (x) => x.occupancy, show: pct },
    { key: 'adr', label: 'reports.adr', value: (x) => x.adr, show: f.money },
    { key: 'revpar', label: 'reports.revpar', value: (x) => x.revpar, show: f.money },
    { key: 'roomRevenue', label: 'reports.roomRevenue', value: (x) => x.roomRevenue, show: f.money },
    { key: 'roomsSold', label: 'reports.roomsSold', value: (x) => x.roomsSold, show: num },
    { key: 'roomsAvailable', label: 'reports.roomsAvailable', value: (x) => x.roomsAvailable, show: num },
    { key: 'arrivals', label: 'reports.arrivals', value: (x) => x.arrivals, show: num },
    { key: 'departures', label: 'reports.departures', value: (x) => x.departures, show: num },
    { key: 'inHouse', label: 'reports.inHouse', value: (x) => x.inHouse, show: num },
    { key: 'cancellations', label: 'reports.cancellations', value: (x) => x.cancellations, show: num },
    { key: 'noShows', label: 'reports.noShows', value: (x) => x.noShows, show: num },
    { key: 'noShowRate', label: 'reports.noShowRate', value: (x) => x.noShowRate, show: pct },
    { key: 'alos', label: 'reports.alos', value: (x) => x.averageLengthOfStay, show: num },
    { key: 'lead', label: 'reports.leadTime', value: (x) => x.averageLeadDays, show: num },
  ];
  const span = (x: RoomsFigures) => (x.from === x.to ? f.shortDate(x.from) : t('reports.thisPeriod', { from: f.shortDate(x.from), to: f.shortDate(x.to) }));


  return (
    <div className="report-body" data-testid="report-body">
      <div className="report-figures">
        <table className="table" data-testid="report-table">
          <thead>
            <tr>
              <th>{t('reports.figure')}</th>
              <th className="num" data-testid="report-current-period">{span(report.current)}</th>
              <th className="num" data-testid="report-last-year-period">{`${t('reports.lastYear')}: ${span(report.lastYear)}`}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`report-row-${r.key}`}>
                <th scope="row">{t(r.label)}</th>
                <td className="num">{r.show(r.value(report.current))}</td>
                <td className="num">{r.show(r.value(report.lastYear))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.outOfOrderUnavailable ? <p className="report-note">{t('reports.outOfOrderNote')}</p> : null}
      </div>
      <div className="report-charts">
        <OccupancyChart report={report} labels={{ title: t('reports.occupancyByDay'), current: span(report.current), lastYear: t('reports.lastYear') }} />
        <RevenueByCategoryChart report={report} money={f.money} labels={{ title: t('reports.revenueByCategory'), current: span(report.current), lastYear: t('reports.lastYear') }} />
      </div>
      <h2>{t('reports.byCategory')}</h2>
      <table className="table" data-testid="report-categories">
        <thead>
          <tr>
            <th>{t('reports.category')}</th>
            <th className="num">{t('reports.occupancy')}</th>
            <th className="num">{t('reports.adr')}</th>
            <th className="num">{t('reports.revpar')}</th>
            <th className="num">{t('reports.roomRevenue')}</th>
            <th className="num">{t('reports.roomsSold')}</th>
          </tr>
        </thead>
        <tbody>
          {report.current.byCategory.map((c) => (
            <tr key={c.category}>
              <th scope="row">{c.category}</th>
              <td className="num">{pct(c.occupancy)}</td>
              <td className="num">{f.money(c.adr)}</td>
              <td className="num">{f.money(c.revpar)}</td>
              <td className="num">{f.money(c.roomRevenue)}</td>
              <td className="num">{num(c.roomsSold)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
