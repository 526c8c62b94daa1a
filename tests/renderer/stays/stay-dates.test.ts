import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n/translate';
import { checkStayDates } from '../../../renderer/src/stays/stay-dates';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe('checkStayDates', () => {
  it('counts nights by calendar date, across a DST change', () => {
    expect(checkStayDates('2026-03-28', '2026-03-30', 30, t)).toEqual({ ok: true, nights: 2 });
  });

  it('refuses a departure on or before the arrival', () => {
    expect(checkStayDates('2026-05-03', '2026-05-03', 30, t)).toEqual({ ok: false, message: 'Check-out must be after check-in' });
    expect(checkStayDates('2026-05-03', '2026-05-01', 30, t)).toEqual({ ok: false, message: 'Check-out must be after check-in' });
  });

  it('refuses a stay longer than the hotel allows', () => {
    expect(checkStayDates('2026-05-01', '2026-05-05', 3, t)).toEqual({ ok: false, message: 'A stay can be at most 3 nights' });
  });

  it('stays quiet about a date still being typed', () => {
    expect(checkStayDates('2026-05-01', '', 30, t)).toEqual({ ok: false, message: null });
    expect(checkStayDates('2026-02-30', '2026-03-02', 30, t)).toEqual({ ok: false, message: null });
  });
});
