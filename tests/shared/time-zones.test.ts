import { describe, expect, it } from 'vitest';
import { isValidTimeZone, likelyHotelZone } from '../../shared/time-zones';

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Copenhagen')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('likelyHotelZone', () => {
  it('is the machine\'s zone where the machine says a place, Europe/Copenhagen where it runs on UTC or says nothing', () => {
    expect(likelyHotelZone('Europe/Oslo')).toBe('Europe/Oslo');
    expect(likelyHotelZone('America/New_York')).toBe('America/New_York');
    for (const server of ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'utc', '', undefined, 'Not/AZone']) expect(likelyHotelZone(server), String(server)).toBe('Europe/Copenhagen');
  });
});
