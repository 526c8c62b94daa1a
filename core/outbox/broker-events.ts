/**
 * Writes one event for the event broker (target `events`: POSTed by HTTP, or published to RabbitMQ
 * with the type as its routing key) inside the change's own commit, as `{type, occurredAt, data}`,
 * if the setting `brokerEventTypes` lets its type go. A record's events go out in order (`aggregate`).
 *
 * **Only while an event broker is configured**, for the stays', appointments' and stock's events
 * (the fleet's keep seed 004's rule: every change is written, and waits for a broker). A desk books
 * hundreds of stays a day; written with no broker set, they would pile up pending for good (the
 * retry window counts only attempts), and flood a broker set up a year later with a year of stale
 * news. So the event broker hears of what happens from the moment it is set.
 */
import type { BrokerEventType, BrokerMessage } from '../../shared/contract/broker-events';
import { formatInstant } from '../../shared/time';
import type { Commit } from '../commit';
import type { SettingsService } from '../settings/settings-service';

export async function toEventBroker(c: Commit, settings: SettingsService, type: BrokerEventType, aggregate: string, data: Record<string, unknown>): Promise<number | null> {
  const s = settings.get();
  if (s.eventServiceUrl.trim() === '' || !s.brokerEventTypes.includes(type)) return null;
  const payload: BrokerMessage = { type, occurredAt: formatInstant(c.nowMs, s.timeZone), data };
  return await c.enqueue({ target: 'events', topic: type, aggregate, path: '', payload });
}
