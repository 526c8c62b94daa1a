/**
 * A calendar date as the desk types and reads it, in its language — not in the browser's (a native
 * `<input type="date">` shows mm/dd/yyyy in an American Chromium whatever the desk's language).
 * Danish: `01.05.2026` (also typed `1.5.2026`, `1-5-2026`, `1/5/2026`); English: ISO `2026-05-01`,
 * which no reader takes for the 5th of January. ISO is understood in both. Pure: tested in Node.
 */
export type DateLang = 'da' | 'en';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function real(y: number, m: number, d: number): string | null {
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** `2026-05-01` as the desk reads it. */
export function formatDateText(iso: string, lang: DateLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'da' ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** What was typed, as an ISO date, or null when it is not a whole, real date. */
export function parseDateText(text: string, lang: DateLang): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return real(+iso[1]!, +iso[2]!, +iso[3]!);
  if (lang === 'da') {
    const da = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
    if (da) return real(+da[3]!, +da[2]!, +da[1]!);
  }
  return null;
}

/** The field's placeholder: the pattern to type. */
export function datePattern(lang: DateLang): string {
  return lang === 'da' ? 'dd.mm.åååå' : 'yyyy-mm-dd';
}
