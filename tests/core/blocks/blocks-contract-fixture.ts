/**
 * Room blocks on the contract fixture (tests/support/contract-fixture.ts): block 1 on room 1 in September.
 */
import { domainFixture } from '../../support/domain-fixture';
import { deskCtx } from '../../support/test-core';

export const blocksContractFixture = domainFixture({
  async seed(core) {
    await core.handlers['blocks:create']({ roomId: 1, from: '2026-09-01', to: '2026-09-03', reason: 'Repainting', kind: 'blocked' }, deskCtx);
  },
  inputs: () => ({
    'blocks:list': { from: '2026-05-01', to: '2026-06-01' },
    'blocks:create': { roomId: 3, from: '2026-08-01', to: '2026-08-03', reason: 'Paint', kind: 'blocked' },
    'blocks:update': { id: 1, roomId: 1, from: '2026-09-01', to: '2026-09-04', reason: 'Repainting', kind: 'out_of_order' },
    'blocks:remove': { id: 1 },
  }),
});
