/**
 * The settings screen's own words and those of the settings platform's sections (the hotel, the LAN API
 * and sign-in); each domain's section keeps its words in its own dictionary. English first; Danish has
 * exactly these keys (the type refuses a missing one).
 */
import { domainText } from '../i18n/domain-text';

export const settingsText = domainText(
  {
    'settings.lanSection': 'LAN API and sign-in',
    'settings.lanEnabled': 'LAN API on (other devices on the network may connect)',
    'settings.lanHost': 'Address to listen on',
    'settings.lanHostHint': '0.0.0.0 listens on every network of this PC',
    'settings.lanPort': 'Port',
    'settings.selfRegistration': 'Clients may register themselves',
    'settings.sessionHours': 'A sign-in lasts (hours)',
    'nav.settings': 'Settings',
    'settings.title': 'Settings',
    'settings.hotel': 'Hotel',
    'settings.hotelName': 'Hotel name',
    'settings.timeZone': 'Time zone',
    'settings.currency': 'Currency',
    'settings.locale': 'Language',
    'settings.saved': 'Settings saved',
    'settings.noChanges': 'Nothing has changed.',
    'settings.reset': 'Undo changes',
    // The field kinds' refusals (settings-fields.ts).
    'validation.smtpHost': 'Enter a host name such as smtp.example.com, or leave it empty',
    'validation.emailOrEmpty': 'Enter an e-mail address such as desk@hotel.example, or leave it empty',
    'validation.plainText': 'No line breaks or control characters',
    // The audit log's words for this domain's actions (audit/audit-actions.ts).
    'auditAction.settings:update': 'Changed the settings',
    'settings.portNow': 'The desk listens on port {port} now (its start-up port); saving a port here moves it',
  },
  {
    'settings.lanSection': 'LAN-API og login',
    'settings.lanEnabled': 'LAN-API slået til (andre enheder på netværket kan forbinde)',
    'settings.lanHost': 'Adresse der lyttes på',
    'settings.lanHostHint': '0.0.0.0 lytter på alle denne pc’s netværk',
    'settings.lanPort': 'Port',
    'settings.selfRegistration': 'Klienter må selv oprette sig',
    'settings.sessionHours': 'Et login varer (timer)',
    'nav.settings': 'Indstillinger',
    'settings.title': 'Indstillinger',
    'settings.hotel': 'Hotel',
    'settings.hotelName': 'Hotellets navn',
    'settings.timeZone': 'Tidszone',
    'settings.currency': 'Valuta',
    'settings.locale': 'Sprog',
    'settings.saved': 'Indstillingerne er gemt',
    'settings.noChanges': 'Intet er ændret.',
    'settings.reset': 'Fortryd ændringer',
    // The field kinds' refusals (settings-fields.ts).
    'validation.smtpHost': 'Skriv et værtsnavn som smtp.eksempel.dk, eller lad feltet stå tomt',
    'validation.emailOrEmpty': 'Skriv en e-mailadresse som reception@hotel.dk, eller lad feltet stå tomt',
    'validation.plainText': 'Ingen linjeskift eller kontroltegn',
    'auditAction.settings:update': 'Ændrede indstillingerne',
    'settings.portNow': 'Skranken lytter nu på port {port} (dens opstartsport); gemmer du en port her, flytter den dertil',
  },
);
