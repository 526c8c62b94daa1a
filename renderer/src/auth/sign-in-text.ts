/**
 * What the sign-in form says about a refusal: a wrong name or password (401, deliberately one
 * sentence for both), the back-off with its seconds (429), and a client at the desk (403). Pure:
 * tested in Node.
 */
import { errorText } from '../i18n/error-text';
import type { Translate } from '../i18n/translate';

interface Refusal {
  code?: unknown;
  status?: unknown;
  retryAfterSeconds?: unknown;
}

export function signInErrorText(e: unknown, t: Translate, atDesk: boolean): string {
  const r = (typeof e === 'object' && e !== null ? e : {}) as Refusal;
  if (r.status === 401) return t('signIn.wrong');
  if (r.status === 429 || r.code === 'RATE_LIMITED') {
    return typeof r.retryAfterSeconds === 'number' ? t('signIn.rateLimited', { seconds: r.retryAfterSeconds }) : t('signIn.rateLimitedSoon');
  }
  if (r.status === 403 && atDesk) return t('signIn.deskOnly');
  return errorText(e, t);
}
