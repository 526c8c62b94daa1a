/**
 * Providers (seed 001): a therapist or guide with an appointment length, working hours per weekday,
 * days off and a buffer. Their free start times, and the window check a booking must pass, are here;
 * the overlap check itself runs inside the booking's transaction (appointments-service.ts).
 */
import type { z } from 'zod';
import {
  getProviderRow, insertProvider, listProviderRows, providerBusy, providerEmailTaken, updateProvider, type ProviderRow, type ProviderWrite,
} from '../../db/queries/provider-queries';
import type { Provider, WeekHours } from '../../shared/contract/appointments';
import type { ProviderAvailabilitySchema, ProviderCreate, ProviderUpdate } from '../../shared/contract/providers';
import { DEFAULT_WEEK, minutesOf, weekdayOf } from '../../shared/rules/appointment-rules';
import { AppError } from '../../shared/errors';
import { formatInstant, toCivil } from '../../shared/time';
import { commit } from '../commit';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { toProvider } from './appointment-view';
import { wallInstant } from './service-rooms-service';

/** The provider's working window on a hotel-local date, as instants; null on a day off or a day without hours. */
export function workingWindow(p: ProviderRow, date: string, zone: string): { fromMs: number; toMs: number } | null {
  if ((JSON.parse(p.daysOff) as string[]).includes(date)) return null;
  const hours = (JSON.parse(p.workingHours) as WeekHours)[weekdayOf(date)];
  if (!hours) return null;
  return { fromMs: wallInstant(date, minutesOf(hours.start), zone), toMs: wallInstant(date, minutesOf(hours.end), zone) };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `HH:MM:SS` of an instant in the zone (seed 001's `time`). */
export function wallTime(ms: number, zone: string): string {
  const c = toCivil(ms, zone);
  return `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}

export function createProvidersService(deps: CoreDeps, settings: SettingsService) {
  const db = deps.db;
  const zone = () => settings.get().timeZone;

  const requireProvider = async (id: number): Promise<ProviderRow> => {
    const row = await getProviderRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'Provider not found', { reason: 'appointments.providerNotFound' });
    return row;
  };
  const checkEmail = async (email: string, exceptId = 0) => {
    if (await providerEmailTaken(db, email, exceptId)) {
      throw new AppError('CONFLICT', 'A provider with this e-mail already exists', { reason: 'appointments.providerEmailTaken', params: { email } });
    }
  };

  return {
    requireProvider,

    async list(includeInactive: boolean): Promise<Provider[]> {
      const z = zone();
      return (await listProviderRows(db, includeInactive)).map((p) => toProvider(p, z));
    },

    async get(id: number): Promise<Provider> {
      return toProvider(await requireProvider(id), zone());
    },

    async create(input: ProviderCreate): Promise<Provider> {
      return await commit(deps, async (c) => {
        await checkEmail(input.email);
        const id = await insertProvider(db, { ...input, workingHours: input.workingHours ?? DEFAULT_WEEK }, c.nowMs);
        c.publish({ type: 'appointmentSetup.changed', what: 'providers' });
        return toProvider(await requireProvider(id), zone());
      });
    },

    async update(input: ProviderUpdate): Promise<Provider> {
      return await commit(deps, async (c) => {
        const p = toProvider(await requireProvider(input.id), zone());
        if (input.email !== undefined) await checkEmail(input.email, p.id);
        const next: ProviderWrite = {
          name: input.name ?? p.name,
          email: input.email ?? p.email,
          appointmentMinutes: input.appointmentMinutes ?? p.appointmentMinutes,
          bufferMinutes: input.bufferMinutes ?? p.bufferMinutes,
          price: input.price ?? p.price,
          workingHours: input.workingHours ?? p.workingHours,
          daysOff: input.daysOff ?? p.daysOff,
          active: input.active ?? p.active,
        };
        await updateProvider(db, p.id, next, c.nowMs);
        c.publish({ type: 'appointmentSetup.changed', what: 'providers' });
        return toProvider(await requireProvider(p.id), zone());
      });
    },

    /**
     * The free start times on `date`: on the provider's grid (every appointment length from the start
     * of the working hours), the whole appointment within the hours, after now, its time and buffer
     * overlapping no live booking's time and buffer.
     */
    async availability(id: number, date: string): Promise<z.output<typeof ProviderAvailabilitySchema>> {
      const p = await requireProvider(id);
      const z = zone();
      const lenMs = p.appointmentMinutes * 60_000;
      const bufMs = p.bufferMinutes * 60_000;
      const result = { providerId: p.id, date, durationMinutes: p.appointmentMinutes, times: [] as string[], slots: [] as { time: string; startTime: string; endTime: string }[] };
      const window = p.active === 1 ? workingWindow(p, date, z) : null;
      if (!window) return result;
      const nowMs = deps.clock();
      const busy = await providerBusy(db, p.id, window.fromMs, window.toMs + bufMs, nowMs);
      let i = 0;
      for (let s = window.fromMs; s + lenMs <= window.toMs; s += lenMs) {
        if (s <= nowMs) continue;
        const until = s + lenMs + bufMs;
        while (i < busy.length && busy[i]!.untilMs <= s) i++;
        let clash = false;
        for (let j = i; j < busy.length && busy[j]!.startMs < until; j++) {
          if (busy[j]!.untilMs > s) {
            clash = true;
            break;
          }
        }
        if (clash) continue;
        const time = wallTime(s, z);
        result.times.push(time);
        result.slots.push({ time, startTime: formatInstant(s, z), endTime: formatInstant(s + lenMs, z) });
      }
      return result;
    },
  };
}

export type ProvidersService = ReturnType<typeof createProvidersService>;
