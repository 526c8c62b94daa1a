/** The CSV export dialog's words (the stays' title and range; delimiter, BOM, outcome lines every export shares, the audit's too). English first; Danish has exactly these keys (the type refuses a missing one). */
import { domainText } from '../i18n/domain-text';

export const exportText = domainText(
  {
    'export.title': 'Export stays (CSV)',
    'export.delimiter': 'Delimiter',
    'export.comma': 'Comma ( , )',
    'export.semicolon': 'Semicolon ( ; )',
    'export.bom': 'Excel (UTF-8 BOM)',
    'export.range': 'Date range',
    'export.rangeHint': 'Leave empty to export every stay',
    'export.from': 'From',
    'export.to': 'To',
    'export.submit': 'Export',
    'export.working': 'Exporting…',
    'export.saved': { by: 'rows', one: 'Saved to {path} ({rows} row)', other: 'Saved to {path} ({rows} rows)' },
    'export.downloaded': 'Downloaded',
    'export.cancelled': 'Export cancelled; nothing was saved',
  },
  {
    'export.title': 'Eksportér ophold (CSV)',
    'export.delimiter': 'Skilletegn',
    'export.comma': 'Komma ( , )',
    'export.semicolon': 'Semikolon ( ; )',
    'export.bom': 'Excel (UTF-8 BOM)',
    'export.range': 'Datointerval',
    'export.rangeHint': 'Tomt: alle ophold eksporteres',
    'export.from': 'Fra',
    'export.to': 'Til',
    'export.submit': 'Eksportér',
    'export.working': 'Eksporterer…',
    'export.saved': { by: 'rows', one: 'Gemt i {path} ({rows} række)', other: 'Gemt i {path} ({rows} rækker)' },
    'export.downloaded': 'Downloadet',
    'export.cancelled': 'Eksporten blev afbrudt; intet er gemt',
  },
);
