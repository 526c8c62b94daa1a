/**
 * What a refusal says on screen. A refusal that names its `reason` (shared/errors.ts: carried over
 * IPC in the error, over HTTP in the `X-Frontdesk-Reason` headers) is said in the user's language:
 * the dictionary's `reason.<reason>` with `{param}` filled from its params (a `status` or `action`
 * value is translated too), after a lead that says what kind of refusal it is. A refusal without a
 * reason, or with one the dictionaries do not know, keeps the server's (English) message after the
 * translated lead. Transport failures and session problems get a translated sentence of their own.
 */
import { isMessageKey as isKey, type MessageParams, type Translate } from './translate';

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  retryAfterSeconds?: unknown;
  reason?: unknown;
  params?: unknown;
}

/** Params whose values are codes with words of their own: `{status}` → "Checked out" / "Tjekket ud". */
const TRANSLATED_PARAMS: Record<string, string> = { status: 'status.', action: 'reason.action.' };

function paramsOf(raw: unknown, t: Translate): MessageParams {
  const out: MessageParams = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const prefix = TRANSLATED_PARAMS[name];
    const key = prefix === undefined ? undefined : `${prefix}${value}`;
    out[name] = key !== undefined && isKey(key) ? t(key).toLowerCase() : value;
  }
  return out;
}

/** The refusal in the user's language, or undefined when it names no reason the dictionaries know. */
export function reasonText(e: unknown, t: Translate): string | undefined {
  const err = (typeof e === 'object' && e !== null ? e : {}) as ErrorLike;
  if (typeof err.reason !== 'string') return undefined;
  const key = `reason.${err.reason}`;
  return isKey(key) ? t(key, paramsOf(err.params, t)) : undefined;
}

export function errorText(e: unknown, t: Translate): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as ErrorLike;
  const status = typeof err.status === 'number' ? err.status : undefined;
  switch (err.code) {
    case 'NETWORK': return t('error.network');
    case 'UNAUTHENTICATED': return t('error.unauthenticated');
    case 'PASSWORD_CHANGE_REQUIRED': return t('error.passwordChange');
    case 'RATE_LIMITED':
      return typeof err.retryAfterSeconds === 'number' ? t('error.rateLimited', { seconds: err.retryAfterSeconds }) : t('error.rateLimitedSoon');
    case 'INTERNAL': return t('error.server');
    default: break;
  }
  if (status !== undefined && status >= 500) return t('error.server');
  const message = reasonText(e, t) ?? (typeof err.message === 'string' ? err.message : String(e));
  if (status === 400) return `${t('error.validation')}: ${message}`;
  // The host says why (a role, another client's booking, the LAN switch before the password change).
  if (status === 403) return `${t('error.forbidden')}: ${message}`;
  if (status === 404) return `${t('error.notFound')}: ${message}`;
  if (status === 409) return `${t('error.conflict')}: ${message}`;
  return message;
}
