/**
 * The reports' words the first bundle needs: the header's link (shown before the screen's chunk
 * loads) and the refusals' words (a refusal may reach any screen). The screen's own words load with
 * it (reports-text.ts).
 */
import { domainText } from '../i18n/domain-text';

export const reportsNavText = domainText(
  {
    'nav.reports': 'Reports',
    'reason.reports.rangeNeedsDates': 'A range needs a first and a last day',
    'reason.reports.toBeforeFrom': 'The last day ({to}) is before the first ({from})',
    'reason.reports.tooLong': 'A report covers at most {max} days (asked for {days})',
    // Its section of the settings screen (reports-settings.ts), shown without the reports chunk.
    'settings.reportsOutOfOrderUnavailable': 'Reports: out-of-order rooms are not available',
  },
  {
    'nav.reports': 'Rapporter',
    'reason.reports.rangeNeedsDates': 'En periode skal have en første og en sidste dag',
    'reason.reports.toBeforeFrom': 'Sidste dag ({to}) ligger før første dag ({from})',
    'reason.reports.tooLong': 'En rapport dækker højst {max} dage (der blev bedt om {days})',
    'settings.reportsOutOfOrderUnavailable': 'Rapporter: værelser ude af drift er ikke disponible',
  },
);
