import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningSecret, SIGNING_SECRET_KEY } from '../../../core/auth/signing-secret';
import { createSettingsService } from '../../../core/settings/settings-service';
import { readSettingValues, writeSettingValue } from '../../../db/queries/settings-queries';
import { createAuthFixture, type AuthFixture } from './auth-fixture';

let f: AuthFixture;
beforeEach(() => (f = createAuthFixture()));
afterEach(() => f.close());

describe('the signing secret', () => {
  it('is 32 random bytes made once per installation and kept in the settings table', () => {
    const stored = readSettingValues(f.sqlite).get(SIGNING_SECRET_KEY);
    expect(typeof stored).toBe('string');
    const secret = Buffer.from(stored as string, 'base64url');
    expect(secret).toHaveLength(32);
    expect(loadSigningSecret(f.sqlite).equals(secret)).toBe(true);
    f.restart();
    expect(loadSigningSecret(f.sqlite).equals(secret)).toBe(true);
  });

  it('differs between installations', () => {
    const other = createAuthFixture();
    try {
      expect(loadSigningSecret(other.sqlite).equals(loadSigningSecret(f.sqlite))).toBe(false);
    } finally {
      other.close();
    }
  });

  it('replaces a damaged value with a fresh secret', () => {
    writeSettingValue(f.sqlite, SIGNING_SECRET_KEY, 'short');
    expect(loadSigningSecret(f.sqlite)).toHaveLength(32);
    expect(Buffer.from(readSettingValues(f.sqlite).get(SIGNING_SECRET_KEY) as string, 'base64url')).toHaveLength(32);
  });

  it('is never part of what settings:get returns', () => {
    const secret = readSettingValues(f.sqlite).get(SIGNING_SECRET_KEY) as string;
    const settings = createSettingsService(f.deps).get();
    const json = JSON.stringify(settings);
    expect(json).not.toContain(secret);
    expect(Object.keys(settings).some((k) => /secret|auth\./i.test(k))).toBe(false);
    expect(JSON.stringify(f.settings.get())).not.toContain(secret);
  });
});
