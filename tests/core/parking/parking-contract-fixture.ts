/**
 * Parking on the contract fixture (tests/support/contract-fixture.ts): spaces 1 (P1) and 2 (P2), booking 1
 * of space 1 for 2026-05-01 → 05-03.
 */
import { domainFixture } from '../../support/domain-fixture';
import { deskCtx } from '../../support/test-core';

export const parkingContractFixture = domainFixture({
  async seed(core) {
    const h = core.handlers;
    await h['parking:createSpace']({ label: 'P1' }, deskCtx);
    await h['parking:createSpace']({ label: 'P2' }, deskCtx);
    await h['parking:book']({ spaceId: 1, plate: 'AB 12 345', guestName: 'Mette Hansen', from: '2026-05-01', to: '2026-05-03' }, deskCtx);
  },
  inputs: () => ({
    'parking:spaces': {},
    'parking:createSpace': { label: 'P9' },
    'parking:bookings': { spaceId: 1, from: '2026-05-01', to: '2026-06-01' },
    'parking:book': { spaceId: 2, plate: 'EL 12 345', guestName: 'Ann Berg', from: '2026-06-01', to: '2026-06-04' },
    'parking:cancel': { id: 1 },
    'parking:export': { delimiter: ';', bom: true, spaceId: 1, from: '2026-05-01', to: '2026-06-01' },
  }),
});
