/**
 * The IANA time zone database for the Node processes (the host, `serve`, the export and import
 * workers), so that they work out a zone's UTC offsets without Intl. One `Intl.DateTimeFormat` brings
 * ~7–10 MB of ICU's data pages and objects into a process for the rest of its life, and offsets were
 * the host's only need of it (docs/benchmarks.md, twenty-second and twenty-third passes). The renderer
 * keeps Intl: Chromium has ICU loaded anyway.
 *
 * The data is moment-timezone's packed `data/packed/latest.json` (a maintained package: the tzdb
 * release is its `version`; every zone's transitions up to 2499). Only the file is used, not the
 * library: it is read once, the first time a zone is asked for, and only the zones asked for are kept,
 * unpacked into two typed arrays. Its format (https://momentjs.com/timezone/docs/#/data-formats/packed-format/):
 * `name|abbreviations|offsets|indices|untils|population`, numbers in base 60, offsets in minutes west
 * of UTC, untils in minutes since 1970 (the first absolute, the rest differences), the last period
 * open-ended. Years past the data repeat the years 400 before them: the Gregorian calendar repeats
 * every 400 years (146 097 days, whole weeks), and so does every rule of the form "last Sunday of March".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useZoneOffsets, type ZoneOffsetSource } from '../../shared/time';
import { unpackedPath } from '../export/worker-entry';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX';
const MINUTE_MS = 60_000;
/** 400 Gregorian years in ms. */
const CYCLE_MS = 146_097 * 86_400_000;

interface PackedData {
  version: string;
  zones: string[];
  links: string[];
}

/** One zone's offsets: `offsetsMs[i]` holds until `untilsMs[i]` (the last has no end). */
export interface ZoneTable {
  untilsMs: Float64Array;
  offsetsMs: Int32Array;
}

/** A base-60 number of the packed format (`-R.s`: a fraction after the point). */
export function unpackBase60(text: string): number {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let value = 0;
  for (const c of whole) value = value * 60 + DIGITS.indexOf(c);
  let scale = 1 / 60;
  for (const c of fraction) {
    value += DIGITS.indexOf(c) * scale;
    scale /= 60;
  }
  return negative ? -value : value;
}

/** A zone's packed line → its table (offsets in ms east of UTC, rounded to the second as Intl gives them). */
export function unpackZone(line: string): ZoneTable {
  const [, , offsetsText = '', indicesText = '', untilsText = ''] = line.split('|');
  const offsets = offsetsText.split(' ').map((o) => -Math.round(unpackBase60(o) * 60) * 1000);
  const indices = [...indicesText].map((c) => DIGITS.indexOf(c));
  const untils = untilsText ? untilsText.split(' ').map(unpackBase60) : [];
  const untilsMs = new Float64Array(indices.length);
  let minutes = 0;
  for (let i = 0; i < indices.length; i++) {
    if (i < untils.length) {
      minutes += untils[i]!;
      untilsMs[i] = Math.round(minutes * MINUTE_MS);
    } else untilsMs[i] = Infinity;
  }
  return { untilsMs, offsetsMs: Int32Array.from(indices, (i) => offsets[i]!) };
}

/** Transitions this late mean a zone still changes its clocks when the data ends (2499). */
const RULES_RUN_PAST_MS = Date.UTC(2400, 0, 1);

/**
 * The offset in ms at `instantMs` from a zone's table. A zone that still changes its clocks when the
 * data ends is read 400 years earlier past its last transition; one whose last change is in the past
 * keeps its last offset.
 */
export function offsetFromTable(table: ZoneTable, instantMs: number): number {
  const { untilsMs, offsetsMs } = table;
  const lastChange = untilsMs.length >= 2 ? untilsMs[untilsMs.length - 2]! : -Infinity;
  let t = instantMs;
  if (lastChange >= RULES_RUN_PAST_MS) while (t >= lastChange) t -= CYCLE_MS;
  let lo = 0;
  let hi = untilsMs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t < untilsMs[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return offsetsMs[lo]!;
}

export interface TzDatabase {
  /** The tzdb release of the data (`2026f`). */
  version: string;
  /** The source for shared/time.ts (`useZoneOffsets`): `undefined` for a zone the data does not hold. */
  offsets: ZoneOffsetSource;
}

/** The data file's path (unpacked from `app.asar` in the desktop app: worker threads read it too). */
export function tzDataFile(): string {
  return unpackedPath(createRequire(import.meta.url).resolve('moment-timezone/data/packed/latest.json'));
}

/**
 * Reads the packed data from `file` (default: moment-timezone's) when a zone is first asked for, and
 * keeps only that zone's table: a host asks for its hotel's zone and UTC, so the other ~600 lines are
 * garbage at once.
 */
export function openTzDatabase(file = tzDataFile()): TzDatabase {
  const tables = new Map<string, ZoneTable | null>();
  let version: string | undefined;
  const lineOf = (zone: string): string | undefined => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as PackedData;
    version = data.version;
    const target = data.links.find((l) => l.endsWith(`|${zone}`))?.split('|')[0] ?? zone;
    return data.zones.find((l) => l.startsWith(`${target}|`));
  };
  const tableOf = (zone: string): ZoneTable | null => {
    let table = tables.get(zone);
    if (table === undefined) {
      const line = lineOf(zone);
      table = line === undefined ? null : unpackZone(line);
      tables.set(zone, table);
    }
    return table;
  };
  return {
    get version() {
      if (version === undefined) lineOf('UTC');
      return version ?? '';
    },
    offsets: (instantMs, zone) => {
      const table = tableOf(zone);
      return table ? offsetFromTable(table, instantMs) : undefined;
    },
  };
}

let installed = false;

/**
 * This process's zone offsets from the tz database from now on (shared/time.ts `useZoneOffsets`):
 * called by `createCore` (core/create-core.ts: the host, `serve`) and by the export and import workers' entries. Once per process.
 * Should the data file not be readable (a damaged install), Intl answers, as before.
 */
export function useTzDatabase(): void {
  if (installed) return;
  installed = true;
  let tz: TzDatabase | undefined = openTzDatabase();
  useZoneOffsets((instantMs, zone) => {
    if (!tz) return undefined;
    try {
      return tz.offsets(instantMs, zone);
    } catch {
      tz = undefined;
      return undefined;
    }
  });
}
