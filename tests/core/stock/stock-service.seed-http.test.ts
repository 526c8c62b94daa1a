/**
 * Seed 002's stock routes over a real socket (a host on a port, Node's fetch): `GET/POST /resources/`
 * and `GET/POST /bookings/` with the seed's paths, field names, statuses and `{"error": …}` bodies,
 * and who may call them. `/bookings` (no slash) stays seed 000's stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInLiveSocket } from '../../support/live-client';
import { signIn, type Session } from '../../support/sessions';
import { startTestHost, type TestHost } from '../../support/test-host';

let th: TestHost;
let staff: Session;
let clientA: Session;
let clientB: Session;

beforeAll(async () => {
  th = await startTestHost();
  staff = await signIn(th.host.core, 'staff');
  clientA = await signIn(th.host.core, 'client');
  clientB = await signIn(th.host.core, 'client');
});
afterAll(async () => await th.close());

async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: unknown; type: string | null }> {
  const res = await th.json(method, path, body, token);
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('seed 002: /resources/', () => {
  it('POST /resources/ → 201 with the resource; GET /resources/ splits in stock from out of stock under the seed\'s keys', async () => {
    const bed = await call('POST', '/resources/', { name: 'Extra bed', description: 'Folding bed with linen', total_quantity: 4, available_quantity: 4 });
    expect(bed.status).toBe(201);
    expect(bed.type).toMatch(/^application\/json/);
    expect(bed.body).toEqual({
      id: expect.any(Number), name: 'Extra bed', description: 'Folding bed with linen', total_quantity: 4, available_quantity: 4,
      message: 'Resource created successfully',
    });
    const pass = await call('POST', '/resources/', { name: 'Parking pass', description: 'Garage', total_quantity: 2, available_quantity: 0 }, staff.token);
    expect(pass.status).toBe(201);

    const list = await call('GET', '/resources/', undefined, clientA.token);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      message: 'Resources fetched successfully',
      resources: [{ id: expect.any(Number), name: 'Extra bed', description: 'Folding bed with linen', total_quantity: 4, available_quantity: 4 }],
      'out of stock resources': [{ id: expect.any(Number), name: 'Parking pass', description: 'Garage', total_quantity: 2, available_quantity: 0 }],
    });
  });

  it('POST /resources/ → 400 for a missing field, a negative quantity or more available than the total; 409 for a name that exists', async () => {
    const missing = await call('POST', '/resources/', { name: 'Bike', total_quantity: 3 });
    expect(missing).toMatchObject({ status: 400, body: { error: 'Missing required fields: description, available_quantity' } });
    const negative = await call('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: -1, available_quantity: 0 });
    expect(negative).toMatchObject({ status: 400, body: { error: 'total_quantity: must not be negative' } });
    const negativeAvailable = await call('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: 3, available_quantity: -2 });
    expect(negativeAvailable).toMatchObject({ status: 400, body: { error: 'available_quantity: must not be negative' } });
    const above = await call('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: 3, available_quantity: 4 });
    expect(above).toMatchObject({ status: 400, body: { error: 'available_quantity (4) cannot be greater than total_quantity (3)' } });
    const fraction = await call('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: 2.5, available_quantity: 1 });
    expect(fraction).toMatchObject({ status: 400, body: { error: 'total_quantity: must be a whole number' } });
    await call('POST', '/resources/', { name: 'Baby cot', description: 'With mattress', total_quantity: 2, available_quantity: 2 });
    const taken = await call('POST', '/resources/', { name: 'baby COT', description: 'Another', total_quantity: 1, available_quantity: 1 });
    expect(taken).toEqual({ status: 409, body: { error: 'A resource named "baby COT" already exists' }, type: expect.any(String) });
    // nothing half-written: the refused ones left no resource behind
    const names = ((await call('GET', '/resources/')).body as { resources: { name: string }[] }).resources.map((r) => r.name);
    expect(names).not.toContain('Bike');
  });

  it('refuses a client adding a resource (403) and anyone without a token (401)', async () => {
    const body = { name: 'Kayak', description: 'Two-seater', total_quantity: 1, available_quantity: 1 };
    expect(await call('POST', '/resources/', body, clientA.token)).toMatchObject({ status: 403, body: { error: expect.any(String) } });
    const anonymous = await fetch(`${th.host.url}/resources/`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: expect.any(String) });
  });
});

describe('seed 002: /bookings/', () => {
  it('POST /bookings/ → 201 and the available quantity goes down; GET /bookings/ gives {resource, purchase_quantity, booking_date}', async () => {
    await call('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: 5, available_quantity: 5 });
    const booked = await call('POST', '/bookings/', { resource: 'Bike', purchase_quantity: 2 }, clientA.token);
    expect(booked.status).toBe(201);
    const bikeId = ((await call('GET', '/resources/')).body as { resources: { id: number; name: string; available_quantity: number }[] }).resources.find(
      (r) => r.name === 'Bike',
    )!;
    expect(booked.body).toEqual({ resource: bikeId.id, purchase_quantity: 2, booking_date: expect.stringMatching(ISO_WITH_OFFSET) });
    expect(bikeId.available_quantity).toBe(3);

    await call('POST', '/bookings/', { resource: 'bike', purchase_quantity: 1 }, clientB.token);
    await call('POST', '/bookings/', { resource: 'Bike', purchase_quantity: 1 }, staff.token);

    // a client sees its own; the desk sees all
    const mine = await call('GET', '/bookings/', undefined, clientA.token);
    expect(mine).toMatchObject({ status: 200, body: [{ resource: bikeId.id, purchase_quantity: 2, booking_date: expect.stringMatching(ISO_WITH_OFFSET) }] });
    expect(Object.keys((mine.body as object[])[0]!)).toEqual(['resource', 'purchase_quantity', 'booking_date']);
    expect((await call('GET', '/bookings/', undefined, clientB.token)).body).toEqual([expect.objectContaining({ purchase_quantity: 1 })]);
    expect(((await call('GET', '/bookings/', undefined, staff.token)).body as unknown[]).length).toBe(3);
    // seed 000's /bookings is still the stays
    expect((await call('GET', '/bookings', undefined, staff.token)).body).toEqual([]);
  });

  it('POST /bookings/ → 409 saying how many are left, and takes nothing', async () => {
    await call('POST', '/resources/', { name: 'Tandem', description: 'Tandem bike', total_quantity: 3, available_quantity: 3 });
    expect((await call('POST', '/bookings/', { resource: 'Tandem', purchase_quantity: 2 }, clientA.token)).status).toBe(201);
    const refused = await call('POST', '/bookings/', { resource: 'Tandem', purchase_quantity: 2 }, clientA.token);
    expect(refused).toMatchObject({ status: 409, body: { error: 'Not enough "Tandem" in stock: only 1 left, 2 requested' } });
    expect((await call('POST', '/bookings/', { resource: 'Tandem', purchase_quantity: 1 }, clientA.token)).status).toBe(201);
    const none = await call('POST', '/bookings/', { resource: 'Tandem', purchase_quantity: 1 }, clientA.token);
    expect(none).toMatchObject({ status: 409, body: { error: 'Not enough "Tandem" in stock: only 0 left, 1 requested' } });
    const list = (await call('GET', '/resources/')).body as Record<string, { name: string; available_quantity: number }[]>;
    expect(list['out of stock resources']).toContainEqual(expect.objectContaining({ name: 'Tandem', available_quantity: 0 }));
  });

  it('POST /bookings/ → 404 for an unknown resource, 400 for a quantity below 1 or a missing field', async () => {
    expect(await call('POST', '/bookings/', { resource: 'Jetpack', purchase_quantity: 1 })).toMatchObject({
      status: 404, body: { error: 'Resource "Jetpack" not found' },
    });
    expect(await call('POST', '/bookings/', { resource: 'Bike', purchase_quantity: 0 })).toMatchObject({
      status: 400, body: { error: 'purchase_quantity: must be at least 1' },
    });
    expect(await call('POST', '/bookings/', { resource: 'Bike', purchase_quantity: -3 })).toMatchObject({ status: 400 });
    expect(await call('POST', '/bookings/', { resource: 'Bike' })).toMatchObject({
      status: 400, body: { error: 'Missing required fields: purchase_quantity' },
    });
    expect(await call('POST', '/bookings/', {})).toMatchObject({
      status: 400, body: { error: 'Missing required fields: resource, purchase_quantity' },
    });
    expect(await call('POST', '/bookings/', { resource: 'Bike', purchase_quantity: '2' })).toMatchObject({ status: 400 });
  });

  it('refuses anyone without a token (401) on every seed 002 route', async () => {
    for (const [method, path] of [['GET', '/bookings/'], ['POST', '/bookings/'], ['GET', '/resources/'], ['POST', '/resources/']] as const) {
      const res = await fetch(`${th.host.url}${path}`, {
        method,
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{"resource":"Bike","purchase_quantity":1}' } : {}),
      });
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 401 });
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });
});

describe('live: stock.changed', () => {
  it("reaches the desk for every booking and a client for its own only", async () => {
    await call('POST', '/resources/', { name: 'Parasol', description: 'Beach parasol', total_quantity: 9, available_quantity: 9 });
    const desk = await openSignedInLiveSocket(th.host.url, staff.token);
    const a = await openSignedInLiveSocket(th.host.url, clientA.token);
    const b = await openSignedInLiveSocket(th.host.url, clientB.token);
    try {
      const deskHears = desk.next('stock.changed');
      const aHears = a.next('stock.changed');
      expect((await call('POST', '/bookings/', { resource: 'Parasol', purchase_quantity: 2 }, clientA.token)).status).toBe(201);
      expect(await deskHears).toMatchObject({ action: 'booked', resource: { name: 'Parasol', availableQuantity: 7 }, booking: { quantity: 2, ownerId: clientA.userId } });
      expect(await aHears).toMatchObject({ action: 'booked', booking: { ownerId: clientA.userId } });
      // client B hears of neither A's booking nor the desk's own change
      await call('POST', '/api/v1/stock/resources/' + String(((await aHears) as { resource: { id: number } }).resource.id) + '/restock', { totalQuantity: 10 }, staff.token);
      // Each client then books for itself: its own event comes after anything the feed sent it before.
      for (const [client, token] of [[b, clientB.token], [a, clientA.token]] as const) {
        const own = client.next('stock.changed');
        expect((await call('POST', '/bookings/', { resource: 'Parasol', purchase_quantity: 1 }, token)).status).toBe(201);
        await own;
      }
      const ownerIds = (c: typeof a) => c.events.filter((e) => e.type === 'stock.changed').map((e) => (e as { booking?: { ownerId: number } }).booking?.ownerId);
      expect(ownerIds(b)).toEqual([clientB.userId]);
      expect(ownerIds(a)).toEqual([clientA.userId, clientA.userId]);
    } finally {
      for (const c of [desk, a, b]) c.ws.close();
    }
  });
});
