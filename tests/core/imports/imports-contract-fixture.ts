/**
 * The import center's valid inputs on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const importsContractFixture = domainFixture({
  inputs: () => ({
    'imports:kind': { kind: 'guestRooms' },
    'imports:run': { kind: 'guestRooms', csv: 'Værelse;Kategori;Pladser;Pris;Etage\n9101;Dobbeltværelse;2;1125,00;9\n', dryRun: false, mode: 'allOrNothing', jobId: 'fixture-run' },
    'imports:runFile': { kind: 'guestRooms', dryRun: true, mode: 'allOrNothing', mapping: '{"number":"Værelse"}', jobId: 'fixture-file' },
    'imports:cancel': { jobId: 'fixture-none' },
  }),
});

/** The file `imports:runFile` sends with its input above (an upload: a dry run of one room). */
export const IMPORTS_UPLOAD_FILES = {
  'imports:runFile': 'Værelse;Kategori;Pladser;Pris;Etage\n9102;Dobbeltværelse;2;1125,00;9\n',
};
