/**
 * The appointments screens (the desk's calendar and panel, the admin's setup, a client's My
 * appointments): the English (appointments-text-en.ts) and the Danish (appointments-text-da.ts), which
 * has exactly the English keys (the type refuses a missing one).
 * Loaded with the screens' chunk, not the first bundle: the keys are typed in composition/dictionaries.ts, the
 * text joins the dictionaries when this module runs (`addLazyText`). The header's links and the
 * reminder's toast, shown before any of these screens opened, are in appointments-nav-text.ts.
 */
import { addLazyText } from '../i18n/translate';
import { domainText } from '../i18n/domain-text';
import { appointmentsDa } from './appointments-text-da';
import { appointmentsEn } from './appointments-text-en';

export const appointmentsText = domainText(appointmentsEn, appointmentsDa);

addLazyText(appointmentsText);
