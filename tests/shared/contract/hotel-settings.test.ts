import { describe, expect, it } from 'vitest';
import { isIsoCurrency } from '../../../shared/contract/hotel-settings';
import { SettingsUpdateSchema } from '../../../shared/contract/settings';

describe('the hotel currency (ISO 4217)', () => {
  it('takes a real code and refuses a made-up one of the right shape', () => {
    for (const code of ['DKK', 'EUR', 'SEK', 'NOK', 'USD', 'JPY', 'KWD']) expect(isIsoCurrency(code)).toBe(true);
    for (const code of ['KRO', 'ABC', 'DKR', 'XYZ']) expect(isIsoCurrency(code)).toBe(false);
    expect(SettingsUpdateSchema.safeParse({ currency: 'EUR' }).success).toBe(true);
    const kro = SettingsUpdateSchema.safeParse({ currency: 'KRO' });
    expect(kro.success).toBe(false);
    expect(kro.error!.issues[0]!.message).toBe('is not an ISO 4217 currency code');
    expect(SettingsUpdateSchema.safeParse({ currency: 'dkk' }).success).toBe(false);
  });
});
