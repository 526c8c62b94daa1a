/**
 * How every stay change is committed: the checks and the write, then the billing message, in ONE
 * IMMEDIATE transaction; the live event only after COMMIT. So a billing message exists if and only
 * if its change does, and no window sees a change that was rolled back. Under `core.call` the
 * transaction is a savepoint of the write batch and the event waits for the batch's COMMIT.
 */
import { enqueueOutbox } from '../outbox/outbox-queries';
import { getStayRecord, toStay, type StayRecord } from '../../db/queries/stay-queries';
import type { Sqlite } from '../../db/open-database';
import type { STAY_EVENT_ACTIONS } from '../../shared/contract/events';
import type { Stay } from '../../shared/contract/schemas';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../context';
import type { SettingsService } from './settings-service';

export type StayEventAction = (typeof STAY_EVENT_ACTIONS)[number];

export interface StayServiceDeps {
  core: CoreDeps;
  settings: SettingsService;
}

export function requireStayRecord(db: Sqlite, id: number): StayRecord {
  const stay = getStayRecord(db, id);
  if (!stay) throw new AppError('NOT_FOUND', `Stay ${id} not found`);
  return stay;
}

/**
 * Seed 000's billing notice (`POST /bills/update/<id>` with room_type, checkin, checkout), sent for
 * every change so billing always holds the stay's latest state.
 */
export function enqueueBillingUpdate(db: Sqlite, stay: StayRecord, currency: string, nowMs: number): void {
  enqueueOutbox(
    db,
    {
      target: 'billing',
      topic: 'billing.bill_update',
      aggregate: `stay:${stay.id}`,
      path: `/bills/update/${stay.id}`,
      payload: {
        room_type: stay.category,
        checkin: stay.checkin,
        checkout: stay.checkout,
        roomnumber: stay.roomNumber,
        status: stay.status,
        price: stay.price,
        currency,
      },
    },
    nowMs,
  );
}

/** Runs `write` (checks + write, returns the stay's id) and the billing message in one transaction. */
export function commitStayChange(d: StayServiceDeps, action: StayEventAction, write: (nowMs: number) => number): Stay {
  const { sqlite, clock, events } = d.core;
  const settings = d.settings.get();
  const record = sqlite
    .transaction(() => {
      const nowMs = clock();
      const stay = requireStayRecord(sqlite, write(nowMs));
      enqueueBillingUpdate(sqlite, stay, settings.currency, nowMs);
      return stay;
    })
    .immediate();
  const stay = toStay(record, settings.timeZone);
  // The outbox worker wakes on stay.changed too, so the billing message goes out at once.
  events.publish({ type: 'stay.changed', action, stay });
  return stay;
}
