/**
 * One CSV cell as a value, the way Danish and English spreadsheets write them: numbers with a
 * decimal comma or point (and thousands separators), money in kroner to øre, dates `dd-mm-yyyy`
 * (also `.` or `/`) or ISO `yyyy-mm-dd`, yes/no in either language, a day's hours `09:00-17:00`.
 * Each parser returns undefined for what it cannot read; the caller names the cell in its error.
 */

/**
 * A cell a spreadsheet would run as a formula (CSV injection): `=`, `@`, tab or CR first, or `+`/`-`
 * first with more than a number after it (`+HYPERLINK(…)`, `-A1`, `+1+2`). A signed number or a
 * phone number as guests write them (`-5`, `+45 20 12 34 56`, `+45-2012-3456`) is data, not a
 * formula: digits, spaces, dots, commas, dashes and parentheses only, so no function and no cell.
 */
export function isFormula(text: string): boolean {
  if (/^[=@\t\r]/.test(text)) return true;
  return /^[+-]/.test(text) && !/^[+-][\d\s().,-]*$/.test(text);
}

export function parseDecimal(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^(kr\.?|dkk)/i, '').replace(/(kr\.?|dkk|,-)$/i, '');
  if (t === '') return undefined;
  const comma = t.lastIndexOf(',');
  const point = t.lastIndexOf('.');
  if (comma > point) t = t.replace(/\./g, '').replace(',', '.');
  else if (point > comma && comma >= 0) t = t.replace(/,/g, '');
  else if (point >= 0 && /^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export function parseInteger(text: string): number | undefined {
  const n = parseDecimal(text);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Kroner (`1.125,50`, `1125.5`) → øre. */
export function parseMoney(text: string): number | undefined {
  const n = parseDecimal(text);
  return n === undefined ? undefined : Math.round(n * 100);
}

/** `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy` or `yyyy-mm-dd` (a time after it is ignored) → `yyyy-mm-dd`. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?: .*)?$/.exec(t);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dk ? [dk[3]!, dk[2]!.padStart(2, '0'), dk[1]!.padStart(2, '0')] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${m}-${d}`;
}

export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['ja', 'yes', 'true', '1', 'x', 'sand', 'j', 'y'].includes(t)) return true;
  if (['nej', 'no', 'false', '0', 'falsk', 'n'].includes(t)) return false;
  return undefined;
}

/** A day's hours `09:00-17:00` (`9-17`, `09.00–17.00`); `null` for a day off (`lukket`, `closed`, `-`). */
export function parseHours(text: string): { start: string; end: string } | null | undefined {
  const t = text.trim().toLowerCase();
  if (['lukket', 'closed', 'fri', 'off', '-', 'nej', 'no'].includes(t)) return null;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const clock = (h: string, min: string | undefined) => `${h.padStart(2, '0')}:${min ?? '00'}`;
  return { start: clock(m[1]!, m[2]), end: clock(m[3]!, m[4]) };
}
