/**
 * The outbox on the contract fixture (tests/support/contract-fixture.ts): message 1 (stay 1's bill) dead.
 */
import { domainFixture } from '../../support/domain-fixture';

export const outboxContractFixture = domainFixture({
  async seed(core) {
    await core.deps.db.run(`UPDATE outbox SET status = 'dead', attempts = 10, last_error = 'HTTP 422' WHERE id = 1`);
  },
  inputs: () => ({
    'outbox:status': {},
    'outbox:retry': { id: 1 },
  }),
});
