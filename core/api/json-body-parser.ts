/**
 * The JSON body parser, replacing Fastify's so that every refusal has our shape and wording:
 * invalid JSON → 400 "Invalid JSON body"; a `__proto__` or `constructor` key anywhere → 400 (they
 * are never fields of ours, and merged into an object they poison prototypes). An empty body is no
 * body: `POST /api/v1/stays/7/cancel` with `Content-Type: application/json` and nothing else is fine.
 * Bytes that are not UTF-8 (a surrogate encoded on its own, `ED A0 80`, a stray `FF`) → 400 "The body
 * is not valid UTF-8": decoded leniently they would silently become U+FFFD in a guest's name.
 */
import { AppError } from '../../shared/errors';

/** Keys refused anywhere in a body (the API document states them as `propertyNames`: openapi-input-rules.ts). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);
/** Text that might spell a forbidden key, possibly with `\u` escapes; only such bodies pay for the reviver. */
const MAY_HOLD_FORBIDDEN_KEY = /__proto__|constructor|\\u/;

function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new AppError('VALIDATION', `Forbidden key "${key}" in the body`, { reason: 'input.forbiddenKey', params: { key } });
  return value;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseJsonBody(body: string | Buffer): unknown {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid UTF-8', { reason: 'input.notUtf8' });
  }
  if (text.trim() === '') return undefined;
  try {
    return MAY_HOLD_FORBIDDEN_KEY.test(text) ? JSON.parse(text, refuseForbiddenKeys) : JSON.parse(text);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'Invalid JSON body', { reason: 'input.badJson' });
  }
}
