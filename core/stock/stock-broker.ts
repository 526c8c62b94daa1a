/**
 * What the event broker hears of stock (issue 21; docs/integrations.md): a loan made (`stock.lent`),
 * returned (`stock.returned`, also when its stay ends) or cancelled (`stock.loan_cancelled`), with the
 * resource's quantities after it, in seed 002's words (`total_quantity`, `available_quantity`). One
 * resource's events go out in order (aggregate `stock:<resource id>`), so a consumer that follows
 * the quantities never sees an older count after a newer one. Restocking and editing a resource are
 * the desk's own business and not sent.
 */
import type { BrokerEventType } from '../../shared/contract/broker-events';
import type { StockBooking, StockResource } from '../../shared/contract/stock';
import type { Commit } from '../commit';
import { toEventBroker } from '../outbox/broker-events';
import type { SettingsService } from '../settings/settings-service';

const TYPES: Partial<Record<string, BrokerEventType>> = { booked: 'stock.lent', returned: 'stock.returned', cancelled: 'stock.loan_cancelled' };

export async function stockToBroker(c: Commit, settings: SettingsService, action: string, resource: StockResource, loan: StockBooking | null): Promise<void> {
  const type = TYPES[action];
  if (!type || !loan) return;
  await toEventBroker(c, settings, type, `stock:${resource.id}`, {
    resource: { resource_id: resource.id, name: resource.name, total_quantity: resource.totalQuantity, available_quantity: resource.availableQuantity },
    loan: {
      loan_id: loan.id, resource_id: loan.resourceId, quantity: loan.quantity, status: loan.status, guest_name: loan.guestName, stay_id: loan.stayId,
      roomnumber: loan.roomNumber, booked_at: loan.bookedAt, return_by: loan.returnBy, closed_at: loan.closedAt,
    },
  });
}
