import { describe, expect, it } from 'vitest';
import { packFormats } from '../../../core/print/downtime-html';
import type { PrintLists } from '../../../shared/contract/print';

/** Intl's text with its no-break spaces as plain ones (the pack writes plain spaces). */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const lists = (currency: string) => ({ currency }) as PrintLists;

describe('the downtime pack\'s money and dates, written without Intl', () => {
  it('writes money as Intl does for da-DK and en-GB, in every currency the pack names and by code for the rest', () => {
    for (const [locale, tag] of [['da', 'da-DK'], ['en', 'en-GB']] as const) {
      for (const currency of ['DKK', 'EUR', 'GBP', 'USD', 'JPY', 'SEK', 'NOK', 'CHF', 'KWD', 'ISK']) {
        const f = packFormats(lists(currency), locale, 0, 'UTC');
        const intl = new Intl.NumberFormat(tag, { style: 'currency', currency });
        const digits = intl.resolvedOptions().maximumFractionDigits ?? 2;
        for (const minor of [0, 5, 200_000, 123_456_789, -123_450]) {
          expect(f.money(minor), `${tag} ${currency} ${minor}`).toBe(plain(intl.format(minor / 10 ** digits)));
        }
      }
    }
  });

  it('writes dates and the time the pack was written as Intl does, the time in the hotel\'s zone', () => {
    for (const [locale, tag] of [['da', 'da-DK'], ['en', 'en-GB']] as const) {
      const written = Date.UTC(2026, 9, 25, 1, 5); // five minutes after the change to winter time: 02:05 in Copenhagen
      const f = packFormats(lists('DKK'), locale, written, 'Europe/Copenhagen');
      const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const iso = `2026-${String(m).padStart(2, '0')}-0${m % 9 + 1}`;
        expect(f.date(iso), `${tag} ${iso}`).toBe(plain(date.format(new Date(`${iso}T00:00:00Z`))));
      }
      const at = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
      expect(f.writtenAt, tag).toBe(plain(at.format(new Date(written))));
    }
  });
});
