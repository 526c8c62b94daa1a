/**
 * The health check's valid input on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const healthContractFixture = domainFixture({
  inputs: () => ({
    'health:get': {},
    'health:live': {},
    'health:ready': {},
  }),
});
