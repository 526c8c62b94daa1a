/**
 * The appointments routes over real HTTP (a socket on 127.0.0.1, Node's fetch), for the route tests
 * of this folder: a fresh real `buildServer` over a real core with the test clock (2026-05-01 10:00
 * Copenhagen) before each test, callers by role, and the set-up every test needs (a service room,
 * its timeslots, a provider). Importing it registers the per-test server.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the answers are read as loose JSON in the assertions; their shapes are checked against the API document */
import { afterEach, beforeEach, expect } from 'vitest';
import type { ServiceRoom, Timeslot } from '../../../shared/contract/appointments';
import type { Role } from '../../../shared/contract/roles';
import { startTestApi, type TestApi } from '../../support/http-client';

/** The test's server (a live binding: set before each test). */
export let api: TestApi;
let base: string;

export type Who = Role | 'anonymous' | 'client2';
const tokens = new Map<Who, string>();

async function tokenOf(who: Who): Promise<string | undefined> {
  if (who === 'anonymous') return undefined;
  if (!tokens.has(who)) {
    const { signIn } = await import('../../support/sessions');
    const s = who === 'client2' ? await signIn(api.t.core, 'client', { username: 'second.client' }) : await api.session(who);
    tokens.set(who, s.token);
  }
  return tokens.get(who);
}

export interface Res<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(method: string, path: string, body?: unknown, who: Who = 'admin'): Promise<Res<T>> {
  const token = await tokenOf(who);
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T };
}
export const get = <T = any>(p: string, who?: Who) => call<T>('GET', p, undefined, who);
export const post = <T = any>(p: string, b?: unknown, who?: Who) => call<T>('POST', p, b, who);
export const put = <T = any>(p: string, b?: unknown, who?: Who) => call<T>('PUT', p, b, who);

export const MONDAY = '2026-05-04';

export async function setUpRoom(body: Record<string, unknown> = {}): Promise<ServiceRoom> {
  const res = await post<ServiceRoom>('/api/v1/admin/rooms', { name: 'Spa room 1', roomType: 'treatment', hourlyRate: 90_000, ...body });
  expect(res.status).toBe(201);
  return res.body;
}
export async function generate(roomId: number, extra: Record<string, unknown> = {}) {
  const res = await post('/api/v1/admin/timeslots/generate', { roomId, startDate: MONDAY, endDate: MONDAY, ...extra });
  expect(res.status).toBe(201);
  return res.body as { count: number };
}
export async function freeSlots(roomId: number, date = MONDAY): Promise<Timeslot[]> {
  const res = await get<{ timeslots: Timeslot[] }>(`/api/v1/bookings/rooms/${roomId}/timeslots?date=${date}`, 'anonymous');
  expect(res.status).toBe(200);
  return res.body.timeslots;
}
export async function aProvider(body: Record<string, unknown> = {}): Promise<{ id: number }> {
  const res = await post<{ id: number }>('/api/v1/providers', { name: 'Sofie Lund', email: 'sofie.lund@example.dk', ...body });
  expect(res.status).toBe(201);
  return res.body;
}

beforeEach(async () => {
  tokens.clear();
  api = await startTestApi();
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => await api.close());
