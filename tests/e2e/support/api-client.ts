/**
 * The REST API as another client on the LAN sees it: sets up the hotel before the browser opens,
 * plays "the other desk" in live-update tests, and checks what the UI wrote. Every route but
 * `POST /login/` needs a bearer token: `signIn` returns a client that sends its user's.
 */
import type { User } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/contract/roles';
import type { Room } from '../../../shared/contract/rooms';
import type { Settings } from '../../../shared/contract/settings';
import type { Stay } from '../../../shared/contract/stays';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiClient {
  /** The server it talks to. */
  baseUrl: string;
  /** The bearer token sent with each request; null for an anonymous client. */
  token: string | null;
  request(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** The JSON body of a 2xx answer; anything else throws with the status and body. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function createApiClient(baseUrl: string, token: string | null = null): ApiClient {
  const request = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    baseUrl,
    token,
    request,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await request(method, path, body);
      if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as T;
    },
  };
}

export interface SignedIn {
  api: ApiClient;
  user: User;
}

/** Seed 002's `POST /login/`: a client that sends the new session's token. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<SignedIn> {
  const result = await createApiClient(baseUrl).call<{ access_token: string; user: User }>('POST', '/login/', { username, password });
  return { api: createApiClient(baseUrl, result.access_token), user: result.user };
}

// ---- builders for the hotel a test needs ----

export const HOTEL_ZONE = 'Europe/Copenhagen';

/**
 * The e2e hotel. The tests run on the real clock, at any hour: check-in opens at the start of the
 * arrival day (`earlyCheckinMinutes` 1440), so a guest due today can be checked in at 01:00 too.
 */
export function setUpHotel(api: ApiClient, patch: Partial<Settings> = {}): Promise<Settings> {
  return api.call<Settings>('PATCH', '/api/v1/settings', { timeZone: HOTEL_ZONE, locale: 'en', hotelName: 'Hotel E2E', earlyCheckinMinutes: 1440, ...patch });
}

/** A guest room; numbers in the 100s sit on floor 1, 200s on floor 2. */
export function aRoom(api: ApiClient, number: number, overrides: Partial<Omit<Room, 'id' | 'number'>> = {}): Promise<Room> {
  return api.call<Room>('POST', '/api/v1/rooms', {
    number,
    category: 'Standard double room',
    capacity: 2,
    nightlyRate: 100_000,
    floor: Math.floor(number / 100),
    ...overrides,
  });
}

/**
 * A user made by an admin (`api` must be an admin's), with a password good enough for the policy.
 * The admin's initial password must be changed at the first sign-in: the user does so at once, to
 * `password`, so the test starts with a user that signs in and works.
 */
export async function aUser(api: ApiClient, username: string, role: Role, password = `${username}-pass-2026`): Promise<User> {
  const initial = `${password}-initial`;
  const user = await api.call<User>('POST', '/api/v1/users', { username, email: `${username}@hotel-e2e.dk`, role, password: initial });
  const first = await signIn(api.baseUrl, username, initial);
  await first.api.call('POST', '/api/v1/me/password', { currentPassword: initial, newPassword: password });
  return { ...user, mustChangePassword: false };
}

export interface StaySpec {
  room: Room;
  /** Hotel-local dates (`YYYY-MM-DD`): arrival at the hotel's check-in time, departure at its check-out time. */
  checkin: string;
  checkout: string;
  guestName: string;
  guests?: number;
}

export function aStay(api: ApiClient, spec: StaySpec): Promise<Stay> {
  return api.call<Stay>('POST', '/api/v1/stays', {
    roomId: spec.room.id,
    checkin: spec.checkin,
    checkout: spec.checkout,
    guestName: spec.guestName,
    guests: spec.guests ?? 1,
  });
}

export function getStay(api: ApiClient, id: number): Promise<Stay> {
  return api.call<Stay>('GET', `/api/v1/stays/${id}`);
}

/** Seed 000's list: what an accounting script on the LAN would read (all of it for staff and admins). */
export function listBookings(api: ApiClient): Promise<SeedBooking[]> {
  return api.call<SeedBooking[]>('GET', '/bookings');
}
