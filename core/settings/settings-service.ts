/**
 * Hotel settings: stored one key per row, read once into a cache, replaced after every update's
 * COMMIT. The first start writes the defaults, so the hotel keeps the time zone it started with even
 * if the machine's zone changes later.
 */
import type { z } from 'zod';
import { hotelHasBookings, raiseSettingTo, readSettingValues, writeSettingValue } from '../../db/queries/settings-queries';
import { settingDefs, type SettingDef } from '../../shared/contract/settings-section';
import { SETTINGS_SECTIONS } from '../../shared/contract/settings-sections';
import { SettingsSchema, SettingsUpdateSchema, type Settings, type SettingsUpdate } from '../../shared/contract/settings';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import { hasUrlPassword, keepMaskedPassword, MASKED_PASSWORD, maskUrlPassword } from '../../shared/rules/url-credentials';
import type { CoreDeps } from '../context';

const DAY_MS = 86_400_000;
/**
 * Internal key: the largest `maxStayNights` ever in force. Stays are checked against the limit of
 * their day, so none is longer than this, even after the admin lowers the limit.
 */
const STAY_BOUND_KEY = 'stayLengthBoundNights';

/** Every setting of every section (shared/contract/settings-sections.ts), with what the service must know of it. */
const SETTINGS = settingDefs(SETTINGS_SECTIONS);
const keysWhere = (flag: (def: SettingDef) => unknown) => SETTINGS.filter(([, def]) => flag(def)).map(([key]) => key);

/** Each answered setting at its section's default (a function's: read now, from the machine). */
export function defaultSettings(): Settings {
  const value = (def: SettingDef) => (typeof def.default === 'function' ? (def.default as () => unknown)() : def.default);
  return Object.fromEntries(SETTINGS.filter(([, def]) => def.answer).map(([key, def]) => [key, value(def)])) as Settings;
}

/** The stored SMTP password's key: not a field of `Settings`, so no answer or event ever carries it. */
const SMTP_PASSWORD_KEY = 'smtpPassword';
/** Derived from the stored password, never stored itself. */
const DERIVED_KEYS = new Set(keysWhere((def) => def.derived));
/**
 * Where a server's API listens: on a database several servers share (issue 20 item 5), each keeps
 * its own, stored as `lanEnabled@<server>` and so on. A server without its own row yet reads the
 * hotel-wide one (what a single server stored), so a second server starts as the first was set.
 */
const PER_SERVER_KEYS = new Set(keysWhere((def) => def.perServer));

/** Integration URLs: a password in one is masked in every answer, event and audit row. */
type StringSettingKey = { [K in keyof Settings & keyof SettingsUpdate]: Settings[K] extends string ? K : never }[keyof Settings & keyof SettingsUpdate];
const URL_KEYS = keysWhere((def) => def.secretInUrl) as StringSettingKey[];

/** The settings as answers and live events show them: a password inside a URL as `***`. Pure. */
export function publicSettings(settings: Settings): Settings {
  if (!URL_KEYS.some((key) => hasUrlPassword(settings[key]))) return settings;
  return Object.freeze({ ...settings, ...Object.fromEntries(URL_KEYS.map((key) => [key, maskUrlPassword(settings[key])])) });
}

export interface SettingsService {
  /** The settings as stored, secrets inside URLs included: for the core's own use, never for an answer. */
  get(): Settings;
  /** What answers and events show (`publicSettings`). */
  view(): Settings;
  /** Validates, persists and publishes `settings.changed`. */
  update(patch: SettingsUpdate): Promise<Settings>;
  /**
   * No stored stay lasts longer than this: the bound that turns overlap queries into short index
   * range scans. A stay of N nights runs from its arrival date (at the earliest 00:00) to a date N
   * days later (at the latest 23:59), under N + 1 days, plus at most an hour of DST shift.
   */
  maxStayMs(): number;
  /** The stored SMTP password ('' = none): for the outbox's e-mail delivery only, never for an answer. */
  smtpPassword(): string;
  /** The server whose listener settings these are, when several share the database; else null. */
  server(): string | null;
  /**
   * Reads the stored settings again (another server on the same database changed them) and, if they
   * differ from the cache, replaces it and publishes `settings.changed` with this server's view.
   */
  refresh(): Promise<void>;
}

function parsePatch(patch: unknown): SettingsUpdate {
  const r = SettingsUpdateSchema.safeParse(patch);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError('VALIDATION', `Setting ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`, {
      reason: 'settings.invalid',
      params: { field: issue?.path.join('.') || '' },
    });
  }
  return r.data;
}

/** What the service holds in memory: the settings as read, and what is derived from the same rows. */
interface SettingsSnapshot {
  settings: Settings;
  /** The largest `maxStayNights` ever in force. */
  boundNights: number;
  smtpPassword: string;
}

/** The row a setting is stored in: the server's own for its listener, when it has a name. Pure. */
function storedKey(key: string, server: string | null): string {
  return server !== null && PER_SERVER_KEYS.has(key) ? `${key}@${server}` : key;
}

