/**
 * What the write workloads write, the same for every candidate: booking k is room (k mod 300) + 1 for
 * one night, night ⌊k / 300⌋ after today (benchmark 1's pattern, all free), with its billing message
 * and its audit row; stock booking k takes one of the hot resource (benchmark 7's one hot row), with
 * its booking row and an `events` message. The payloads and idempotency keys are built here, so the
 * candidates differ only in how they reach the database.
 */
import { randomUUID } from 'node:crypto';
import { addDays, formatInstant, resolveTime } from '../../shared/time';
import { hotelRooms, NOW_MS, TIME_ZONE, TODAY } from '../support/hotel-dataset';

/** settings.maxStayMs() for the default 90 nights: (90 + 1) days + one hour of DST. */
export const MAX_STAY_MS = 91 * 86_400_000 + 3_600_000;
const ROOMS = hotelRooms();
const nights = new Map<number, { checkin: string; checkinMs: number; checkout: string; checkoutMs: number }>();

function night(n: number) {
  let t = nights.get(n);
  if (!t) {
    const a = resolveTime(addDays(TODAY, 1 + n), TIME_ZONE, '14:00');
    const b = resolveTime(addDays(TODAY, 2 + n), TIME_ZONE, '12:00');
    t = { checkin: a.iso, checkinMs: a.ms, checkout: b.iso, checkoutMs: b.ms };
    nights.set(n, t);
  }
  return t;
}

export interface StayInput {
  roomId: number;
  category: string;
  guestName: string;
  guestEmail: string | null;
  guestPhone: string | null;
  guests: number;
  checkin: string;
  checkout: string;
  checkinMs: number;
  checkoutMs: number;
  nights: number;
  status: 'booked';
  price: number;
  notes: string;
  createdBy: string;
  ownerId: number | null;
  createdAt: number;
  updatedAt: number;
}

export function stayInput(k: number): StayInput {
  const room = ROOMS[k % ROOMS.length]!;
  const t = night(Math.floor(k / ROOMS.length));
  return {
    roomId: (k % ROOMS.length) + 1, category: room.category, guestName: `Guest ${k}`, guestEmail: null, guestPhone: null, guests: 1,
    ...t, nights: 1, status: 'booked', price: room.nightlyRate, notes: '', createdBy: 'desk', ownerId: null,
    createdAt: NOW_MS, updatedAt: NOW_MS,
  };
}

export interface OutboxInput {
  target: 'billing' | 'events';
  topic: string;
  aggregate: string;
  path: string;
  payload: string;
  idempotencyKey: string;
  nowMs: number;
}

/** The billing notice of a new stay (core/stays/stay-commit.ts billingUpdate), `sequence` added as the target wants. */
export function billingMessage(id: number, s: StayInput, seq: number): OutboxInput {
  const payload = {
    room_type: s.category, checkin: s.checkin, checkout: s.checkout, roomnumber: ROOMS[s.roomId - 1]!.number, status: s.status,
    price: s.price, currency: 'DKK', sequence: seq,
  };
  return {
    target: 'billing', topic: 'billing.bill_update', aggregate: `stay:${id}`, path: `/bills/update/${id}`, payload: JSON.stringify(payload),
    idempotencyKey: randomUUID(), nowMs: NOW_MS,
  };
}

export function stockMessage(bookingId: number, resourceId: number): OutboxInput {
  return {
    target: 'events', topic: 'stock.booked', aggregate: `stock-booking:${bookingId}`, path: '/events',
    payload: JSON.stringify({ bookingId, resourceId, quantity: 1 }), idempotencyKey: randomUUID(), nowMs: NOW_MS,
  };
}

export interface AuditInput {
  at: number;
  actorId: number | null;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string;
  via: string;
  address: string | null;
}

export function auditInput(entity: string, id: number): AuditInput {
  return {
    at: NOW_MS, actorId: null, actor: 'desk', role: 'staff', action: `${entity}:create`, entity, entityId: String(id), detail: '{}',
    via: 'http', address: '127.0.0.1',
  };
}

export const BOOKED_AT = formatInstant(NOW_MS, TIME_ZONE);

export class Refused extends Error {}
