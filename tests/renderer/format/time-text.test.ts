import { describe, expect, it } from 'vitest';
import { nearestTime, parseTimeText, timePattern, timesOfDay } from '../../../renderer/src/format/time-text';

describe('parseTimeText', () => {
  it('reads a 24-hour time however the desk types it', () => {
    for (const [typed, time] of [['14:00', '14:00'], ['14', '14:00'], ['1400', '14:00'], ['14.00', '14:00'], ['9:30', '09:30'], ['930', '09:30'], [' 0 ', '00:00'], ['23:59', '23:59']]) {
      expect(parseTimeText(typed!), typed).toBe(time);
    }
  });

  it('refuses what is no time of day (and the browser’s 12-hour text)', () => {
    for (const typed of ['24:00', '12:60', '2:00 PM', '14:0', '14:000', '', 'noon', '-1', '12345']) expect(parseTimeText(typed), typed).toBeNull();
  });
});

describe('the list of times', () => {
  it('offers every step from the start of the day, both ends included', () => {
    expect(timesOfDay(30)).toHaveLength(48);
    expect(timesOfDay(30).slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
    expect(timesOfDay(15, '09:00', '10:00')).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
  });

  it('opens on the time nearest the value', () => {
    const times = timesOfDay(30);
    expect(nearestTime(times, '14:10')).toBe('14:00');
    expect(nearestTime(times, '14:20')).toBe('14:30');
    expect(nearestTime(times, '')).toBeNull();
    expect(nearestTime([], '14:00')).toBeNull();
  });

  it('shows the pattern to type in the desk’s language', () => {
    expect(timePattern('da')).toBe('tt:mm');
    expect(timePattern('en')).toBe('hh:mm');
  });
});
