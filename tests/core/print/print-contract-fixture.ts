/**
 * The printed lists' valid input on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const printContractFixture = domainFixture({
  inputs: () => ({
    'print:lists': {},
  }),
});
