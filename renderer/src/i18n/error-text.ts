/**
 * What a refusal says on screen. The server's message is specific ("Room 101 is not available …")
 * and is kept; the translated lead says what kind of refusal it is. Transport failures and session
 * problems get a translated sentence of their own.
 */
import type { Translate } from './translate';

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  retryAfterSeconds?: unknown;
}

export function errorText(e: unknown, t: Translate): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as ErrorLike;
  const message = typeof err.message === 'string' ? err.message : String(e);
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
  if (status === 400) return `${t('error.validation')}: ${message}`;
  // The host says why (a role, another client's booking, the LAN switch before the password change).
  if (status === 403) return `${t('error.forbidden')}: ${message}`;
  if (status === 404) return `${t('error.notFound')}: ${message}`;
  if (status === 409) return `${t('error.conflict')}: ${message}`;
  if (status !== undefined && status >= 500) return t('error.server');
  return message;
}
