import type { outboxCommands } from '../../shared/contract/outbox';
import type { HandlersFor } from '../handler-types';
import type { OutboxService } from './outbox-service';

export function outboxHandlers({ outbox }: { outbox: OutboxService }): HandlersFor<typeof outboxCommands> {
  return {
    'outbox:status': () => outbox.status(),
    'outbox:retry': (input) => outbox.retry(input.id),
  };
}
