/**
 * Checks a pair of dates typed in a dialog with the same rule the core uses (`stayNights`), and
 * says what is wrong in the desk's language instead of throwing.
 */
import { stayNights } from '../../../shared/rules/stay-rules';
import { nightsBetween, parseDate } from '../../../shared/time';
import type { Translate } from '../i18n/translate';

export type DatesCheck = { ok: true; nights: number } | { ok: false; message: string | null };

function isDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

export function checkStayDates(checkin: string, checkout: string, maxNights: number, t: Translate): DatesCheck {
  if (!isDate(checkin) || !isDate(checkout)) return { ok: false, message: null };
  const nights = nightsBetween(checkin, checkout);
  if (nights < 1) return { ok: false, message: t('validation.datesOrder') };
  if (nights > maxNights) return { ok: false, message: t('validation.maxNights', { n: maxNights }) };
  return { ok: true, nights: stayNights(checkin, checkout, maxNights) };
}
