/**
 * English words shared by the whole desk: the shell, connection, errors, stay statuses,
 * housekeeping, validation. Each
 * domain's own words are in its `<domain>-text.ts`; composition/dictionaries.ts merges them all. `da` has
 * exactly these keys (its type and a test check it). `{name}` marks a value filled in by `translate`.
 */

export const en = {
  'app.name': 'Frontdesk',
  'app.loading': 'Loading…',

  'nav.admin': 'Admin',
  'error.passwordChange': 'Change your password first; until then nothing else is possible.',
  'error.rateLimited': { by: 'seconds', one: 'Too many attempts. Try again in {seconds} second.', other: 'Too many attempts. Try again in {seconds} seconds.' },
  'error.rateLimitedSoon': 'Too many attempts. Wait a moment and try again.',
  'validation.ip': 'Enter an IP address such as 0.0.0.0',

  'nav.label': 'Main navigation',

  'lang.label': 'Language',
  'lang.da': 'Dansk',
  'lang.en': 'English',

  'conn.live': 'Live',
  'conn.connecting': 'Connecting…',
  'conn.offline': 'Offline',
  'conn.liveTitle': 'Live updates from other desks are on',
  'conn.offlineTitle': 'No connection to the desk server; trying again',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.refresh': 'Refresh',
  'common.edit': 'Edit',
  'common.none': '—',
  'common.loading': 'Loading…',
  'common.saving': 'Saving…',
  'common.optional': 'optional',
  'common.dismiss': 'Dismiss',

  'error.title': 'Something went wrong',
  'error.body': 'The screen could not be shown. Your bookings are safe; reload to continue.',
  'error.reload': 'Reload',
  'error.network': 'Cannot reach the desk server. Check the network and try again.',
  'error.unauthenticated': 'You are not signed in, or the session has expired.',
  'error.forbidden': 'Not allowed',
  'error.background': 'Could not update: {message}',
  'error.validation': 'Check the input',
  'error.conflict': 'Not possible',
  'error.notFound': 'Not found',
  'error.server': 'The desk server had a problem; try again',

  'status.booked': 'Booked',
  'status.checked_in': 'Checked in',
  'status.checked_out': 'Checked out',
  'status.cancelled': 'Cancelled',
  'status.no_show': 'No-show',
  'status.block': 'Blocked',

  'hk.label': 'Housekeeping',
  'hk.change': 'Housekeeping for room {room}: {state}. Change…',
  'hk.clean': 'Clean',
  'hk.dirty': 'Dirty',
  'hk.inspected': 'Inspected',
  'hk.out_of_order': 'Out of order',
  'hk.short.clean': 'C',
  'hk.short.dirty': 'D',
  'hk.short.inspected': 'I',
  'hk.short.out_of_order': 'OOO',
  'hk.saved': 'Room {room} is now {state}',

  'validation.required': '{field} is required',
  'validation.datesOrder': 'Check-out must be after check-in',
  'validation.maxNights': { one: 'A stay can be at most {n} night', other: 'A stay can be at most {n} nights' },
  'validation.money': 'Enter an amount such as 1195 or 1195.50',
  'validation.email': 'Enter an e-mail address such as name@example.com',
  'validation.number': 'Enter a whole number',
  'validation.url': 'Enter an http(s) address, or leave it empty',
  'validation.time': 'Enter a time as HH:MM',
  'validation.currency': 'Enter an ISO 4217 currency code such as DKK or EUR',
  'validation.timeZone': 'Choose a time zone such as Europe/Copenhagen',
  'validation.range': 'Enter a whole number from {min} to {max}',
  'validation.fixFields': 'Please correct the marked fields.',
  'validation.invalid': 'Check this field',
  'validation.atLeast': 'Enter {min} or more',
  'validation.atMost': 'Enter {max} or less',
  'validation.tooLong': { by: 'max', one: 'At most {max} character', other: 'At most {max} characters' },

} as const;

