/**
 * A small hotel on which every command of the contract has an input that succeeds, for tests that
 * call every route (the role matrix, the first-run lock): rooms 101–104 (ids 1–4, room 4 and 104
 * never booked), stay 1 booked in room 1 for 2026-05-01 → 05-03 (the test clock's today), stay 2
 * checked in in room 2, block 1 on room 1 in September, stock resources 1 (Extra bed, 4) and 2 (Bike, 2) with
 * booking 1 of one extra bed for stay 1, outbox message 1 dead, and a signed-in user
 * of each role plus a `victim` the admin manages — all with TEST_PASSWORD.
 */
import type { z } from 'zod';
import { commands, ROLES, type CommandDef, type CommandName, type Role } from '../../shared/contract/commands';
import type { Core } from '../../core/create-core';
import { aRoom, aStay } from './builders';
import { signIn, TEST_PASSWORD, type Session } from './sessions';
import { adminCtx, deskCtx } from './test-core';

export interface ContractFixture {
  sessions: Record<Role, Session>;
  /** A staff user the admin manages (users:update, users:resetPassword) and who signs in (auth:login). */
  victim: Session;
}

export async function seedContractHotel(core: Core): Promise<ContractFixture> {
  const h = core.handlers;
  for (const number of [101, 102, 103, 104]) await h['rooms:create'](aRoom({ number, category: 'Standard double room' }), adminCtx);
  await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03' }), deskCtx);
  const inHouse = await h['stays:create'](aStay({ roomId: 2, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Jens Olsen' }), deskCtx);
  await h['stays:checkIn']({ id: inHouse.id }, deskCtx);
  await h['stock:create']({ name: 'Extra bed', description: 'Folding bed with linen', totalQuantity: 4 }, deskCtx);
  await h['stock:create']({ name: 'Bike', description: 'City bike', totalQuantity: 2 }, deskCtx);
  await h['stock:book']({ resourceId: 1, quantity: 1, stayId: 1 }, deskCtx);
  await h['blocks:create']({ roomId: 1, from: '2026-09-01', to: '2026-09-03', reason: 'Repainting', kind: 'blocked' }, deskCtx);
  // Stay 3 arrived yesterday and has not come: a no-show can be marked (from the arrival time on).
  await h['stays:create'](aStay({ roomId: 3, checkin: '2026-04-30', checkout: '2026-05-01', guestName: 'Per Lund' }), deskCtx);
  await core.deps.db.run(`UPDATE outbox SET status = 'dead', attempts = 10, last_error = 'HTTP 422' WHERE id = 1`);
  // cars: car 1 (reserved in rental 1 from today: it can be handed out), car 2 damaged and out in rental 2 (its hand-out can be undone), car 3 free
  await h['cars:create']({ brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' }, deskCtx);
  await h['cars:create']({ brand: 'Volkswagen', model: 'ID.3', fuelType: 'Electric', mileage: 8_400, plate: 'EL 12 345', seats: 5, dailyRate: 69_500, notes: '' }, deskCtx);
  await h['cars:create']({ brand: 'Skoda', model: 'Octavia', fuelType: 'Diesel', mileage: 40_100, plate: 'CD 98 765', seats: 5, dailyRate: 54_500, notes: '' }, deskCtx);
  await h['rentals:reserve']({ carId: 1, from: '2026-05-01', to: '2026-05-04', guestName: 'Mette Hansen', notes: '' }, deskCtx);
  await h['rentals:reserve']({ carId: 2, from: '2026-05-01', to: '2026-05-03', stayId: 2, notes: '' }, deskCtx);
  await h['rentals:handOut']({ id: 2 }, deskCtx);
  await h['cars:reportDamage']({ id: 2, note: 'Cracked windscreen' }, deskCtx);
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) sessions[role] = await signIn(core, role, { username: `matrix.${role}` });
  const victim = await signIn(core, 'staff', { username: 'matrix.victim' });
  await seedAppointments(core, sessions.client);
  return { sessions, victim };
}

/**
 * Appointments (issue 8): service room 1 (a treatment room, 900 DKK an hour) and 2 (a meeting room),
 * each with sixteen 30-minute slots on Monday 2026-05-04 (room 1: slots 1–16, room 2: 17–32),
 * provider 1, and four appointments of the matrix client: 1 in slot 1 (pending), 2 with provider 1
 * at 10:00 (confirmed), 3 and 4 with provider 1 this morning (begun; 4 marked a no-show).
 */
async function seedAppointments(core: Core, client: Session): Promise<void> {
  const h = core.handlers;
  await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 90_000, isActive: true }, adminCtx);
  await h['serviceRooms:create']({ name: 'Meeting room', roomType: 'meeting', capacity: 1, hourlyRate: 40_000, isActive: true }, adminCtx);
  for (const roomId of [1, 2]) {
    await h['timeslots:generate']({ roomId, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
  }
  await h['providers:create']({ name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 30, bufferMinutes: 0, price: 0, daysOff: [], active: true }, adminCtx);
  const clientCtx = { actor: { userId: client.userId, username: client.username, role: 'client' as const }, via: 'internal' as const };
  await h['appointments:create']({ timeslotId: 1, roomId: 1 }, clientCtx);
  await h['appointments:create']({ provider_id: 1, date: '2026-05-04', time: '10:00' }, clientCtx);
  // 3 and 4 began this morning (09:00 and 09:30, before the clock's 10:00): 3 can be marked completed, 4 is a no-show to undo.
  // Nobody can book the past, so they are booked for Monday and moved.
  for (const [time, startAt, endAt] of [['11:00', '2026-05-01T09:00:00+02:00', '2026-05-01T09:30:00+02:00'], ['11:30', '2026-05-01T09:30:00+02:00', '2026-05-01T10:00:00+02:00']] as const) {
    const { id } = await h['appointments:create']({ provider_id: 1, date: '2026-05-04', time }, clientCtx) as { id: number };
    const [startMs, endMs] = [Date.parse(startAt), Date.parse(endAt)];
    await core.deps.db.run(`UPDATE appointments SET start_ms = ?, end_ms = ?, occupied_until_ms = ?, start_at = ?, end_at = ?, local_date = '2026-05-01', local_time = ? WHERE id = ?`, startMs, endMs, endMs, startAt, endAt, startAt.slice(11, 19), id);
  }
  await h['appointments:setStatus']({ id: 4, status: 'no_show' }, deskCtx);
}

/**
 * The input of `name` that succeeds on the fixture, as the caller sends it (wire values): **the one
 * table of valid inputs** (the role matrix, the first-run lock and the bad-input suite all start
 * here). Complete: every field the command takes is named, so the bad-input suite spoils each one.
 * `settings:update` sends the stored values but the name, so a wrongly accepted change of it leaves
 * nothing that matters in the settings cache.
 */
export function contractInput(name: CommandName, f: ContractFixture): Record<string, unknown> {
  const inputs: Record<CommandName, Record<string, unknown>> = {
    'health:get': {},
    'auth:login': { username: f.victim.username, password: TEST_PASSWORD },
    'auth:logout': {},
    'auth:me': {},
    'auth:changePassword': { currentPassword: TEST_PASSWORD, newPassword: 'Changed-Password-5512' },
    'users:seedList': {},
    'users:seedCreate': { username: 'self.guest', email_address: 'self.guest@example.test', password: TEST_PASSWORD, confirm_password: TEST_PASSWORD },
    'users:list': {},
    'users:create': { username: 'new.desk', email: 'new.desk@example.test', password: TEST_PASSWORD, role: 'staff' },
    'users:update': { id: f.victim.userId, email: 'victim.moved@example.test', role: 'client', active: true },
    'users:resetPassword': { id: f.victim.userId, newPassword: 'Reset-Password-9931' },
    'audit:list': { actor: 'matrix.admin', action: 'auth:login', entity: 'user', from: '2026-05-01', to: '2026-05-31', limit: 10, beforeId: 100 },
    'audit:export': { actor: 'matrix.admin', action: 'auth:login', entity: 'user', from: '2026-05-01', to: '2026-05-31', delimiter: ';', bom: true },
    'network:status': {},
    'stays:seedList': { from: '2026-05-01', to: '2026-06-01', limit: 10 },
    'stays:seedCreate': {
      roomnumber: 104, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00',
      guest_name: 'Ann Berg', guests: 2, price: 180_000, notes: 'Late arrival', late_entry: false,
    },
    'stays:seedExport': { delimiter: ';', bom: true, from: '2026-05-01', to: '2026-06-01', status: 'booked', roomId: 1 },
    'rooms:list': { includeInactive: true },
    'rooms:free': { checkin: '2026-06-01', checkout: '2026-06-03', category: 'Standard double room', guests: 2 },
    'rooms:create': { number: 150, category: 'Suite', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' },
    'rooms:update': { id: 1, number: 101, category: 'Standard double room', capacity: 2, nightlyRate: 90_000, floor: 3, housekeeping: 'dirty', active: true },
    'rooms:deactivate': { id: 4 },
    'rooms:setHousekeeping': { id: 1, housekeeping: 'dirty' },
    'stays:list': { roomId: 1, status: 'booked', from: '2026-05-01', to: '2026-06-01', guest: 'Mette', limit: 5, offset: 0 },
    'stays:get': { id: 1 },
    'stays:create': {
      roomId: 3, checkin: '2026-06-01', checkout: '2026-06-03', guestName: 'Ann Berg', guestEmail: 'ann.berg@example.dk',
      guestPhone: '+45 1234 5678', guests: 2, price: 180_000, notes: 'Late arrival', lateEntry: false,
    },
    'stays:move': { id: 1, roomId: 3, pricing: 'reprice' },
    'stays:changeDates': { id: 1, checkin: '2026-05-01', checkout: '2026-05-04', price: 270_000, pricing: 'keep' },
    'stays:quote': { id: 1, roomId: 3, checkin: '2026-05-01', checkout: '2026-05-04' },
    'stays:updateGuest': { id: 1, guestName: 'Mette Hansen', guestEmail: 'mette@example.dk', guestPhone: '+45 20 12 34 56', guests: 2, notes: 'Late arrival' },
    'guests:profile': { email: 'ann.berg@example.dk', phone: '+45 1234 5678', limit: 10 },
    'stays:cancel': { id: 1 },
    'stays:checkIn': { id: 1 },
    'stays:checkOut': { id: 2 },
    'stays:noShow': { id: 3 },
    'stays:departureQuote': { id: 2, action: 'check_out' },
    'stays:undo': { id: 2 },
    'blocks:list': { from: '2026-05-01', to: '2026-06-01' },
    'blocks:create': { roomId: 3, from: '2026-08-01', to: '2026-08-03', reason: 'Paint', kind: 'blocked' },
    'blocks:update': { id: 1, roomId: 1, from: '2026-09-01', to: '2026-09-04', reason: 'Repainting', kind: 'out_of_order' },
    'blocks:remove': { id: 1 },
    'board:get': { from: '2026-05-01', days: 7 },
    'desk:search': { q: 'Jens', limit: 10 },
    'imports:kind': { kind: 'guestRooms' },
    'imports:run': { kind: 'guestRooms', csv: 'Værelse;Kategori;Pladser;Pris;Etage\n9101;Dobbeltværelse;2;1125,00;9\n', dryRun: false, mode: 'allOrNothing', jobId: 'fixture-run' },
    'imports:runFile': { kind: 'guestRooms', dryRun: true, mode: 'allOrNothing', mapping: '{"number":"Værelse"}', jobId: 'fixture-file' },
    'imports:cancel': { jobId: 'fixture-none' },
    'desk:worklists': {},
    'print:lists': {},
    'rooms:available': { checkin: '2026-06-01', checkout: '2026-06-03', guests: 2 },
    'settings:get': {},
    'settings:update': {
      hotelName: 'Hotel Matrix', timeZone: 'Europe/Copenhagen', currency: 'DKK', checkinTime: '14:00', checkoutTime: '12:00',
      maxStayNights: 90, billingServiceUrl: 'http://billing-service:5002', sessionHours: 12,
      earlyCheckinMinutes: 360, departurePriceRule: 'booked', timeZoneConfirmed: true, downtimePackMinutes: 30,
    },
    'outbox:status': {},
    'outbox:retry': { id: 1 },
    'cars:seedList': {},
    'cars:seedGet': { car_id: 1 },
    'cars:seedAdd': {
      brand: 'Toyota', model: 'Yaris', fuel_type: 'Hybrid', mileage: 5200, is_rented: false, has_damage: false,
      plate: 'YA 11 222', seats: 5, daily_rate: 49_500, notes: 'Child seat in the boot',
    },
    'cars:seedDelete': { car_id: 3 },
    'cars:list': { fuel: 'Petrol', state: 'available', q: 'corolla' },
    'cars:get': { id: 1 },
    'cars:create': { brand: 'Tesla', model: 'Model Y', fuelType: 'Electric', mileage: 1500, plate: 'TE 55 555', seats: 5, dailyRate: 89_500, notes: 'Type 2 cable' },
    'cars:update': { id: 1, brand: 'Toyota', model: 'Corolla Touring', fuelType: 'Petrol', mileage: 12_500, plate: 'AB 12 346', seats: 5, dailyRate: 62_500, notes: 'Winter tyres' },
    'cars:reportDamage': { id: 3, note: 'Dent in the driver\'s door' },
    'cars:repair': { id: 2 },
    'rentals:list': { carId: 1, status: 'reserved', from: '2026-05-01', to: '2026-07-01', limit: 50 },
    'rentals:timeline': { from: '2026-05-01', days: 30 },
    'rentals:get': { id: 1 },
    'rentals:reserve': { carId: 3, from: '2026-06-10', to: '2026-06-12', guestName: 'Ann Berg', stayId: 1, notes: 'Airport pick-up' },
    'rentals:handOut': { id: 1, mileage: 12_050 },
    'rentals:return': { id: 2, mileage: 8_600, damage: true, damageNote: 'Scratch on the rear bumper' },
    'rentals:cancel': { id: 1 },
    'rentals:undo': { id: 2 },
    'cars:export': { delimiter: ';', bom: true, fuel: 'Petrol', state: 'available' },
    'rentals:export': { delimiter: ';', bom: true, carId: 1, status: 'reserved', from: '2026-05-01', to: '2026-07-01' },
    'stays:export': { delimiter: ',', bom: false, from: '2026-05-01', to: '2026-06-01', status: 'booked', roomId: 1, lang: 'da' },
    // appointments (issue 8)
    'serviceRooms:list': { type: 'treatment', active: true, page: 1, limit: 25 },
    'serviceRooms:get': { id: 1 },
    'serviceRooms:freeTimeslots': { id: 1, date: '2026-05-04', duration: 30 },
    'serviceRooms:create': {
      name: 'Spa room 2', roomType: 'treatment', description: 'Two tables', capacity: 2, hourlyRate: 120_000, isActive: true, metadata: { floor: -1 },
    },
    'serviceRooms:update': {
      id: 1, name: 'Spa room 1', roomType: 'treatment', description: 'Massage table', capacity: 1, hourlyRate: 95_000, isActive: true, metadata: { floor: -1 },
    },
    'serviceRooms:deactivate': { id: 2 },
    'timeslots:generate': {
      roomId: 1, startDate: '2026-05-05', endDate: '2026-05-06', slotDuration: 30, workingHours: { start: '09:00', end: '12:00' }, excludedDates: ['2026-05-06'], capacity: 1,
    },
    'timeslots:preview': {
      roomId: 1, startDate: '2026-05-05', endDate: '2026-05-06', slotDuration: 30, workingHours: { start: '09:00', end: '12:00' }, excludedDates: ['2026-05-06'], capacity: 1,
    },
    'timeslots:delete': { id: 16 },
    'providers:list': { includeInactive: true },
    'providers:get': { id: 1 },
    'providers:create': {
      name: 'Anders Holm', email: 'anders.holm@example.dk', appointmentMinutes: 60, bufferMinutes: 15, price: 65_000,
      workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '17:00' }, wed: null, thu: null, fri: { start: '10:00', end: '14:00' }, sat: null, sun: null },
      daysOff: ['2026-05-08'], active: true,
    },
    'providers:update': {
      id: 1, name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 45, bufferMinutes: 10, price: 50_000,
      workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '17:00' }, wed: { start: '09:00', end: '17:00' }, thu: null, fri: null, sat: null, sun: null },
      daysOff: ['2026-05-08'], active: true,
    },
    'providers:availability': { id: 1, date: '2026-05-04' },
    'appointments:create': { timeslotId: 2, roomId: 1, notes: 'Aromatherapy, please', bookingType: 'massage' },
    'appointments:mine': { status: 'pending', from_date: '2026-05-01', to_date: '2026-05-31', page: 1, limit: 25 },
    'appointments:get': { id: 1 },
    'appointments:refundQuote': { id: 1 },
    'appointments:cancel': { id: 1 },
    'appointments:delete': { id: 1 },
    'appointments:reschedule': { id: 1, newTimeslotId: 3 },
    'appointments:adminList': {
      status: 'pending', roomId: 1, userId: f.sessions.client.userId, providerId: 1, kind: 'timeslot', fromDate: '2026-05-01', toDate: '2026-05-31', page: 1, limit: 50,
    },
    'appointments:setStatus': { id: 3, status: 'completed' },
    'appointments:undoStatus': { id: 4 },
    'appointments:stats': { fromDate: '2026-05-01', toDate: '2026-05-31' },
    'appointments:deskCreate': {
      timeslotId: 4, guestName: 'Mette Hansen', guestEmail: 'mette.hansen@example.dk', userId: f.sessions.client.userId, notes: 'Allergic to almond oil', bookingType: 'massage',
    },
    'appointments:pay': { id: 1, method: 'card' },
    'appointments:calendar': { from: '2026-05-04', days: 7 },
    'appointments:export': { delimiter: ';', bom: true, status: 'pending', kind: 'timeslot', roomId: 1, providerId: 1, from: '2026-05-01', to: '2026-05-31' },
    'stock:seedList': {},
    'stock:seedCreate': { name: 'Parking pass', description: 'Garage, level -1', total_quantity: 10, available_quantity: 10 },
    'stock:seedBookings': {},
    'stock:seedBook': { resource: 'Extra bed', purchase_quantity: 1 },
    'stock:list': { includeInactive: true },
    'stock:create': { name: 'Baby cot', description: 'With mattress', totalQuantity: 3, availableQuantity: 3 },
    'stock:update': { id: 1, name: 'Extra bed', description: 'Folding bed', active: true },
    'stock:restock': { id: 1, totalQuantity: 6, note: 'Two more' },
    'stock:deactivate': { id: 2 },
    'stock:movements': { id: 1, limit: 50 },
    'stock:bookings': { resourceId: 1, stayId: 1, status: 'out', overdue: false, guest: 'Mette', from: '2026-05-01', to: '2026-05-31', limit: 10, offset: 0 },
    'stock:book': { resourceId: 1, quantity: 1, stayId: 1, guestName: 'Ann Berg', returnBy: '2026-05-03T12:00:00', notes: 'Room 101' },
    'stock:return': { id: 1 },
    'stock:cancel': { id: 1 },
    'stock:export': { delimiter: ';', bom: true, resourceId: 1, status: 'out', from: '2026-05-01', to: '2026-05-31' },
    'reports:rooms': { period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
  };
  return inputs[name];
}

/** The same input as the core's handlers receive it (validated and coerced by the contract). */
export function parsedContractInput(name: CommandName, f: ContractFixture): unknown {
  return ((commands[name] as CommandDef).input as z.ZodType).parse(contractInput(name, f));
}

export interface WireRequest {
  method: CommandDef['http']['method'];
  url: string;
  /** JSON text, for the methods that carry a body; an upload's file. */
  payload?: string;
  /** The payload's type when it is not JSON (an upload's `text/csv`). */
  contentType?: string;
}

/** The file each upload command of the contract sends with the fixture's input (a dry run of one room). */
export const UPLOAD_FILES: Partial<Record<CommandName, string>> = {
  'imports:runFile': 'Værelse;Kategori;Pladser;Pris;Etage\n9102;Dobbeltværelse;2;1125,00;9\n',
};

/** The request that carries `input` to the command's route: path parameters, then query or JSON body. */
export function wireRequest(name: CommandName, input: Record<string, unknown>): WireRequest {
  const def = commands[name] as CommandDef;
  const rest = { ...input };
  const path = def.http.path.replace(/:([A-Za-z_]\w*)/g, (_, k: string) => {
    const value = String(rest[k]);
    delete rest[k];
    return encodeURIComponent(value);
  });
  if (def.http.method === 'GET' || def.http.method === 'DELETE' || def.upload) {
    const qs = new URLSearchParams(Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const url = qs ? `${path}?${qs}` : path;
    // An upload: the options in the query string, the file as the body.
    if (def.upload) return { method: def.http.method, url, payload: UPLOAD_FILES[name] ?? '', contentType: def.upload.contentType };
    return { method: def.http.method, url };
  }
  return { method: def.http.method, url: path, payload: JSON.stringify(rest) };
}
