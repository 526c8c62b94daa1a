import { describe, expect, it } from 'vitest';
import { datePattern, formatDateText, parseDateText } from '../../../renderer/src/format/date-text';

describe('dates as the desk types them, in its language', () => {
  it('shows a date the Danish way in Danish and as ISO in English, never mm/dd/yyyy', () => {
    expect(formatDateText('2026-05-01', 'da')).toBe('01.05.2026');
    expect(formatDateText('2026-05-01', 'en')).toBe('2026-05-01');
    expect(datePattern('da')).toBe('dd.mm.åååå');
  });

  it('reads Danish day-first dates and ISO in either language; a half-typed or impossible date is not one', () => {
    for (const typed of ['01.05.2026', '1.5.2026', '1-5-2026', '1/5/2026', '2026-05-01', ' 2026-5-1 ']) expect(parseDateText(typed, 'da')).toBe('2026-05-01');
    expect(parseDateText('2026-05-01', 'en')).toBe('2026-05-01');
    expect(parseDateText('05/01/2026', 'en')).toBeNull();
    expect(parseDateText('31.02.2026', 'da')).toBeNull();
    expect(parseDateText('29.02.2028', 'da')).toBe('2028-02-29');
    expect(parseDateText('01.05.20', 'da')).toBeNull();
    expect(parseDateText('', 'da')).toBeNull();
  });
});
