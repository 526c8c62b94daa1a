/**
 * The reports' valid input on the contract fixture (tests/support/contract-fixture.ts).
 */
import { domainFixture } from '../../support/domain-fixture';

export const reportsContractFixture = domainFixture({
  inputs: () => ({
    'reports:rooms': { period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:appointments': { period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:stock': { period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:fleet': { period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:roomsExport': { delimiter: ';', bom: true, period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:appointmentsExport': { delimiter: ';', bom: true, period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:stockExport': { delimiter: ';', bom: true, period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
    'reports:fleetExport': { delimiter: ';', bom: true, period: 'range', date: '2026-05-01', from: '2026-04-01', to: '2026-05-31' },
  }),
});
