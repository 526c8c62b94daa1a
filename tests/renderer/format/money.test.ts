import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, moneyInputText, parseMoney } from '../../../renderer/src/format/money';

describe('formatMoney', () => {
  // Intl separates the amount and the currency with a no-break space.
  const sp = (text: string) => text.replace(/\u00a0/g, ' ');

  it('formats minor units in the hotel locale and currency', () => {
    expect(sp(formatMoney(119500, 'DKK', 'da-DK'))).toBe('1.195,00 kr.');
    expect(sp(formatMoney(119500, 'DKK', 'en-GB'))).toBe('DKK 1,195.00');
    expect(sp(formatMoney(5, 'DKK', 'da-DK'))).toBe('0,05 kr.');
  });

  it('respects currencies without a minor unit', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(1195, 'JPY', 'en-GB')).toBe('JP¥1,195');
  });
});

describe('moneyInputText', () => {
  it('gives an editable amount without grouping', () => {
    expect(moneyInputText(119550, 'DKK', 'da-DK')).toBe('1195,50');
    expect(moneyInputText(119550, 'DKK', 'en-GB')).toBe('1195.50');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1195', 119500],
    ['1.195,50', 119550],
    ['1195,5', 119550],
    ['1195.50', 119550],
    ['1.195', 119500],
    ['1,195.50', 119550],
    ['1.195.000', 119500000],
    ['  1 195,50 kr. ', 119550],
    ['DKK 1195', 119500],
  ])('reads %j typed at a Danish desk as %i øre', (text, minor) => {
    expect(parseMoney(text, 'DKK', 'da-DK')).toBe(minor);
  });

  it.each([
    ['1195', 119500],
    ['1,195', 119500],
    ['1195.5', 119550],
    ['1.195,50', 119550],
  ])('reads %j typed at an English desk as %i pence', (text, minor) => {
    expect(parseMoney(text, 'DKK', 'en-GB')).toBe(minor);
  });

  it.each(['', 'abc', '12abc', '-5', '1.19.5', '1195,505', '1195.', ',50'])('refuses %j', (text) => {
    expect(parseMoney(text, 'DKK', 'da-DK')).toBeNull();
  });

  it('refuses three decimals for a two-decimal currency (1.195 in English is not 1195)', () => {
    expect(parseMoney('1.195', 'DKK', 'en-GB')).toBeNull();
  });

  it('round-trips what moneyInputText shows', () => {
    for (const minor of [0, 1, 99, 119550, 123456789]) {
      expect(parseMoney(moneyInputText(minor, 'DKK', 'da-DK'), 'DKK', 'da-DK')).toBe(minor);
      expect(parseMoney(moneyInputText(minor, 'DKK', 'en-GB'), 'DKK', 'en-GB')).toBe(minor);
    }
  });
});
