/**
 * The downtime pack's pages (docs/printing.md): arrivals, guests in house and room status as
 * self-contained HTML files — the styles inline, no script, no link out — that any browser on any PC
 * opens from a USB stick or the data folder without Frontdesk, and prints on A4 (a floor to a page).
 * Every value from the database is escaped.
 */
import type { PrintLists, PrintRoom, PrintStay } from '../../shared/contract/print';
import { downtimeWords, fill, type DowntimeWords } from './downtime-text';
import { minorDigits } from '../../shared/currency-digits';
import { parseDate, toCivil } from '../../shared/time';

const STYLE = `
body { font: 11pt/1.35 system-ui, Arial, sans-serif; color: #000; margin: 1.5rem; }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #000; }
h1 { font-size: 16pt; margin: 0; }
table { width: 100%; border-collapse: collapse; margin-top: .5rem; font-size: 10pt; }
th, td { border-bottom: 1px solid #999; padding: .2rem .3rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid #000; }
.sub { display: block; font-size: 8pt; }
.box { width: 1.5rem; } .box::before { content: ''; display: inline-block; width: .8rem; height: .8rem; border: 1px solid #000; }
section + section { margin-top: 2rem; }
@media print { @page { size: A4; margin: 12mm; } body { margin: 0; } section + section { break-before: page; margin-top: 0; } thead { display: table-header-group; } tr { break-inside: avoid; } }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PackFormats {
  money(minor: number): string;
  date(isoDate: string): string;
  /** When the pack was written, as the desk reads it. */
  writtenAt: string;
}

/** Money signs the pack writes for the currencies a Danish hotel meets; any other currency by its code. */
const MONEY_SIGNS: Readonly<Record<string, string>> = { DKK: 'kr.', EUR: '€', GBP: '£', USD: 'US$', JPY: 'JP¥' };
const MONTHS = {
  da: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
} as const;

/** 123450 øre → `1.234,50` (da) / `1,234.50` (en), from integer minor units (no floating point); no sign. */
function amount(minor: number, digits: number, locale: 'da' | 'en'): string {
  const unit = 10 ** digits;
  const abs = Math.abs(Math.round(minor));
  const whole = String(Math.floor(abs / unit)).replace(/\B(?=(\d{3})+$)/g, locale === 'da' ? '.' : ',');
  const fraction = digits > 0 ? `${locale === 'da' ? ',' : '.'}${String(abs % unit).padStart(digits, '0')}` : '';
  return `${whole}${fraction}`;
}

/**
 * Money and dates in the hotel's currency and language, as Intl writes them for da-DK and en-GB
 * (`2.000,00 kr.`, `DKK 2,000.00`, `€2,000.00`; `1. maj`, `1 May`; `1. maj 2026, 10.05`), written out
 * here: the pack is made every 30 minutes in the host, and one `Intl.NumberFormat` or
 * `DateTimeFormat` would keep ~7 MB of ICU in its memory for good (docs/benchmarks.md, twenty-third pass).
 */
export function packFormats(lists: PrintLists, locale: 'da' | 'en', writtenMs: number, timeZone: string): PackFormats {
  const digits = minorDigits(lists.currency);
  const sign = MONEY_SIGNS[lists.currency];
  const money = (minor: number): string => {
    const text = amount(minor, digits, locale);
    const signed = locale === 'da' ? `${text} ${sign ?? lists.currency}` : sign && sign !== 'kr.' ? `${sign}${text}` : `${lists.currency} ${text}`;
    return minor < 0 ? `-${signed}` : signed;
  };
  const dayMonth = (month: number, day: number): string => (locale === 'da' ? `${day}. ${MONTHS.da[month - 1]}` : `${day} ${MONTHS.en[month - 1]}`);
  const at = toCivil(writtenMs, timeZone);
  const clock = `${String(at.hour).padStart(2, '0')}${locale === 'da' ? '.' : ':'}${String(at.minute).padStart(2, '0')}`;
  return {
    money,
    date: (d) => {
      const c = parseDate(d);
      return dayMonth(c.month, c.day);
    },
    writtenAt: `${dayMonth(at.month, at.day)} ${at.year}, ${clock}`,
  };
}

function page(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

/** A sheet's heading: its title, and when and for which hotel the pack was written. */
function head(title: string, meta: string): string {
  return `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(meta)}</p></header>`;
}

function stayRows(stays: readonly PrintStay[], w: DowntimeWords, f: PackFormats): string {
  const e = escapeHtml;
  const rows = stays.map((s) => {
    const contact = [s.guestPhone, s.guestEmail].filter(Boolean).join(' · ');
    const late = s.todo.includes('overdue') ? `<span class="sub">${e(w.overdue)}</span>` : '';
    const notes = s.notes ? `<span class="sub">${e(s.notes)}</span>` : '';
    return `<tr><td>${s.roomNumber}<span class="sub">${e(s.category)}</span></td><td>${e(s.guestName)}${notes}</td><td>${s.guests}</td>` +
      `<td>${e(f.date(s.checkinDate))}</td><td>${e(f.date(s.checkoutDate))}${late}</td><td class="num">${s.nights}</td>` +
      `<td class="num">${e(f.money(s.price))}</td><td>${e(contact)}</td><td class="box"></td></tr>`;
  });
  const total = stays.reduce((sum, s) => sum + s.price, 0);
  return `<table><thead><tr><th>${e(w.room)}</th><th>${e(w.guest)}</th><th>${e(w.guests)}</th><th>${e(w.arrival)}</th><th>${e(w.departure)}</th>` +
    `<th class="num">${e(w.nights)}</th><th class="num">${e(w.price)}</th><th>${e(w.contact)}</th><th>${e(w.done)}</th></tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody><tfoot><tr><td colspan="6">${stays.length}</td><td class="num">${e(f.money(total))}</td><td colspan="2">${e(w.total)}</td></tr></tfoot></table>`;
}

function stayPage(title: string, stays: readonly PrintStay[], meta: string, w: DowntimeWords, f: PackFormats, lang: string): string {
  const body = stays.length === 0 ? `<p>${escapeHtml(w.empty)}</p>` : stayRows(stays, w, f);
  return page(title, lang, `<section>${head(title, meta)}${body}<p class="sub">${escapeHtml(w.priceNote)}</p></section>`);
}

function roomSection(floor: number, rooms: readonly PrintRoom[], title: string, meta: string, w: DowntimeWords): string {
  const e = escapeHtml;
  const rows = rooms.map((r) => {
    const leaving = r.departing ? `<span class="sub">${e(w.leaving)}</span>` : '';
    return `<tr><td>${r.number}</td><td>${e(r.category)}</td><td>${e(w[r.housekeeping])}</td><td>${e(r.inHouse ?? '')}${leaving}</td><td>${e(r.arriving ?? '')}</td><td class="box"></td></tr>`;
  });
  return `<section>${head(`${title} · ${fill(w.floor, { floor })}`, meta)}` +
    `<table><thead><tr><th>${e(w.room)}</th><th>${e(w.category)}</th><th>${e(w.state)}</th><th>${e(w.inHouseCol)}</th><th>${e(w.arriving)}</th><th>${e(w.done)}</th></tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function roomStatusPage(title: string, lists: PrintLists, meta: string, w: DowntimeWords, lang: string): string {
  const floors = new Map<number, PrintRoom[]>();
  for (const r of lists.rooms) floors.set(r.floor, [...(floors.get(r.floor) ?? []), r]);
  const sections = [...floors.entries()].sort((a, b) => a[0] - b[0]).map(([floor, rooms]) => roomSection(floor, rooms, title, meta, w));
  return page(title, lang, sections.join('\n'));
}

/** The pack's files by name: `index.html` links the three lists. */
export function downtimePackFiles(lists: PrintLists, locale: 'da' | 'en', f: PackFormats): Record<string, string> {
  const w = downtimeWords(locale);
  const meta = fill(w.written, { at: f.writtenAt, hotel: lists.hotelName });
  const date = f.date(lists.today);
  const titles = { arrivals: fill(w.arrivals, { date }), inHouse: fill(w.inHouse, { date }), roomStatus: fill(w.roomStatus, { date }) };
  const links = [['arrivals.html', titles.arrivals], ['in-house.html', titles.inHouse], ['room-status.html', titles.roomStatus]]
    .map(([href, label]) => `<li><a href="${href}">${escapeHtml(label!)}</a></li>`)
    .join('');
  return {
    'index.html': page(w.title, locale, `<section>${head(w.title, meta)}<p>${escapeHtml(w.intro)}</p><ul>${links}</ul></section>`),
    'arrivals.html': stayPage(titles.arrivals, lists.arrivals, meta, w, f, locale),
    'in-house.html': stayPage(titles.inHouse, lists.inHouse, meta, w, f, locale),
    'room-status.html': roomStatusPage(titles.roomStatus, lists, meta, w, locale),
  };
}