/** The settings the stored rows say, each missing or no longer valid one at its default. Pure. */
function snapshotOf(stored: Map<string, unknown>, server: string | null): SettingsSnapshot {
  const merged: Record<string, unknown> = { ...defaultSettings() };
  const shape = SettingsSchema.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(shape)) {
    // A value that no longer parses (hand-edited row) falls back to the default instead of failing start-up.
    if (DERIVED_KEYS.has(key)) continue;
    const row = stored.has(storedKey(key, server)) ? storedKey(key, server) : key;
    if (stored.has(row) && shape[key]!.safeParse(stored.get(row)).success) merged[key] = stored.get(row);
  }
  const password = stored.get(SMTP_PASSWORD_KEY);
  const smtpPassword = typeof password === 'string' ? password : '';
  merged.smtpPasswordSet = smtpPassword !== '';
  const settings = Object.freeze(SettingsSchema.parse(merged));
  const bound = Number(stored.get(STAY_BOUND_KEY));
  return { settings, boundNights: Math.max(Number.isFinite(bound) ? bound : 0, settings.maxStayNights), smtpPassword };
}

/**
 * **The cache moves only after COMMIT.** Reads and writes of the settings rows happen inside the
 * caller's unit of work; the snapshot they produce replaces the cache in `db.afterCommit`. On
 * PostgreSQL a unit may be run again from the start, or roll back after its writes: the cache then
 * never holds a value that was not committed, and a retried update starts from the stored rows, not
 * from what a failed attempt left in memory.
 */
export async function createSettingsService(deps: CoreDeps, initial?: Partial<Settings>, options: { server?: string } = {}): Promise<SettingsService> {
  const db = deps.db;
  const server = db.sharedByServers ? (options.server ?? null) : null;

  const write = async (patch: SettingsUpdate) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await writeSettingValue(db, storedKey(key, server), value);
    }
    if (patch.maxStayNights !== undefined) await raiseSettingTo(db, STAY_BOUND_KEY, patch.maxStayNights);
  };
  const read = async () => snapshotOf(await readSettingValues(db), server);

  // The first start stores the defaults (so the hotel keeps the zone it started with if the machine's
  // changes), then the host's start-up settings over them. A hotel that already has stays or blocks
  // (an upgraded install, an imported database) is past its first run: its zone is the one those
  // stays were agreed in, and it is fixed (see update below).
  let current = await db.unit(async () => {
    const stored = await readSettingValues(db);
    const defaults = snapshotOf(stored, server).settings;
    const missing = Object.fromEntries(Object.entries(defaults).filter(([key]) => !stored.has(key) && !stored.has(storedKey(key, server)) && !DERIVED_KEYS.has(key)));
    await write({ ...missing, maxStayNights: defaults.maxStayNights });
    if (initial) await write(parsePatch(initial));
    const snapshot = await read();
    if (snapshot.settings.timeZoneConfirmed || !(await hotelHasBookings(db))) return snapshot;
    await write({ timeZoneConfirmed: true });
    return await read();
  });

  // Refreshes run one after another, each reading the latest rows, so the last one leaves the cache current.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = async () => {
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    deps.events.publish({ type: 'settings.changed', settings: publicSettings(next.settings) });
  };

  return {
    get: () => current.settings,
    view: () => publicSettings(current.settings),
    server: () => server,
    refresh() {
      refreshing = refreshing.then(refresh, refresh);
      return refreshing;
    },
    async update(patch) {
      const valid = parsePatch(patch);
      return await commit(deps, async (c) => {
        // stays' rules (issue 10): the zone is fixed once stays or blocks exist; sending it confirms it.
        if (valid.timeZone !== undefined) {
          const zone = (await read()).settings.timeZone;
          if (valid.timeZone !== zone && await hotelHasBookings(db)) {
            throw new AppError(
              'CONFLICT',
              `The time zone stays ${zone}: the hotel already has stays or room blocks, and their local dates and times were agreed in that zone.`,
              { reason: 'stays.timeZoneFixed', params: { zone } },
            );
          }
        }
        const stored = (await read()).settings;
        const patchToWrite: SettingsUpdate = { ...valid, ...(valid.timeZone === undefined ? {} : { timeZoneConfirmed: true }) };
        for (const key of URL_KEYS) {
          const sent = patchToWrite[key];
          if (sent === undefined) continue;
          const url = keepMaskedPassword(sent, stored[key]);
          if (url.includes(`:${MASKED_PASSWORD}@`)) {
            throw new AppError('VALIDATION', `Setting ${key}: type the password again (the URL names another server or user than the stored one)`, {
              reason: 'settings.invalid',
              params: { field: key },
            });
          }
          (patchToWrite as Record<string, unknown>)[key] = url;
        }
        await write(patchToWrite);
        const next = await read();
        // Before the event, so a listener of settings.changed reads the new settings from get().
        db.afterCommit(() => {
          current = next;
        });
        c.publish({ type: 'settings.changed', settings: publicSettings(next.settings) });
        return publicSettings(next.settings);
      });
    },
    maxStayMs: () => (current.boundNights + 2) * DAY_MS,
    smtpPassword: () => current.smtpPassword,
  };
}
