import { describe, expect, it } from 'vitest';
import { minorDigits } from '../../shared/currency-digits';

describe('minorDigits', () => {
  it('is what Intl gives for every currency it knows, so the host (table) and the renderer agree', () => {
    const codes = Intl.supportedValuesOf('currency');
    expect(codes.length).toBeGreaterThan(150);
    for (const code of codes) {
      const intl = new Intl.NumberFormat('en-GB', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
      expect(minorDigits(code), code).toBe(intl);
    }
  });

  it('is 2 for DKK and EUR, 0 for JPY and ISK, 3 for KWD', () => {
    expect([minorDigits('DKK'), minorDigits('EUR'), minorDigits('JPY'), minorDigits('ISK'), minorDigits('KWD')]).toEqual([2, 2, 0, 0, 3]);
  });
});
