import type { outboxCommands } from '../../shared/contract/outbox';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function outboxHandlers({ outbox }: CoreServices): HandlersFor<typeof outboxCommands> {
  return {
    'outbox:status': () => outbox.status(),
    'outbox:retry': (input) => outbox.retry(input.id),
  };
}
