/**
 * What an audit row may say: its detail as JSON with every key that could hold a secret removed, at
 * any depth, a password inside a URL masked (`amqp://user:***@host`), and a size cap so a huge note
 * cannot bloat the log.
 *   {username: 'eva', password: 'x', nested: {newPassword: 'y', tokenHash: 'z', role: 'staff'}}
 *   → '{"username":"eva","nested":{"role":"staff"}}'
 */
import { hasUrlPassword, maskUrlPassword } from '../../shared/rules/url-credentials';

export const SECRET_KEY_RE = /pass|token|secret|hash/i;
export const AUDIT_DETAIL_MAX = 4096;

function redact(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return hasUrlPassword(value) ? maskUrlPassword(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!SECRET_KEY_RE.test(key)) out[key] = redact(v, seen);
  }
  return out;
}

/** The detail as stored: redacted JSON, at most AUDIT_DETAIL_MAX characters (else a truncated excerpt). */
export function auditDetailJson(detail: unknown): string {
  if (detail === undefined) return '{}';
  let json: string;
  try {
    json = JSON.stringify(redact(detail, new WeakSet())) ?? '{}';
  } catch {
    return '{"unserialisable":true}';
  }
  if (json.length <= AUDIT_DETAIL_MAX) return json;
  // Escaping can lengthen the excerpt (every `"` becomes `\"`), so shrink it until the wrapper fits.
  for (let excerpt = AUDIT_DETAIL_MAX / 2; ; excerpt = Math.floor(excerpt / 2)) {
    const wrapped = JSON.stringify({ truncated: true, excerpt: json.slice(0, excerpt) });
    if (wrapped.length <= AUDIT_DETAIL_MAX) return wrapped;
  }
}
