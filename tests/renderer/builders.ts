/** Builders for store tests: a complete value with the fields a test names changed. */
import type { User } from '../../shared/contract/auth';
import type { Board } from '../../shared/contract/board';
import type { Room } from '../../shared/contract/rooms';
import type { Settings } from '../../shared/contract/settings';
import type { Stay } from '../../shared/contract/stays';

export const aRoom = (overrides: Partial<Room> = {}): Room => ({
  id: 1, number: 101, category: 'Double', capacity: 2, nightlyRate: 95_000, floor: 1, housekeeping: 'clean', active: true, ...overrides,
});

export const aStay = (overrides: Partial<Stay> = {}): Stay => ({
  id: 1, roomId: 1, roomNumber: 101, category: 'Double', guestName: 'Ida Jensen', guestEmail: null, guestPhone: null, guests: 2,
  checkin: '2026-05-01T15:00:00+02:00', checkout: '2026-05-03T11:00:00+02:00', checkinDate: '2026-05-01', checkoutDate: '2026-05-03',
  nights: 2, status: 'booked', price: 190_000, notes: '', createdBy: 'anna', ownerId: null,
  createdAt: '2026-04-20T10:00:00+02:00', updatedAt: '2026-04-20T10:00:00+02:00', ...overrides,
});

/** A board of `rooms` with one stay in the first room, from `from` for 14 nights. */
export const aBoard = (from = '2026-05-01', rooms: Room[] = [aRoom(), aRoom({ id: 2, number: 201, floor: 2 })]): Board => ({
  from, to: addDaysIso(from, 14), today: from, rooms,
  stays: { id: [1], roomId: [rooms[0]!.id], guestName: ['Ida Jensen'], guests: [2], checkin: [0], nights: [2], status: [0] },
  blocks: [], counts: { arrivals: 1, departures: 0, inHouse: 0 },
});

export const someSettings = (overrides: Partial<Settings> = {}): Settings => ({
  hotelName: 'Hotel Test', timeZone: 'Europe/Copenhagen', currency: 'DKK', locale: 'da', checkinTime: '15:00', checkoutTime: '11:00',
  maxStayNights: 90, billingServiceUrl: '', eventServiceUrl: '', outboxMaxAttempts: 5, outboxRetentionDays: 30,
  lanEnabled: false, lanHost: '0.0.0.0', lanPort: 8080, selfRegistration: false, sessionHours: 12, brokerEventTypes: [], ...overrides,
} as Settings);

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: 2, username: 'anna', email: 'anna@hotel.dk', role: 'staff', active: true, mustChangePassword: false,
  createdAt: '2026-05-01T09:00:00+02:00', lastLoginAt: null, ...overrides,
});

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A promise the test settles by hand: a slow answer. */
export function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
