/**
 * The demo hotel `npm run serve -- --demo` starts with: a Copenhagen hotel with something on every
 * screen: guest rooms and ten weeks of stays (demo-stays.ts), service rooms, providers and two
 * weeks of appointments (demo-appointments.ts), stock and its loans (demo-stock.ts), cars and their
 * rentals (demo-cars.ts). Deterministic from a fixed seed and the clock; all of it in one
 * transaction, so a failure leaves the database empty.
 *
 * **The zone comes first.** Stays fix the hotel's time zone (docs/stays-rules.md), so it is set and
 * confirmed before anything is stored: the zone given (`serve --time-zone`), the one an admin
 * already confirmed, or else Europe/Copenhagen, where the demo hotel is.
 */
import { localDate } from '../../shared/time';
import { LIKELY_HOTEL_ZONE } from '../../shared/time-zones';
import type { Core } from '../create-core';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoCars } from './demo-cars';
import { seededRandom } from './demo-guests';
import { seedDemoStays } from './demo-stays';
import { seedDemoStock } from './demo-stock';
import { createDemoStory, DEMO_CONTEXT } from './demo-story';

export interface DemoHotelCounts {
  rooms: number;
  stays: number;
  serviceRooms: number;
  providers: number;
  appointments: number;
  stockResources: number;
  loans: number;
  cars: number;
  rentals: number;
}

const NOTHING: DemoHotelCounts = { rooms: 0, stays: 0, serviceRooms: 0, providers: 0, appointments: 0, stockResources: 0, loans: 0, cars: 0, rentals: 0 };

/** The zone the demo is made in: the one asked for, the one confirmed, or the demo hotel's own. */
export function demoTimeZone(settings: { timeZone: string; timeZoneConfirmed: boolean }, asked?: string): string {
  return asked ?? (settings.timeZoneConfirmed ? settings.timeZone : LIKELY_HOTEL_ZONE);
}

/**
 * Fills an empty database (no guest rooms); leaves any other alone and returns zeros. `today`
 * moves the stays only (the other domains are told from the real clock).
 */
export async function seedDemoHotel(core: Core, options: { today?: string; timeZone?: string } = {}): Promise<DemoHotelCounts> {
  const { db, clock } = core.deps;
  if ((await core.handlers['rooms:list']({ includeInactive: true }, DEMO_CONTEXT)).length > 0) return NOTHING;
  const zone = demoTimeZone(core.settings.get(), options.timeZone);
  if (!core.settings.get().timeZoneConfirmed || core.settings.get().timeZone !== zone) {
    await core.handlers['settings:update']({ timeZone: zone }, DEMO_CONTEXT);
  }
  const settings = core.settings.get();
  const nowMs = clock();
  const today = options.today ?? localDate(nowMs, settings.timeZone);
  const random = seededRandom(20_260_501);

  return db.unit(async (): Promise<DemoHotelCounts> => {
    const { rooms, stays } = await seedDemoStays({ db, settings, today, nowMs, random });
    const story = await createDemoStory(core, localDate(nowMs, settings.timeZone));
    const appointments = await seedDemoAppointments(story, random);
    const stock = await seedDemoStock(story, random);
    const cars = await seedDemoCars(story, random);
    return { rooms, stays, ...appointments, stockResources: stock.resources, loans: stock.loans, ...cars };
  });
}
