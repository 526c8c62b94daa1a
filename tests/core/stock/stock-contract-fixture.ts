/**
 * Stock on the contract fixture (tests/support/contract-fixture.ts): resources 1 (Extra bed, 4) and 2
 * (Bike, 2), with booking 1 of one extra bed for stay 1.
 */
import { domainFixture } from '../../support/domain-fixture';
import { deskCtx } from '../../support/test-core';

export const stockContractFixture = domainFixture({
  async seed(core) {
    const h = core.handlers;
    await h['stock:create']({ name: 'Extra bed', description: 'Folding bed with linen', totalQuantity: 4 }, deskCtx);
    await h['stock:create']({ name: 'Bike', description: 'City bike', totalQuantity: 2 }, deskCtx);
    await h['stock:book']({ resourceId: 1, quantity: 1, stayId: 1 }, deskCtx);
  },
  inputs: () => ({
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
  }),
});
