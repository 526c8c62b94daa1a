/**
 * The REST API as another client on the LAN sees it: sets up the hotel before the browser opens,
 * plays "the other desk" in live-update tests, and checks what the UI wrote.
 */
import type { Room, SeedBooking, Settings, Stay } from '../../../shared/contract/schemas';

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiClient {
  request(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** The JSON body of a 2xx answer; anything else throws with the status and body. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function createApiClient(baseUrl: string): ApiClient {
  const request = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    request,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await request(method, path, body);
      if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as T;
    },
  };
}

// ---- builders for the hotel a test needs ----

export const HOTEL_ZONE = 'Europe/Copenhagen';

export function setUpHotel(api: ApiClient, patch: Partial<Settings> = {}): Promise<Settings> {
  return api.call<Settings>('PATCH', '/api/v1/settings', { timeZone: HOTEL_ZONE, locale: 'en', hotelName: 'Hotel E2E', ...patch });
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

/** Seed 000's list: what an accounting script on the LAN would read. */
export function listBookings(api: ApiClient): Promise<SeedBooking[]> {
  return api.call<SeedBooking[]>('GET', '/bookings');
}
