import { describe, expect, it } from 'vitest';
import { hashOptions, screenName } from '../../../renderer/src/stores/location-hash';

describe('location hash', () => {
  it('names the screen, with or without options after it', () => {
    expect(screenName('#/rooms')).toBe('rooms');
    expect(screenName('#/board?from=2026-05-01&days=90')).toBe('board');
    expect(screenName('#board')).toBe('board');
    expect(screenName('')).toBe('');
  });

  it('reads the options after the screen', () => {
    const options = hashOptions('#/board?from=2026-05-01&days=90');
    expect([options.get('from'), options.get('days')]).toEqual(['2026-05-01', '90']);
    expect([...hashOptions('#/board').keys()]).toEqual([]);
    expect([...hashOptions('').keys()]).toEqual([]);
  });
});
