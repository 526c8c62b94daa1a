/**
 * Which time zones a hotel may be in, and which to offer a new hotel (shared/time.ts does the math in
 * the zone). Runs in main, in the renderer and in tests alike; the one thing it reads is the machine's
 * own zone (`machineZone`).
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

/** What a Node process can call without importing `node:fs` (this file is the renderer's too). */
interface NodeProcessLike {
  env: Record<string, string | undefined>;
  platform: string;
  getBuiltinModule?(id: 'node:fs'): { readlinkSync(path: string): string };
}

/** The machine's zone as Node's clock finds it without Intl: `TZ`, else the `/etc/localtime` link (Linux, macOS). */
function nodeMachineZone(node: NodeProcessLike): string | undefined {
  const tz = node.env.TZ?.replace(/^:/, '').trim();
  if (tz) return tz;
  if (node.platform === 'win32') return undefined;
  try {
    const link = node.getBuiltinModule?.('node:fs').readlinkSync('/etc/localtime');
    const zone = link?.split('/zoneinfo/')[1]?.replace(/^(posix|right)\//, '');
    return zone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The machine's own zone as its clock names it. A browser asks Intl. A Node process asks the OS
 * where it says so cheaply, because `Intl.DateTimeFormat` (even `resolvedOptions()` of one) brings
 * ~7 MB of ICU into a process that otherwise needs none of it (docs/benchmarks.md, twenty-third
 * pass); on Windows, which keeps its zone elsewhere, Node asks Intl too, and ICU's answer there is one
 * of ICU's own names.
 */
export function machineZone(): string | undefined {
  const node = (globalThis as { process?: NodeProcessLike }).process;
  const zone = node?.getBuiltinModule ? nodeMachineZone(node) : undefined;
  return zone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || undefined);
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
  zoneNames ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', utcAsUtc(machineZone() ?? 'UTC')])].sort();
  return zoneNames;
}

/** `Etc/UTC`, `Universal`, … as `UTC`, as Intl names the machine's zone when it is UTC. */
function utcAsUtc(zone: string): string {
  return /^(Etc\/)?(UTC|UCT|Universal|Zulu)$/.test(zone) ? 'UTC' : zone;
}

/** Whether `zone` is one of `timeZoneNames()`. */
export function isValidTimeZone(zone: string): boolean {
  zoneSet ??= new Set(timeZoneNames());
  return zoneSet.has(zone);
}
