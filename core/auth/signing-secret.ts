/**
 * The key that signs this installation's tokens: 32 random bytes made on first start and kept in the
 * database (`settings` row `auth.signingSecret`), so it is never a constant in the code, differs per
 * hotel, and survives restarts. It is not a SettingsSchema key, so `settings:get` never returns it.
 */
import { randomBytes } from 'node:crypto';
import { readSettingValues, writeSettingValue } from '../../db/queries/settings-queries';
import type { Sqlite } from '../../db/open-database';

export const SIGNING_SECRET_KEY = 'auth.signingSecret';
const SECRET_BYTES = 32;

/** Reads the secret, creating and storing it first if the installation has none (or a damaged one). */
export function loadSigningSecret(db: Sqlite): Buffer {
  return db
    .transaction(() => {
      const stored = readSettingValues(db).get(SIGNING_SECRET_KEY);
      if (typeof stored === 'string') {
        const secret = Buffer.from(stored, 'base64url');
        if (secret.length === SECRET_BYTES) return secret;
      }
      const secret = randomBytes(SECRET_BYTES);
      writeSettingValue(db, SIGNING_SECRET_KEY, secret.toString('base64url'));
      return secret;
    })
    .immediate();
}
