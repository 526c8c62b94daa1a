/**
 * A password inside an integration URL (`amqp://frontdesk:s3cret@broker:5672/hotel`,
 * `https://user:pw@billing`) is a secret like the SMTP password: stored, used by the outbox, never
 * shown. Answers, live events and the audit log carry the URL with `***` in its place; a settings
 * change that sends the `***` back (the settings form saving what it was shown) keeps the stored
 * password, as long as the rest of the URL is the stored one's. Pure string surgery, so the URL is
 * otherwise exactly as the admin typed it (no normalising into `http://host/`).
 */

export const MASKED_PASSWORD = '***';

/** `scheme://user:` · password · `@…`; a password holds no unencoded `@ / ? #`. */
const WITH_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:@/?#\s]*:)([^@/?#\s]+)(@.*)$/is;

/** `scheme://user:***@host…` for a URL with a password; anything else unchanged. */
export function maskUrlPassword(value: string): string {
  const m = WITH_PASSWORD.exec(value);
  return m ? `${m[1]}${MASKED_PASSWORD}${m[3]}` : value;
}

/** Whether a string holds a URL with a password in it (the audit log masks it). */
export function hasUrlPassword(value: string): boolean {
  const m = WITH_PASSWORD.exec(value);
  return m !== null && m[2] !== MASKED_PASSWORD;
}

/** `@host:port` of the part after the password. */
const hostOf = (rest: string) => /^@[^/?#]*/.exec(rest)![0];

/**
 * The URL to store for `next`, the value sent: the stored password put back where `next` carries
 * the mask for the same scheme, user, host and port as the stored URL (its path, the vhost, may
 * change). Otherwise `next` as sent (another server or user, a new password, or none).
 */
export function keepMaskedPassword(next: string, stored: string): string {
  const sent = WITH_PASSWORD.exec(next);
  const old = WITH_PASSWORD.exec(stored);
  if (!sent || sent[2] !== MASKED_PASSWORD || !old) return next;
  return sent[1] === old[1] && hostOf(sent[3]!) === hostOf(old[3]!) ? `${sent[1]}${old[2]}${sent[3]}` : next;
}
