/**
 * The audit log's actions in words (issue 10 item 17): the screen shows "Checked in" / "Checkede
 * ind" instead of `stays:checkIn`, the details as "field: value" instead of JSON, and the action
 * filter is a list to pick from instead of a code to type exactly. A test refuses a write or export
 * of the contract without words here; an unknown code (from an older version) shows as it is. Pure: tested in Node.
 */
import { COMMAND_TABLE } from '../../../shared/contract/command-table';

type Lang = 'en' | 'da';

const ACTIONS: Record<string, Record<Lang, string>> = {
  'auth:login': { en: 'Signed in', da: 'Loggede ind' },
  'auth:loginFailed': { en: 'Sign-in refused', da: 'Login afvist' },
  'auth:logout': { en: 'Signed out', da: 'Loggede ud' },
  'auth:changePassword': { en: 'Changed own password', da: 'Skiftede egen adgangskode' },
  'auth:changePasswordFailed': { en: 'Password change refused', da: 'Skift af adgangskode afvist' },
  'users:seedCreate': { en: 'Registered a user', da: 'Registrerede en bruger' },
  'users:create': { en: 'Added a user', da: 'Tilføjede en bruger' },
  'users:update': { en: 'Changed a user', da: 'Ændrede en bruger' },
  'users:resetPassword': { en: 'Reset a password', da: 'Nulstillede en adgangskode' },
  'audit:export': { en: 'Exported the audit log', da: 'Eksporterede revisionsloggen' },
  'settings:update': { en: 'Changed the settings', da: 'Ændrede indstillingerne' },
  'rooms:create': { en: 'Added a room', da: 'Tilføjede et værelse' },
  'rooms:update': { en: 'Changed a room', da: 'Ændrede et værelse' },
  'rooms:deactivate': { en: 'Took a room out of use', da: 'Tog et værelse ud af brug' },
  'rooms:setHousekeeping': { en: 'Set housekeeping', da: 'Satte rengøringsstatus' },
  'stays:seedCreate': { en: 'Booked (booking API)', da: 'Bookede (booking-API)' },
  'stays:seedExport': { en: 'Exported bookings (booking API)', da: 'Eksporterede bookinger (booking-API)' },
  'stays:create': { en: 'Booked a stay', da: 'Bookede et ophold' },
  'stays:move': { en: 'Moved a stay', da: 'Flyttede et ophold' },
  'stays:changeDates': { en: 'Changed a stay\'s dates', da: 'Ændrede et opholds datoer' },
  'stays:cancel': { en: 'Cancelled a stay', da: 'Annullerede et ophold' },
  'stays:checkIn': { en: 'Checked a guest in', da: 'Checkede en gæst ind' },
  'stays:checkOut': { en: 'Checked a guest out', da: 'Checkede en gæst ud' },
  'stays:noShow': { en: 'Marked a no-show', da: 'Markerede en udeblivelse' },
  'stays:export': { en: 'Exported stays', da: 'Eksporterede ophold' },
  'blocks:create': { en: 'Blocked a room', da: 'Spærrede et værelse' },
  'blocks:remove': { en: 'Removed a block', da: 'Fjernede en spærring' },
  'outbox:retry': { en: 'Sent a message again', da: 'Sendte en besked igen' },
  'blocks:update': { en: 'Changed a block', da: 'Ændrede en spærring' },
  'stays:undo': { en: 'Undid a stay\'s status', da: 'Fortrød et opholds status' },
  'stays:updateGuest': { en: 'Changed a guest\'s details', da: 'Ændrede en gæsts oplysninger' },
  'appointments:create': { en: 'Booked an appointment', da: 'Bookede en aftale' },
  'appointments:deskCreate': { en: 'Booked an appointment for a guest', da: 'Bookede en aftale for en gæst' },
  'appointments:cancel': { en: 'Cancelled an appointment', da: 'Aflyste en aftale' },
  'appointments:delete': { en: 'Cancelled an appointment (booking API)', da: 'Aflyste en aftale (booking-API)' },
  'appointments:reschedule': { en: 'Moved an appointment', da: 'Flyttede en aftale' },
  'appointments:pay': { en: 'Took payment for an appointment', da: 'Tog betaling for en aftale' },
  'appointments:setStatus': { en: 'Changed an appointment\'s status', da: 'Ændrede en aftales status' },
  'appointments:export': { en: 'Exported appointments', da: 'Eksporterede aftaler' },
  'serviceRooms:create': { en: 'Added a service room', da: 'Tilføjede et servicelokale' },
  'serviceRooms:update': { en: 'Changed a service room', da: 'Ændrede et servicelokale' },
  'serviceRooms:deactivate': { en: 'Took a service room out of use', da: 'Tog et servicelokale ud af brug' },
  'timeslots:generate': { en: 'Generated timeslots', da: 'Dannede tidsrum' },
  'timeslots:preview': { en: 'Counted timeslots to generate', da: 'Optalte tidsrum, der kan dannes' },
  'timeslots:delete': { en: 'Deleted a timeslot', da: 'Slettede et tidsrum' },
  'providers:create': { en: 'Added a provider', da: 'Tilføjede en behandler' },
  'providers:update': { en: 'Changed a provider', da: 'Ændrede en behandler' },
  'stock:seedCreate': { en: 'Added a resource (stock API)', da: 'Tilføjede en ressource (lager-API)' },
  'stock:seedBook': { en: 'Booked stock (stock API)', da: 'Bookede lager (lager-API)' },
  'stock:create': { en: 'Added a resource', da: 'Tilføjede en ressource' },
  'stock:update': { en: 'Changed a resource', da: 'Ændrede en ressource' },
  'stock:restock': { en: 'Restocked a resource', da: 'Genopfyldte en ressource' },
  'stock:deactivate': { en: 'Took a resource out of use', da: 'Tog en ressource ud af brug' },
  'stock:book': { en: 'Lent stock', da: 'Udlånte fra lageret' },
  'stock:return': { en: 'Took back a loan', da: 'Tog et udlån retur' },
  'stock:cancel': { en: 'Cancelled a loan', da: 'Annullerede et udlån' },
  'stock:export': { en: 'Exported stock loans', da: 'Eksporterede udlån' },
  'cars:seedAdd': { en: 'Added a car (fleet API)', da: 'Tilføjede en bil (flåde-API)' },
  'cars:seedDelete': { en: 'Deleted a car (fleet API)', da: 'Slettede en bil (flåde-API)' },
  'cars:create': { en: 'Added a car', da: 'Tilføjede en bil' },
  'cars:update': { en: 'Changed a car', da: 'Ændrede en bil' },
  'cars:reportDamage': { en: 'Reported damage to a car', da: 'Meldte skade på en bil' },
  'cars:repair': { en: 'Marked a car repaired', da: 'Meldte en bil repareret' },
  'cars:export': { en: 'Exported cars', da: 'Eksporterede biler' },
  'rentals:reserve': { en: 'Reserved a car', da: 'Reserverede en bil' },
  'rentals:handOut': { en: 'Handed out a car', da: 'Udleverede en bil' },
  'rentals:return': { en: 'Took back a car', da: 'Modtog en bil retur' },
  'rentals:cancel': { en: 'Cancelled a car rental', da: 'Annullerede en billeje' },
  'rentals:export': { en: 'Exported car rentals', da: 'Eksporterede billejer' },
};

/** The action in words, or its code when it has none yet. */
export function actionLabel(code: string, lang: Lang): string {
  return ACTIONS[code]?.[lang] ?? code;
}

/**
 * Every action the log can hold, for the filter's list: each command that changes something or
 * exports, and the refusals the sign-in writes; in words, alphabetically in the language shown.
 */
export function auditActions(lang: Lang): { code: string; label: string }[] {
  const codes = new Set(Object.keys(ACTIONS));
  for (const [name, def] of Object.entries(COMMAND_TABLE) as [string, { method: string; export?: string }][]) {
    if (def.method !== 'GET' || def.export) codes.add(name);
  }
  return [...codes].map((code) => ({ code, label: actionLabel(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

/**
 * The entry's detail (JSON of what was sent, secrets removed) as "field: value" pairs; nested values
 * stay short JSON. Text that is not a JSON object is shown as it is.
 */
export function detailPairs(detail: string): { key: string; value: string }[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detail;
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : value === null ? '—' : JSON.stringify(value),
  }));
}
