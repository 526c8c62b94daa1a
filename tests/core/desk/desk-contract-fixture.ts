/**
 * The desk's search, worklists and free rooms on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const deskContractFixture = domainFixture({
  inputs: () => ({
    'desk:search': { q: 'Jens', limit: 10 },
    'desk:worklists': {},
    'rooms:available': { checkin: '2026-06-01', checkout: '2026-06-03', guests: 2 },
  }),
});
