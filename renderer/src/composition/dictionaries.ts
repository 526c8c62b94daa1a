/**
 * **The dictionaries' index: a domain's dictionary is one line in `DOMAIN_TEXTS`.** Merges the
 * common words (i18n/en.ts, da.ts: the shell, errors, statuses, validation) with each domain's
 * `<domain>-text.ts` into one dictionary per language, installs them for `translate` and types its
 * keys (`Messages`). The key set is English's; the types refuse a Danish dictionary that misses a
 * key, and a test refuses a key two domains both define.
 */
import { appointmentReasonsText } from '../appointments/appointment-reasons-text';
import { appointmentsNavText } from '../appointments/appointments-nav-text';
import type { appointmentsText } from '../appointments/appointments-text';
import { auditText } from '../audit/audit-text';
import { authText } from '../auth/auth-text';
import { boardText } from '../board/board-text';
import { carsText } from '../cars/cars-text';
import { clientText } from '../client/client-text';
import { deskText } from '../desk/desk-text';
import { exportText } from '../export/export-text';
import { importsText } from '../imports/imports-text';
import { reportsNavText } from '../reports/reports-nav-text';
import type { reportsText } from '../reports/reports-text';
import { roomsText } from '../rooms/rooms-text';
import { outboxText } from '../outbox/outbox-text';
import { printText } from '../print/print-text';
import { networkText } from '../settings/network-text';
import { settingsText } from '../settings/settings-text';
import { stayDeskText } from '../stays/stay-desk-text';
import { staysText } from '../stays/stays-text';
import { stockText } from '../stock/stock-text';
import { usersText } from '../users/users-text';
import { da as commonDa } from '../i18n/da';
import type { DomainText } from '../i18n/domain-text';
import { en as commonEn } from '../i18n/en';
import { refusalText } from '../i18n/refusal-text';
import type { Message, TranslationOf } from '../i18n/message';
import { installDictionaries } from '../i18n/translate';

export const DOMAIN_TEXTS = [
  { en: commonEn, da: commonDa },
  authText,
  boardText,
  staysText,
  exportText,
  roomsText,
  usersText,
  auditText,
  settingsText,
  networkText,
  outboxText,
  clientText,
  stockText,
  refusalText,
  stayDeskText,
  carsText,
  appointmentsNavText,
  appointmentReasonsText,
  deskText,
  printText,
  importsText,
  reportsNavText,
] as const;

/**
 * Dictionaries that arrive with their screens' chunk instead of the first bundle: their keys are typed
 * here (a type-only import), and the module adds its text with `addLazyText` when the chunk runs,
 * before any of its screens renders.
 */
type LazyTexts = typeof appointmentsText | typeof reportsText;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type English = UnionToIntersection<(typeof DOMAIN_TEXTS)[number]['en'] | LazyTexts['en']>;

function merge<L extends 'en' | 'da'>(lang: L): Record<string, unknown> {
  return Object.assign({}, ...DOMAIN_TEXTS.map((d: DomainText<object>) => d[lang]));
}

type EnglishMessages = { readonly [K in keyof English]: English[K] };
export const en = merge('en') as EnglishMessages;
export const da = merge('da') as TranslationOf<typeof en>;

installDictionaries(en as Record<string, Message>, da as Record<string, Message>);

declare module '../i18n/translate' {
  // The keys `translate` takes: every domain's, English's set (declaration merging needs the interface).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends EnglishMessages {}
}
