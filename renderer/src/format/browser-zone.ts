/**
 * This PC's time zone, the fallback until the hotel's settings have arrived. Asked of Intl on first
 * use only: the default zone makes ICU detect the host's zone (a few ms at start-up), which a desk
 * whose settings are already there never needs.
 */
let zone: string | undefined;

export function browserTimeZone(): string {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
}
