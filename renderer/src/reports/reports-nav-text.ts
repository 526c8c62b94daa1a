/**
 * The reports' words the first bundle needs: the header's link (shown before the screen's chunk
 * loads), the refusals' words (a refusal may reach any screen), the reports' names in the export
 * center and their downloads' words in the audit log. The screen's own words load with it
 * (reports-text.ts).
 */
import { domainText } from '../i18n/domain-text';

export const reportsNavText = domainText(
  {
    'nav.reports': 'Reports',
    'reason.reports.rangeNeedsDates': 'A range needs a first and a last day',
    'reason.reports.toBeforeFrom': 'The last day ({to}) is before the first ({from})',
    'reason.reports.tooLong': 'A report covers at most {max} days (asked for {days})',
    'exports.roomsReport': 'Rooms report',
    'exports.appointmentsReport': 'Appointments report',
    'exports.stockReport': 'Stock report',
    'exports.fleetReport': 'Fleet report',
    'exports.field.period': 'Period',
    'exports.field.date': 'Day',
    'auditAction.reports:roomsExport': 'Exported the rooms report',
    'auditAction.reports:appointmentsExport': 'Exported the appointments report',
    'auditAction.reports:stockExport': 'Exported the stock report',
    'auditAction.reports:fleetExport': 'Exported the fleet report',
    // Its section of the settings screen (reports-settings.ts), shown without the reports chunk.
    'settings.reportsOutOfOrderUnavailable': 'Reports: out-of-order rooms are not available',
  },
  {
    'nav.reports': 'Rapporter',
    'reason.reports.rangeNeedsDates': 'En periode skal have en første og en sidste dag',
    'reason.reports.toBeforeFrom': 'Sidste dag ({to}) ligger før første dag ({from})',
    'reason.reports.tooLong': 'En rapport dækker højst {max} dage (der blev bedt om {days})',
    'exports.roomsReport': 'Værelsesrapport',
    'exports.appointmentsReport': 'Aftalerapport',
    'exports.stockReport': 'Udstyrsrapport',
    'exports.fleetReport': 'Bilrapport',
    'exports.field.period': 'Periode',
    'exports.field.date': 'Dag',
    'auditAction.reports:roomsExport': 'Eksporterede værelsesrapporten',
    'auditAction.reports:appointmentsExport': 'Eksporterede aftalerapporten',
    'auditAction.reports:stockExport': 'Eksporterede udstyrsrapporten',
    'auditAction.reports:fleetExport': 'Eksporterede bilrapporten',
    'settings.reportsOutOfOrderUnavailable': 'Rapporter: værelser ude af drift er ikke disponible',
  },
);
