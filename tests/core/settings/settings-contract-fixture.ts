/**
 * The settings' valid inputs on the contract fixture (tests/support/contract-fixture.ts). `settings:update`
 * sends the stored values but the name, so a wrongly accepted change of it leaves nothing that matters
 * in the settings cache.
 */
import { domainFixture } from '../../support/domain-fixture';

export const settingsContractFixture = domainFixture({
  inputs: () => ({
    'network:status': {},
    'settings:get': {},
    'settings:update': {
      hotelName: 'Hotel Matrix', timeZone: 'Europe/Copenhagen', currency: 'DKK', checkinTime: '14:00', checkoutTime: '12:00',
      maxStayNights: 90, billingServiceUrl: 'http://billing-service:5002', sessionHours: 12,
      earlyCheckinMinutes: 360, departurePriceRule: 'booked', timeZoneConfirmed: true, downtimePackMinutes: 30,
    },
  }),
});
