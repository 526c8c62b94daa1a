/**
 * Which time zones a hotel may be in, and which to offer a new hotel (shared/time.ts does the math in
 * the zone). Pure; runs in main, in the renderer and in tests alike (Intl only).
 */

/**
 * Where a Frontdesk hotel most likely is when nobody has said: this Danish product's home zone. A
 * server's clock (UTC, `Etc/…`) says nothing about where the hotel is; a desk PC's zone does.
 */
export const LIKELY_HOTEL_ZONE = 'Europe/Copenhagen';

/**
 * The zone to offer a new hotel: the machine's own, unless it is a server's UTC (or GMT, `Etc/…`,
 * unknown), then {@link LIKELY_HOTEL_ZONE}. `Europe/Oslo` → `Europe/Oslo`; `UTC` → `Europe/Copenhagen`.
 */
export function likelyHotelZone(machineZone: string | undefined): string {
  const zone = machineZone?.trim() ?? '';
  if (zone === '' || /^(UTC|GMT|UCT|Universal|Zulu|Greenwich|Etc\/.*)$/i.test(zone) || !isValidTimeZone(zone)) return LIKELY_HOTEL_ZONE;
  return zone;
}

let zoneNames: readonly string[] | undefined;
let zoneSet: ReadonlySet<string> | undefined;
/**
 * The zones a hotel may be in: every IANA name this runtime lists (`Intl.supportedValuesOf`, ICU's
 * canonical names, about 420), UTC, and the machine's own zone as it names it (`TZ=Asia/Kolkata`
 * where ICU lists Asia/Calcutta): the default hotel zone is always one of them. Other aliases Intl
 * understands (`US/Eastern`, `utc`) are not, so the API document states the list as an enum.
 * Read on first use (a few ms).
 */
export function timeZoneNames(): readonly string[] {
  zoneNames ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'])].sort();
  return zoneNames;
}

/** Whether `zone` is one of `timeZoneNames()`. */
export function isValidTimeZone(zone: string): boolean {
  zoneSet ??= new Set(timeZoneNames());
  return zoneSet.has(zone);
}
