import { describe, expect, it } from 'vitest';
import { isFormula, parseDate, parseDecimal, parseHours, parseMoney } from '../../../core/imports/cell-values';
import { detectDelimiter } from '../../../core/imports/csv-source';

describe('cells as Danish and English spreadsheets write them', () => {
  it('reads decimal commas, points and thousands separators; money in kroner to øre', () => {
    expect(['1125,50', '1.125,50', '1,125.50', '1125.5', '1 125,50', '1125,50 kr.', 'DKK 1125,5'].map(parseMoney)).toEqual(Array(7).fill(112_550));
    expect(parseDecimal('1.850')).toBe(1850);
    expect(parseDecimal('-5')).toBe(-5);
    expect(['', 'x', '1,2,3a', '12-4'].map(parseDecimal)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads dd-mm-yyyy (with - . or /) and ISO dates, refusing dates that do not exist', () => {
    expect(['10-06-2026', '10.06.2026', '10/6/2026', '2026-06-10', '2026-06-10T14:00:00'].map(parseDate)).toEqual(Array(5).fill('2026-06-10'));
    expect(['31-02-2026', '2026-13-01', '06/10/26', 'i morgen'].map(parseDate)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads a day\'s hours and a day off', () => {
    expect(parseHours('09:00-17:00')).toEqual({ start: '09:00', end: '17:00' });
    expect(parseHours('9-15')).toEqual({ start: '09:00', end: '15:00' });
    expect(parseHours('lukket')).toBeNull();
    expect(parseHours('morgen')).toBeUndefined();
  });

  it('calls a cell a formula when a spreadsheet would run it, not a negative number', () => {
    expect(['=SUM(A1)', '+1+2', '@cmd', '-A1', '=HYPERLINK("x")'].every(isFormula)).toBe(true);
    expect(['-5', '-1,5', 'Mette', 'a=b', '+45 20 12 34 56', '+45-2012-3456', '+1 (555) 010-99'].some(isFormula)).toBe(false);
    expect(['+45 20 12 34 56+HYPERLINK("x")', '-2+3', '+cmd|x'].every(isFormula)).toBe(true);
  });

  it('chooses the delimiter of the header line, outside quotes', () => {
    expect(detectDelimiter('Værelse;Kategori;"Pris, kr"')).toBe(';');
    expect(detectDelimiter('Room,Category,"Rate; DKK"')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});
