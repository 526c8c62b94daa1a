/**
 * Each report as a CSV of the export registry (issue 17 §1): the same figures as the screen and the
 * API (the report's own computation, read in the export's snapshot), one row per day (rooms) or per
 * service room, provider, resource or car, with last year's figures beside each. Headers in the
 * hotel's language; money as a decimal in the hotel's currency and percentages with one decimal,
 * the decimal comma where the delimiter is `;` (as the desk's stays CSV does); text cells (a
 * category, a car's name) neutralised like every export's. Runs in the export worker: no zod.
 */
import type { ReportExportQuery } from '../../shared/contract/reports';
import { sameDayLastYear } from '../../shared/rules/report-rules';
import { defineExport, type ExportEnv } from '../export/export-def';
import { decimalCell } from '../stays/desk-stays-export';
import { appointmentsReport } from './appointments-report';
import { fleetReport } from './fleet-report';
import { checkReportQuery, type ReportEnv } from './report-period';
import { roomsReport } from './rooms-report';
import { stockReport } from './stock-report';

type Query = Partial<ReportExportQuery>;
type Lang = 'da' | 'en';

function reportEnv(env: ExportEnv): ReportEnv {
  if (!env.report) throw new Error('A report export needs the env.report the host gives it');
  return { timeZone: env.timeZone, currency: env.currency ?? 'DKK', ...env.report };
}

/** The report's own query (without the CSV options), with its defaults. */
const reportQuery = (q: Query) => ({ period: q.period ?? 'monthToDate', date: q.date, from: q.from, to: q.to });

/** Cells in the export's delimiter: money from minor units, a fraction as a percentage with one decimal. */
function cells(env: ExportEnv, q: Query) {
  const delimiter = q.delimiter ?? ',';
  const currency = env.currency ?? 'DKK';
  return {
    money: (minor: number) => decimalCell(minor, currency, delimiter),
    pct: (f: number) => {
      const text = (Math.round(f * 1000) / 10).toFixed(1);
      return delimiter === ';' ? text.replace('.', ',') : text;
    },
  };
}

/** Headers per language, `{c}` standing for the currency. */
function headers(words: Record<Lang, string[]>) {
  return (_q: Query, env: ExportEnv) => words[env.locale ?? 'en'].map((h) => h.replace('{c}', env.currency ?? 'DKK'));
}

const ROOMS: Record<Lang, string[]> = {
  en: ['Date', 'Rooms available', 'Rooms sold', 'Occupancy (%)', 'Room revenue ({c})', 'ADR ({c})', 'RevPAR ({c})', 'Arrivals', 'Departures',
    'Date last year', 'Rooms sold last year', 'Occupancy last year (%)', 'Room revenue last year ({c})'],
  da: ['Dato', 'Disponible værelser', 'Solgte værelser', 'Belægning (%)', 'Værelsesomsætning ({c})', 'ADR ({c})', 'RevPAR ({c})', 'Ankomster', 'Afrejser',
    'Dato sidste år', 'Solgte værelser sidste år', 'Belægning sidste år (%)', 'Værelsesomsætning sidste år ({c})'],
};

export const roomsReportExport = defineExport<Query>({
  fileName: 'rooms-report',
  title: 'Export the rooms report',
  columns: ROOMS.en,
  header: headers(ROOMS),
  check: (q) => checkReportQuery(reportQuery(q)),
  async rows(db, q, env) {
    const { money, pct } = cells(env, q);
    const r = await roomsReport(db, reportEnv(env), reportQuery(q));
    const last = new Map(r.lastYear.byDay.map((d) => [d.date, d]));
    return r.current.byDay.map((d) => {
      const ly = last.get(sameDayLastYear(d.date));
      const adr = d.roomsSold > 0 ? Math.round(d.roomRevenue / d.roomsSold) : 0;
      const revpar = d.roomsAvailable > 0 ? Math.round(d.roomRevenue / d.roomsAvailable) : 0;
      return [d.date, d.roomsAvailable, d.roomsSold, pct(d.occupancy), money(d.roomRevenue), money(adr), money(revpar), d.arrivals, d.departures,
        ly?.date ?? '', ly?.roomsSold ?? 0, pct(ly?.occupancy ?? 0), money(ly?.roomRevenue ?? 0)];
    });
  },
});

