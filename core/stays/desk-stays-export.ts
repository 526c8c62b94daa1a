/**
 * The desk's own stays CSV, for accountants (`stays:export`, issue 10 item 12; docs/desk-worklists.md).
 * Seed 000's `GET /bookings/export/csv` keeps its columns (stays-export.ts); this one is written for
 * a spreadsheet:
 * - money as a decimal in the hotel's currency, named in the header (`Price (DKK)`), never øre;
 * - the hotel-local date (`2026-11-06`, ISO 8601, which every spreadsheet reads as a date) and the
 *   local time (`14:00`, read as a time) of arrival and departure in their own columns, instead of an
 *   instant with an offset that spreadsheets keep as text;
 * - statuses and headers in the chosen language (`lang`, default the hotel's).
 * The decimal separator follows the delimiter, as spreadsheets pair them: `;` is the list separator
 * where the decimal sign is a comma (Danish Excel and LibreOffice), `,` where it is a point.
 * Every cell is made by the SQL itself, so the rows need no formatting pass.
 */
import type { StayStatus } from '../../shared/rules/stay-rules';
import type { DeskStayExportQuery } from '../../shared/contract/stays';
import type { ExportEnv } from '../export/export-def';
import { defineExport } from '../export/export-def';
import { staysExport } from './stays-export';

export type DeskStayCsvQuery = Partial<DeskStayExportQuery>;
type Lang = 'da' | 'en';

const HEADERS: Record<Lang, (currency: string) => string[]> = {
  en: (c) => ['Stay', 'Room', 'Category', 'Status', 'Guest', 'Guests', 'Arrival date', 'Arrival time', 'Departure date', 'Departure time', 'Nights', `Price (${c})`],
  da: (c) => ['Ophold', 'Værelse', 'Kategori', 'Status', 'Gæst', 'Gæster', 'Ankomstdato', 'Ankomsttid', 'Afrejsedato', 'Afrejsetid', 'Nætter', `Pris (${c})`],
};

export const STATUS_TEXT: Record<Lang, Record<StayStatus, string>> = {
  en: { booked: 'Booked', checked_in: 'Checked in', checked_out: 'Checked out', cancelled: 'Cancelled', no_show: 'No-show' },
  da: { booked: 'Booket', checked_in: 'Checket ind', checked_out: 'Checket ud', cancelled: 'Annulleret', no_show: 'Udeblevet' },
};

function langOf(query: DeskStayCsvQuery, env: ExportEnv): Lang {
  return query.lang ?? env.locale ?? 'en';
}

/** Decimal places of the currency's minor unit (DKK 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `price` (minor units) as a decimal cell: `printf` with the currency's places, the comma where the delimiter is `;`. */
function priceSql(currency: string, delimiter: string): string {
  const digits = minorDigits(currency);
  const decimal = `printf('%.${digits}f', s.price / ${10 ** digits}.0)`;
  return delimiter === ';' ? `replace(${decimal}, '.', ',')` : decimal;
}

function sqlText(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export const deskStaysExport = defineExport<DeskStayCsvQuery>({
  fileName: 'stays',
  title: 'Export stays',
  columns: HEADERS.en('DKK'),
  header: (query, env) => HEADERS[langOf(query, env)](env.currency ?? 'DKK'),
  check: (query) => staysExport.check?.(query),
  chunkQuery(query, env) {
    const base = staysExport.chunkQuery(query, env);
    const status = STATUS_TEXT[langOf(query, env)];
    const statusCase = `CASE s.status ${Object.entries(status).map(([k, v]) => `WHEN ${sqlText(k)} THEN ${sqlText(v)}`).join(' ')} ELSE s.status END`;
    // The stored ISO text is hotel-local: its first ten characters are the date, 12–16 the time.
    const columns = `s.id, r.number, s.category, ${statusCase}, s.guest_name, s.guests,
        substr(s.checkin, 1, 10), substr(s.checkin, 12, 5), substr(s.checkout, 1, 10), substr(s.checkout, 12, 5),
        s.nights, ${priceSql(env.currency ?? 'DKK', query.delimiter ?? ',')}`;
    const from = base.sql.indexOf('FROM stays s');
    return { sql: `SELECT ${columns}\n      ${base.sql.slice(from)}`, params: base.params };
  },
});
