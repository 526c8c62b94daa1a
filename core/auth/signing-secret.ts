/**
 * The key that signs this installation's tokens: 32 random bytes made on first start and kept in the
 * database (`settings` row `auth.signingSecret`), so it is never a constant in the code, differs per
 * hotel, and survives restarts. It is not a SettingsSchema key, so `settings:get` never returns it.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';
import { insertSettingValueIfMissing, readSettingValues, writeSettingValue } from '../../db/queries/settings-queries';

export const SIGNING_SECRET_KEY = 'auth.signingSecret';
const SECRET_BYTES = 32;

function parseSecret(stored: unknown): Buffer | undefined {
  if (typeof stored !== 'string') return undefined;
  const secret = Buffer.from(stored, 'base64url');
  return secret.length === SECRET_BYTES ? secret : undefined;
}

/**
 * Reads the secret, creating and storing it first if the installation has none. Servers that start
 * together on one database all end up with the first one stored: a new secret is only inserted
 * where none exists, then read back.
 */
export async function loadSigningSecret(db: Database): Promise<Buffer> {
  const existing = parseSecret((await readSettingValues(db)).get(SIGNING_SECRET_KEY));
  if (existing) return existing;
  return db.unit(async () => {
    await insertSettingValueIfMissing(db, SIGNING_SECRET_KEY, randomBytes(SECRET_BYTES).toString('base64url'));
    const stored = parseSecret((await readSettingValues(db)).get(SIGNING_SECRET_KEY));
    if (stored) return stored;
    // A damaged stored secret: replace it (every token signed with it is void anyway).
    const secret = randomBytes(SECRET_BYTES);
    await writeSettingValue(db, SIGNING_SECRET_KEY, secret.toString('base64url'));
    return secret;
  });
}
