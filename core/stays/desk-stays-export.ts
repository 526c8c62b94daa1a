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
 * Every cell but the price is made by the SQL itself (db/queries/exports/stays-export-queries.ts); the
 * price is written from its minor units here, exactly, the same on both engines.
 */
import { deskStaysChunk } from '../../db/queries/exports/stays-export-queries';
import type { StayStatus } from '../../shared/rules/stay-rules';
import type { DeskStayExportQuery } from '../../shared/contract/stays';
import type { ExportEnv } from '../export/export-def';
import { defineExport } from '../export/export-def';
import { minorDigits } from '../../shared/currency-digits';
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


/**
 * An amount in minor units as a decimal with the currency's places, the comma where the delimiter is
 * `;`: 1234500 → `12345.00`, or `12345,00`; 5 → `0.05`. Integer arithmetic, so no rounding.
 */
export function decimalCell(minor: number, currency: string, delimiter: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const unit = 10 ** digits;
  const abs = Math.abs(minor);
  const point = delimiter === ';' ? ',' : '.';
  return `${minor < 0 ? '-' : ''}${Math.trunc(abs / unit)}${point}${String(abs % unit).padStart(digits, '0')}`;
}

export const deskStaysExport = defineExport<DeskStayCsvQuery>({
  fileName: 'stays',
  title: 'Export stays',
  columns: [
    ...HEADERS.en('DKK').slice(0, -1),
    { header: 'Price (DKK)', cell: (price, env, options) => decimalCell(price as number, env.currency ?? 'DKK', options.delimiter ?? ',') },
  ],
  header: (query, env) => HEADERS[langOf(query, env)](env.currency ?? 'DKK'),
  check: (query) => staysExport.check?.(query),
  chunkQuery: (query, env) =>
    deskStaysChunk({ from: query.from, to: query.to, status: query.status, roomId: query.roomId }, STATUS_TEXT[langOf(query, env)]),
});
