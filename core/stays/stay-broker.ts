/**
 * What the event broker hears of a stay (issue 21; docs/integrations.md): `stay.booked`,
 * `stay.changed` (moved, new dates, guest details, a status change undone: `data.change` says
 * which), `stay.checked_in`, `stay.checked_out`, `stay.cancelled`, `stay.no_show`. The body is the
 * stay in seed 000's words (`roomnumber`, `room_type`, `checkin`, `checkout`) and what a hotel's
 * other systems act on (guest name and count, nights, status, price): never the guest's e-mail,
 * phone or the desk's notes. One stay's events go out in order (aggregate `stay-events:<id>`, apart
 * from billing's `stay:<id>`, whose numbering billing reads).
 */
import type { BrokerEventType } from '../../shared/contract/broker-events';
import type { Stay, StayEventAction } from '../../shared/contract/stays';
import type { Commit } from '../commit';
import { toEventBroker } from '../outbox/broker-events';
import type { SettingsService } from '../settings/settings-service';

const TYPES: Record<StayEventAction, BrokerEventType> = {
  created: 'stay.booked',
  moved: 'stay.changed',
  dates_changed: 'stay.changed',
  guest_changed: 'stay.changed',
  undone: 'stay.changed',
  checked_in: 'stay.checked_in',
  checked_out: 'stay.checked_out',
  cancelled: 'stay.cancelled',
  no_show: 'stay.no_show',
};

/** The stay as the broker sees it. */
export function brokerStay(s: Stay, currency: string) {
  return {
    stay_id: s.id, roomnumber: s.roomNumber, room_type: s.category, guest_name: s.guestName, guests: s.guests,
    checkin: s.checkin, checkout: s.checkout, nights: s.nights, status: s.status, price: s.price, currency,
  };
}

export async function stayToBroker(c: Commit, settings: SettingsService, action: StayEventAction, stay: Stay): Promise<void> {
  const type = TYPES[action];
  const data: Record<string, unknown> = { stay: brokerStay(stay, settings.get().currency) };
  if (type === 'stay.changed') data.change = action === 'undone' ? 'status_undone' : action;
  await toEventBroker(c, settings, type, `stay-events:${stay.id}`, data);
}
