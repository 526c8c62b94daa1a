/**
 * Guest rooms on the contract fixture (tests/support/contract-fixture.ts): rooms 101–104 (ids 1–4;
 * room 4 and 104 never booked).
 */
import { aRoom } from '../../support/builders';
import { domainFixture } from '../../support/domain-fixture';
import { adminCtx } from '../../support/test-core';

export const roomsContractFixture = domainFixture({
  async seed(core) {
    for (const number of [101, 102, 103, 104]) await core.handlers['rooms:create'](aRoom({ number, category: 'Standard double room' }), adminCtx);
  },
  inputs: () => ({
    'rooms:list': { includeInactive: true },
    'rooms:free': { checkin: '2026-06-01', checkout: '2026-06-03', category: 'Standard double room', guests: 2 },
    'rooms:create': { number: 150, category: 'Suite', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' },
    'rooms:update': { id: 1, number: 101, category: 'Standard double room', capacity: 2, nightlyRate: 90_000, floor: 3, housekeeping: 'dirty', active: true },
    'rooms:deactivate': { id: 4 },
    'rooms:setHousekeeping': { id: 1, housekeeping: 'dirty' },
  }),
});
