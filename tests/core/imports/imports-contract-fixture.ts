/**
 * The import center's valid inputs on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const importsContractFixture = domainFixture({
  inputs: () => ({
    'imports:kind': { kind: 'guestRooms' },
    'imports:run': { kind: 'guestRooms', csv: 'Værelse;Kategori;Pladser;Pris;Etage\n9101;Dobbeltværelse;2;1125,00;9\n', dryRun: false, mode: 'allOrNothing' },
  }),
});
