import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningSecret, SIGNING_SECRET_KEY } from '../../../core/auth/signing-secret';
import { createSettingsService } from '../../../core/settings/settings-service';
import { readSettingValues, writeSettingValue } from '../../../db/queries/settings-queries';
import { createAuthFixture, type AuthFixture } from './auth-fixture';

let f: AuthFixture;
beforeEach(async () => (f = await createAuthFixture()));
afterEach(async () => await f.close());

describe('the signing secret', () => {
  it('is 32 random bytes made once per installation and kept in the settings table', async () => {
    const stored = (await readSettingValues(f.db)).get(SIGNING_SECRET_KEY);
    expect(typeof stored).toBe('string');
    const secret = Buffer.from(stored as string, 'base64url');
    expect(secret).toHaveLength(32);
    expect((await loadSigningSecret(f.db)).equals(secret)).toBe(true);
    await f.restart();
    expect((await loadSigningSecret(f.db)).equals(secret)).toBe(true);
  });

  it('differs between installations', async () => {
    const other = await createAuthFixture();
    try {
      expect((await loadSigningSecret(other.db)).equals(await loadSigningSecret(f.db))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('replaces a damaged value with a fresh secret', async () => {
    await writeSettingValue(f.db, SIGNING_SECRET_KEY, 'short');
    expect(await loadSigningSecret(f.db)).toHaveLength(32);
    expect(Buffer.from((await readSettingValues(f.db)).get(SIGNING_SECRET_KEY) as string, 'base64url')).toHaveLength(32);
  });

  it('is never part of what settings:get returns', async () => {
    const secret = (await readSettingValues(f.db)).get(SIGNING_SECRET_KEY) as string;
    const settings = (await createSettingsService(f.deps)).get();
    const json = JSON.stringify(settings);
    expect(json).not.toContain(secret);
    expect(Object.keys(settings).some((k) => /secret|auth\./i.test(k))).toBe(false);
    expect(JSON.stringify(f.settings.get())).not.toContain(secret);
  });
});
