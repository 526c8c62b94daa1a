/**
 * What every screen needs of the hotel's settings: its time zone (so the hotel's today) and its
 * currency. The settings store keeps them here as settings arrive (settings/settings-store.ts), so
 * the shared pieces (the formats, the date field) read them without importing a domain. Until the
 * settings come, this PC's zone and no currency. No DOM: tested in Node.
 */
import { create } from 'zustand';
import { localDate } from '../../../shared/time';
import { browserTimeZone } from '../format/browser-zone';

interface HotelState {
  timeZone: string | null;
  currency: string | null;
}

export const useHotelStore = create<HotelState>(() => ({ timeZone: null, currency: null }));

export function hotelZone(): string {
  return useHotelStore.getState().timeZone ?? browserTimeZone();
}

/** Today's date at the hotel (not at this PC, which may sit in another zone). */
export function hotelToday(nowMs: number = Date.now()): string {
  try {
    return localDate(nowMs, hotelZone());
  } catch {
    return localDate(nowMs, browserTimeZone());
  }
}
