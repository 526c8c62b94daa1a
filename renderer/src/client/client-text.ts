/** A LAN client's My bookings and its booking form. English first; Danish has exactly these keys (the type refuses a missing one). */
import { domainText } from '../i18n/domain-text';

export const clientText = domainText(
  {
    'nav.myBookings': 'My bookings',
    'myBookings.title': 'My bookings',
    'myBookings.count': { one: '{n} booking', other: '{n} bookings' },
    'myBookings.empty': 'You have no bookings yet.',
    'myBookings.id': 'No.',
    'myBookings.room': 'Room number',
    'myBookings.category': 'Category',
    'myBookings.guestName': 'Guest name',
    'myBookings.checkin': 'Check-in',
    'myBookings.checkout': 'Check-out',
    'myBookings.status': 'Status',
    'myBookings.book': 'Book a room',
    'myBookings.submit': 'Book',
    'myBookings.created': 'Room {room} is booked (booking {id})',
  },
  {
    'nav.myBookings': 'Mine bookinger',
    'myBookings.title': 'Mine bookinger',
    'myBookings.count': { one: '{n} booking', other: '{n} bookinger' },
    'myBookings.empty': 'Du har ingen bookinger endnu.',
    'myBookings.id': 'Nr.',
    'myBookings.room': 'Værelsesnummer',
    'myBookings.category': 'Kategori',
    'myBookings.guestName': 'Gæstens navn',
    'myBookings.checkin': 'Ankomst',
    'myBookings.checkout': 'Afrejse',
    'myBookings.status': 'Status',
    'myBookings.book': 'Book et værelse',
    'myBookings.submit': 'Book',
    'myBookings.created': 'Værelse {room} er booket (booking {id})',
  },
);
