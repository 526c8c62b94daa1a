/** The outbox as the admin sees it: counts, the last error, dead messages, and sending one again. */
import {
  countOutboxByStatus,
  getOutboxRecord,
  latestOutboxError,
  listDeadOutbox,
  reviveDeadOutbox,
  type OutboxRecord,
} from '../../db/queries/outbox-admin-queries';
import type { OutboxMessage, OutboxStatus } from '../../shared/contract/schemas';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';

const DEAD_SHOWN = 100;

export interface OutboxService {
  status(): OutboxStatus;
  /** A dead message becomes pending again with a fresh count of attempts, due now. */
  retry(id: number): OutboxMessage;
}

export function createOutboxService(core: CoreDeps, settings: SettingsService): OutboxService {
  const db = core.sqlite;
  const toMessage = (r: OutboxRecord, zone: string): OutboxMessage => ({
    id: r.id,
    target: r.target,
    topic: r.topic,
    path: r.path,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: formatInstant(r.createdMs, zone),
    nextAttemptAt: r.status === 'pending' ? formatInstant(r.nextAttemptMs, zone) : null,
  });

  return {
    status() {
      const zone = settings.get().timeZone;
      const last = latestOutboxError(db);
      return {
        ...countOutboxByStatus(db),
        lastError: last ? { id: last.id, message: last.lastError ?? '', at: formatInstant(last.lastAttemptMs ?? last.createdMs, zone) } : null,
        deadMessages: listDeadOutbox(db, DEAD_SHOWN).map((r) => toMessage(r, zone)),
      };
    },

    retry(id) {
      const record = commit(core, (c) => {
        const found = getOutboxRecord(db, id);
        if (!found) throw new AppError('NOT_FOUND', `Outbox message ${id} not found`);
        if (!reviveDeadOutbox(db, id, c.nowMs)) {
          throw new AppError('ILLEGAL_TRANSITION', `Outbox message ${id} is ${found.status}, not dead`);
        }
        c.publish({ type: 'outbox.changed' });
        return getOutboxRecord(db, id)!;
      });
      return toMessage(record, settings.get().timeZone);
    },
  };
}
