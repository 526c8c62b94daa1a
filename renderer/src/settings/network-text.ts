/** Where the host listens and the LAN API switch (the settings screen's network panel). English first; Danish has exactly these keys (the type refuses a missing one). */
import { domainText } from '../i18n/domain-text';

export const networkText = domainText(
  {
    'network.title': 'Where the host listens',
    'network.on': 'The LAN API is on, listening on {address}.',
    'network.off': 'The LAN API is off: only this PC can connect ({address}).',
    'network.notListening': 'The host is not listening.',
    'network.urls': 'Devices on the hotel’s network connect to:',
    'network.noUrls': 'This PC has no network address that other devices can reach.',
    'network.blocked': 'The LAN API cannot be switched on: {reason}',
    'network.server': 'Server {server}: several servers share this hotel’s database, and the LAN switch, address and port here are this server’s own.',
  },
  {
    'network.title': 'Hvor værten lytter',
    'network.on': 'LAN-API’et er slået til og lytter på {address}.',
    'network.off': 'LAN-API’et er slået fra: kun denne pc kan forbinde ({address}).',
    'network.notListening': 'Værten lytter ikke.',
    'network.urls': 'Enheder på hotellets netværk forbinder til:',
    'network.noUrls': 'Denne pc har ingen netværksadresse, som andre enheder kan nå.',
    'network.blocked': 'LAN-API’et kan ikke slås til: {reason}',
    'network.server': 'Server {server}: flere servere deler hotellets database, og LAN-kontakten, adressen og porten her gælder kun denne server.',
  },
);
