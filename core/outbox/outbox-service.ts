/** The outbox as the admin sees it: counts, the last error, dead and blocked messages, each target's state, and sending one again. */
import {
  countOutboxByStatus,
  getOutboxRecord,
  latestOutboxError,
  listBlockedOutbox,
  listDeadOutbox,
  newestOutboxOf,
  reviveDeadOutbox,
  type OutboxRecord,
} from '../../db/queries/outbox-admin-queries';
import { listTargetHealth, pendingByTarget } from '../../db/queries/outbox-target-queries';
import type { OutboxMessage, OutboxStatus, OutboxTargetStatus } from '../../shared/contract/outbox';
import { commit } from '../commit';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { configuredTargets, OUTBOX_TARGETS, transportOf, type OutboxTarget } from './outbox-targets';
import type { BrokerLinks } from './transports';

const DEAD_SHOWN = 100;
const BLOCKED_SHOWN = 100;

export interface OutboxService {
  status(): Promise<OutboxStatus>;
  /**
   * A dead message becomes pending again with a fresh count of attempts and retry window, due now.
   * A superseded one is refused: a newer message of its record carries the newer state, and sending
   * the old one again could leave the receiver on stale state (billing "booked" for a cancelled stay).
   */
  retry(id: number): Promise<OutboxMessage>;
}

export function createOutboxService(core: CoreDeps, settings: SettingsService, brokers?: BrokerLinks): OutboxService {
  const db = core.db;
  const toMessage = (r: OutboxRecord, zone: string): OutboxMessage => ({
    id: r.id,
    target: r.target,
    topic: r.topic,
    path: r.path,
    seq: r.seq,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: formatInstant(r.createdMs, zone),
    nextAttemptAt: r.status === 'pending' ? formatInstant(r.nextAttemptMs, zone) : null,
    blockedBy: r.blockedBy,
  });

  /** The RabbitMQ link's state, when the event broker is one (the link opens here if the worker has not yet). */
  function brokerLink(zone: string): OutboxStatus['broker'] {
    const url = settings.get().eventServiceUrl.trim();
    if (!brokers || url === '' || transportOf('events', url) !== 'amqp') return null;
    brokers.link(url).ready();
    const s = brokers.status()!;
    return { url: s.url, state: s.state, error: s.error, since: formatInstant(s.sinceMs, zone), lostConfirms: s.lostConfirms, returned: s.returned };
  }

  /** Every target of the registry: configured or not (the settings), its health and what waits for it (the database). */
  async function targets(zone: string): Promise<OutboxTargetStatus[]> {
    const configured = configuredTargets(settings.get());
    const health = new Map((await listTargetHealth(db)).map((h) => [h.target, h]));
    const waiting = new Map((await pendingByTarget(db)).map((w) => [w.target, w]));
    const at = (ms: number | null | undefined) => (ms == null ? null : formatInstant(ms, zone));
    return (Object.keys(OUTBOX_TARGETS) as OutboxTarget[]).map((target) => {
      const h = health.get(target);
      const w = waiting.get(target);
      const failing = h?.failingSinceMs != null;
      return {
        target, configured: configured.has(target), state: failing ? 'failing' : 'up',
        failingSince: at(h?.failingSinceMs), failures: failing ? h!.failures : 0, lastError: failing ? h!.lastError : null,
        nextProbeAt: failing ? at(h!.nextProbeMs) : null, lastSuccessAt: at(h?.lastSuccessMs), recoveredAt: at(h?.recoveredMs),
        pending: w?.pending ?? 0, oldestPendingAt: at(w?.oldestMs), nextAttemptAt: at(w?.nextAttemptMs),
      };
    });
  }

  return {
    async status() {
      const zone = settings.get().timeZone;
      const last = await latestOutboxError(db);
      return {
        ...(await countOutboxByStatus(db)),
        lastError: last ? { id: last.id, message: last.lastError ?? '', at: formatInstant(last.lastAttemptMs ?? last.createdMs, zone) } : null,
        deadMessages: (await listDeadOutbox(db, DEAD_SHOWN)).map((r) => toMessage(r, zone)),
        blockedMessages: (await listBlockedOutbox(db, BLOCKED_SHOWN)).map((r) => toMessage(r, zone)),
        broker: brokerLink(zone),
        targets: await targets(zone),
      };
    },

    async retry(id) {
      const record = await commit(core, async (c) => {
        const found = await getOutboxRecord(db, id);
        if (!found) throw new AppError('NOT_FOUND', `Outbox message ${id} not found`, { reason: 'outbox.notFound', params: { id } });
        if (found.status === 'superseded') {
          const newer = await newestOutboxOf(db, found.target, found.aggregate);
          throw new AppError('ILLEGAL_TRANSITION', `Outbox message ${id} is superseded by message ${newer?.id ?? '?'}, which carries the newer state`, {
            reason: 'outbox.superseded',
            params: { id, newer: newer?.id ?? '?' },
          });
        }
        if (!await reviveDeadOutbox(db, id, c.nowMs)) {
          throw new AppError('ILLEGAL_TRANSITION', `Outbox message ${id} is ${found.status}, not dead`, { reason: 'outbox.notDead', params: { id } });
        }
        c.publish({ type: 'outbox.changed' });
        return (await getOutboxRecord(db, id))!;
      });
      return toMessage(record, settings.get().timeZone);
    },
  };
}