const APPOINTMENTS: Record<Lang, string[]> = {
  en: ['Kind', 'Name', 'Bookings', 'Booked minutes', 'Minutes offered', 'Utilisation (%)', 'Revenue ({c})', 'No-shows',
    'Bookings last year', 'Utilisation last year (%)', 'Revenue last year ({c})'],
  da: ['Type', 'Navn', 'Bookinger', 'Bookede minutter', 'Udbudte minutter', 'Udnyttelse (%)', 'Omsætning ({c})', 'Udeblevne',
    'Bookinger sidste år', 'Udnyttelse sidste år (%)', 'Omsætning sidste år ({c})'],
};
const KIND: Record<Lang, Record<'room' | 'provider', string>> = { en: { room: 'Service room', provider: 'Provider' }, da: { room: 'Lokale', provider: 'Behandler' } };

export const appointmentsReportExport = defineExport<Query>({
  fileName: 'appointments-report',
  title: 'Export the appointments report',
  columns: APPOINTMENTS.en,
  header: headers(APPOINTMENTS),
  check: (q) => checkReportQuery(reportQuery(q)),
  async rows(db, q, env) {
    const { money, pct } = cells(env, q);
    const r = await appointmentsReport(db, reportEnv(env), reportQuery(q));
    const last = new Map(r.lastYear.byResource.map((x) => [`${x.kind}:${x.id}`, x]));
    return r.current.byResource.map((x) => {
      const ly = last.get(`${x.kind}:${x.id}`);
      return [KIND[env.locale ?? 'en'][x.kind], x.name, x.bookings, x.bookedMinutes, x.availableMinutes, pct(x.utilisation), money(x.revenue), x.noShows,
        ly?.bookings ?? 0, pct(ly?.utilisation ?? 0), money(ly?.revenue ?? 0)];
    });
  },
});

const STOCK: Record<Lang, string[]> = {
  en: ['Resource', 'Quantity owned', 'Loans', 'Quantity lent', 'Utilisation (%)', 'Overdue', 'Loans last year', 'Utilisation last year (%)', 'Overdue last year'],
  da: ['Ressource', 'Antal ejet', 'Udlån', 'Antal udlånt', 'Udnyttelse (%)', 'Forsinkede', 'Udlån sidste år', 'Udnyttelse sidste år (%)', 'Forsinkede sidste år'],
};

export const stockReportExport = defineExport<Query>({
  fileName: 'stock-report',
  title: 'Export the stock report',
  columns: STOCK.en,
  header: headers(STOCK),
  check: (q) => checkReportQuery(reportQuery(q)),
  async rows(db, q, env) {
    const { pct } = cells(env, q);
    const r = await stockReport(db, reportEnv(env), reportQuery(q));
    const last = new Map(r.lastYear.byResource.map((x) => [x.id, x]));
    return r.current.byResource.map((x) => {
      const ly = last.get(x.id);
      return [x.name, x.totalQuantity, x.loans, x.quantityLent, pct(x.utilisation), x.overdue, ly?.loans ?? 0, pct(ly?.utilisation ?? 0), ly?.overdue ?? 0];
    });
  },
});

const FLEET: Record<Lang, string[]> = {
  en: ['Car', 'Rentals', 'Days rented', 'Days available', 'Utilisation (%)', 'Km driven', 'Damage reports', 'Rentals last year', 'Utilisation last year (%)', 'Km driven last year'],
  da: ['Bil', 'Udlejninger', 'Udlejede dage', 'Mulige dage', 'Udnyttelse (%)', 'Kørte km', 'Skadesrapporter', 'Udlejninger sidste år', 'Udnyttelse sidste år (%)', 'Kørte km sidste år'],
};

export const fleetReportExport = defineExport<Query>({
  fileName: 'fleet-report',
  title: 'Export the fleet report',
  columns: FLEET.en,
  header: headers(FLEET),
  check: (q) => checkReportQuery(reportQuery(q)),
  async rows(db, q, env) {
    const { pct } = cells(env, q);
    const r = await fleetReport(db, reportEnv(env), reportQuery(q));
    const last = new Map(r.lastYear.byCar.map((x) => [x.id, x]));
    return r.current.byCar.map((x) => {
      const ly = last.get(x.id);
      return [x.name, x.rentals, x.rentedDays, x.availableDays, pct(x.utilisation), x.kmDriven, x.damageReports, ly?.rentals ?? 0, pct(ly?.utilisation ?? 0), ly?.kmDriven ?? 0];
    });
  },
});
