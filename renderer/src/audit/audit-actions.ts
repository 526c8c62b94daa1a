/**
 * The audit log's actions in words (issue 10 item 17): the screen shows "Checked in" / "Checkede
 * ind" instead of `stays:checkIn`, the details as "field: value" instead of JSON, and the action
 * filter is a list to pick from instead of a code to type exactly. An action with no words here yet
 * (a command added later) shows its code. Pure: tested in Node.
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
