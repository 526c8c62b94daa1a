/**
 * Cars and rentals on the contract fixture (tests/support/contract-fixture.ts): car 1 reserved in
 * rental 1 from today (it can be handed out), car 2 damaged and out in rental 2 for stay 2 (its hand-out
 * can be undone), car 3 free.
 */
import { domainFixture } from '../../support/domain-fixture';
import { deskCtx } from '../../support/test-core';

export const carsContractFixture = domainFixture({
  async seed(core) {
    const h = core.handlers;
    await h['cars:create']({ brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' }, deskCtx);
    await h['cars:create']({ brand: 'Volkswagen', model: 'ID.3', fuelType: 'Electric', mileage: 8_400, plate: 'EL 12 345', seats: 5, dailyRate: 69_500, notes: '' }, deskCtx);
    await h['cars:create']({ brand: 'Skoda', model: 'Octavia', fuelType: 'Diesel', mileage: 40_100, plate: 'CD 98 765', seats: 5, dailyRate: 54_500, notes: '' }, deskCtx);
    await h['rentals:reserve']({ carId: 1, from: '2026-05-01', to: '2026-05-04', guestName: 'Mette Hansen', notes: '' }, deskCtx);
    await h['rentals:reserve']({ carId: 2, from: '2026-05-01', to: '2026-05-03', stayId: 2, notes: '' }, deskCtx);
    await h['rentals:handOut']({ id: 2 }, deskCtx);
    await h['cars:reportDamage']({ id: 2, note: 'Cracked windscreen' }, deskCtx);
  },
  inputs: () => ({
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
  }),
});
