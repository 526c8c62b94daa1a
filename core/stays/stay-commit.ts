/**
 * How every stay change is committed (through core/commit.ts): the checks and the write, then the
 * billing message and the event broker's (stay-broker.ts), in one transaction; `stay.changed` after COMMIT.
 */
import type { OutboxEntry } from '../outbox/outbox-enqueue';
import { commit, type Commit } from '../commit';
import { getStayRecord, toStay, type StayRecord } from '../../db/queries/stay-queries';
import type { Db } from '../../db/database';
import type { Stay, StayEventAction } from '../../shared/contract/stays';
import { AppError } from '../../shared/errors';
import type { AuditService } from '../auth/auth-types';
import type { CoreDeps } from '../context';
import type { Reactions } from '../reactions/reactions';
import type { SettingsService } from '../settings/settings-service';
import { stayToBroker } from './stay-broker';

export type { StayEventAction };

export interface StayServiceDeps {
  core: CoreDeps;
  settings: SettingsService;
  /** For the commands that audit themselves (move, new dates, guest details: with before and after). */
  audit: AuditService;
  /** What other domains do when a stay changes (a stay that ends returns its stock loans): core/reactions. */
  reactions: Reactions;
}

export async function requireStayRecord(db: Db, id: number): Promise<StayRecord> {
  const stay = await getStayRecord(db, id);
  if (!stay) throw new AppError('NOT_FOUND', `Stay ${id} not found`, { reason: 'stays.notFound', params: { id } });
  return stay;
}

/**
 * Seed 000's billing notice (`POST /bills/update/<id>` with room_type, checkin, checkout), sent for
 * every change so billing always holds the stay's latest state.
 */
export function billingUpdate(stay: StayRecord, currency: string): OutboxEntry {
  return {
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
  };
}

/**
 * Runs `write` (checks + write, returns the stay's id), then the billing message, through the one
 * commit helper: one transaction, `stay.changed` after COMMIT.
 */
export async function commitStayChange(d: StayServiceDeps, action: StayEventAction, write: (c: Commit) => Promise<number>): Promise<Stay> {
  const settings = d.settings.get();
  return await commit(d.core, async (c) => {
    const record = await requireStayRecord(d.core.db, await write(c));
    await c.enqueue(billingUpdate(record, settings.currency));
    const stay = toStay(record, settings.timeZone);
    await stayToBroker(c, d.settings, action, stay);
    c.publish({ type: 'stay.changed', action, stay });
    return stay;
  });
}
