/**
 * The board's valid input on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const boardContractFixture = domainFixture({
  inputs: () => ({
    'board:get': { from: '2026-05-01', days: 7 },
  }),
});
