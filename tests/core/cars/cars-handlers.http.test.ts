/**
 * Seed 004 (the cars service) over HTTP, exactly: paths, field names, statuses and messages; every
 * route needs a token; reading is open to every signed-in role, adding and deleting to the desk.
 * Plus the app's own `PATCH /api/v1/cars/:id`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Car, SeedCar } from '../../../shared/contract/cars';
import { startTestApi, type TestApi } from '../../support/http-client';
import { outboxRows } from '../../support/outbox-rows';

const COROLLA = { brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 12000, is_rented: false, has_damage: false };

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi({ core: { settings: { eventServiceUrl: 'http://broker.invalid/events' } } });
});
afterEach(async () => await api.close());

describe('seed 004: POST /cars/add', () => {
  it("adds a car: 201 {message: 'Car added successfully', car_id}", async () => {
    const res = await api.post('/cars/add', COROLLA);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: 'Car added successfully', car_id: 1 });
    const second = await api.as('staff').post('/cars/add', { ...COROLLA, model: 'Yaris' });
    expect(second.body).toEqual({ message: 'Car added successfully', car_id: 2 });
  });

  it('is_rented and has_damage are optional and default to false; given, they are kept', async () => {
    await api.post('/cars/add', { brand: 'Skoda', model: 'Octavia', fuel_type: 'Diesel', mileage: 0 });
    await api.post('/cars/add', { ...COROLLA, is_rented: true, has_damage: true });
    expect((await api.get('/cars/1')).body).toMatchObject({ mileage: 0, is_rented: false, has_damage: false });
    expect((await api.get('/cars/2')).body).toMatchObject({ is_rented: true, has_damage: true });
  });

  it('400 naming the missing fields when brand, model, fuel_type or mileage is missing', async () => {
    const empty = await api.post('/cars/add', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: 'Missing required fields: brand, model, fuel_type, mileage' });
    const { mileage: _m, ...noMileage } = COROLLA;
    expect((await api.post('/cars/add', noMileage)).body).toEqual({ error: 'Missing required fields: mileage' });
    const { brand: _b, ...noBrand } = COROLLA;
    expect((await api.post('/cars/add', noBrand)).body).toEqual({ error: 'Missing required fields: brand' });
    expect((await api.get<SeedCar[]>('/cars')).body).toEqual([]);
  });

  it('400 when mileage is not a non-negative integer', async () => {
    for (const mileage of [-1, 1.5, '12000', null, true]) {
      const res = await api.post('/cars/add', { ...COROLLA, mileage });
      expect(res.status, JSON.stringify(mileage)).toBe(400);
      expect(res.body).toEqual({ error: expect.stringMatching(/^mileage: /) });
    }
    expect((await api.post('/cars/add', { ...COROLLA, brand: '  ' })).status).toBe(400);
    expect((await api.post('/cars/add', { ...COROLLA, is_rented: 'yes' })).status).toBe(400);
    expect((await api.get<SeedCar[]>('/cars')).body).toEqual([]);
  });

  it('a client may not add (403), nobody without a token (401); nothing is written', async () => {
    const client = await api.as('client').post('/cars/add', COROLLA);
    expect(client.status).toBe(403);
    expect(Object.keys(client.body as object)).toEqual(['error']);
    const anonymous = await api.as('anonymous').post('/cars/add', COROLLA);
    expect(anonymous.status).toBe(401);
    expect(Object.keys(anonymous.body as object)).toEqual(['error']);
    expect((await api.get<SeedCar[]>('/cars')).body).toEqual([]);
  });

  it('tells the event broker, through the outbox, in the same transaction', async () => {
    await api.post('/cars/add', COROLLA);
    const [row] = await outboxRows(api.t.db);
    expect(row).toMatchObject({ target: 'events', topic: 'car.added', aggregate: 'car:1', path: '' });
    expect(row!.payload).toEqual({
      type: 'car.added',
      occurredAt: '2026-05-01T10:00:00+02:00',
      data: { car: { car_id: 1, brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 12000, is_rented: false, has_damage: false, plate: null } },
    });
  });
});

describe('seed 004: GET /cars, GET /cars/:car_id', () => {
  it('lists every car with exactly the seed fields, to every signed-in role', async () => {
    await api.post('/cars/add', COROLLA);
    await api.post('/cars/add', { brand: 'Volkswagen', model: 'ID.3', fuel_type: 'Electric', mileage: 8400, plate: 'EL 12 345', daily_rate: 69500 });
    for (const role of ['admin', 'staff', 'client'] as const) {
      const res = await api.as(role).get<SeedCar[]>('/cars');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { car_id: 1, brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 12000, is_rented: false, has_damage: false },
        { car_id: 2, brand: 'Volkswagen', model: 'ID.3', fuel_type: 'Electric', mileage: 8400, is_rented: false, has_damage: false },
      ]);
    }
    expect((await api.as('anonymous').get('/cars')).status).toBe(401);
  });

  it('shows one car; 404 {"error"} when unknown; 400 for a car_id that is not a number', async () => {
    await api.post('/cars/add', COROLLA);
    const one = await api.as('client').get('/cars/1');
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ car_id: 1, ...COROLLA });
    const missing = await api.get('/cars/99');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'Car not found' });
    expect((await api.get('/cars/abc')).status).toBe(400);
    expect((await api.as('anonymous').get('/cars/1')).status).toBe(401);
  });
});

describe('seed 004: DELETE /cars/:car_id', () => {
  it('200 with a message; the car is gone (404 after), its plate free again', async () => {
    await api.post('/cars/add', { ...COROLLA, plate: 'AB 12 345' });
    const res = await api.delete('/cars/1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Car deleted successfully' });
    expect((await api.get('/cars/1')).status).toBe(404);
    expect((await api.get('/cars')).body).toEqual([]);
    const again = await api.delete('/cars/1');
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: 'Car not found' });
    expect((await api.post('/cars/add', { ...COROLLA, plate: 'ab 12 345' })).status).toBe(201);
    expect((await outboxRows(api.t.db)).map((r) => r.topic)).toEqual(['car.added', 'car.deleted', 'car.added']);
  });

  it('409 while the car has a future or active rental (reserved, then handed out); 200 once it is back', async () => {
    await api.post('/cars/add', COROLLA);
    const rental = await api.post<{ id: number }>('/api/v1/rentals', { carId: 1, from: '2026-05-01', to: '2026-05-03', guestName: 'Mette Hansen' });
    expect(rental.status).toBe(201);
    const refused = await api.delete('/cars/1');
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: 'Car 1 has an active or future rental and cannot be deleted' });
    expect((await api.post(`/api/v1/rentals/${rental.body.id}/hand-out`, {})).status).toBe(200);
    expect((await api.delete('/cars/1')).status).toBe(409);
    await api.post(`/api/v1/rentals/${rental.body.id}/return`, { mileage: 12500 });
    expect((await api.delete('/cars/1')).status).toBe(200);
  });

  it('a client may not delete (403), nobody without a token (401)', async () => {
    await api.post('/cars/add', COROLLA);
    expect((await api.as('client').delete('/cars/1')).status).toBe(403);
    expect((await api.as('anonymous').delete('/cars/1')).status).toBe(401);
    expect((await api.as('staff').delete('/cars/1')).status).toBe(200);
  });
});

describe("the desk's own: /api/v1/cars", () => {
  it('PATCH changes only what is sent; the plate is unique (409); the mileage never goes down (409)', async () => {
    const a = await api.post<Car>('/api/v1/cars', { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12000, plate: 'AB 12 345', dailyRate: 59500 });
    expect(a.status).toBe(201);
    expect(a.body).toEqual({
      id: 1, brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12000, isRented: false, hasDamage: false, damageNote: null,
      plate: 'AB 12 345', seats: 5, dailyRate: 59500, notes: '',
    });
    await api.post('/api/v1/cars', { brand: 'Skoda', model: 'Octavia', fuelType: 'Diesel', mileage: 40000, plate: 'CD 98 765' });
    const patched = await api.as('staff').patch<Car>('/api/v1/cars/1', { dailyRate: 62500, notes: 'Winter tyres', mileage: 12100 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ brand: 'Toyota', dailyRate: 62500, notes: 'Winter tyres', mileage: 12100, plate: 'AB 12 345' });
    const taken = await api.patch('/api/v1/cars/1', { plate: 'cd 98 765' });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ error: 'Plate cd 98 765 is already on car 2' });
    const down = await api.patch('/api/v1/cars/1', { mileage: 100 });
    expect(down.status).toBe(409);
    expect((await api.patch('/api/v1/cars/1', {})).status).toBe(400);
    expect((await api.patch('/api/v1/cars/99', { notes: 'x' })).status).toBe(404);
    expect((await api.as('client').patch('/api/v1/cars/1', { notes: 'x' })).status).toBe(403);
    expect((await api.get<Car>('/api/v1/cars/1')).body).toMatchObject({ mileage: 12100, plate: 'AB 12 345' });
  });

  it('lists with filters: fuel, state and a search', async () => {
    await api.post('/api/v1/cars', { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 1, plate: 'AB 1' });
    await api.post('/api/v1/cars', { brand: 'Volkswagen', model: 'ID.3', fuelType: 'Electric', mileage: 1 });
    await api.post('/api/v1/cars/2/damage', { note: 'Cracked windscreen' });
    const ids = async (qs: string) => (await api.get<Car[]>(`/api/v1/cars${qs}`)).body.map((c) => c.id);
    expect(await ids('')).toEqual([1, 2]);
    expect(await ids('?fuel=electric')).toEqual([2]);
    expect(await ids('?state=damaged')).toEqual([2]);
    expect(await ids('?state=available')).toEqual([1]);
    expect(await ids('?q=ab%201')).toEqual([1]);
    expect(await ids('?q=toyota%20cor')).toEqual([1]);
    expect((await api.get('/api/v1/cars?state=lost')).status).toBe(400);
  });
});
