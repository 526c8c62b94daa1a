/**
 * `outbox.changed` (the outbox screen reloads) at most every 250 ms: a draining backlog must not
 * reload the admin screen 500 times. `publishing` is true while it publishes, so the worker can tell
 * its own event from an admin's retry (which wakes it).
 */
import type { EventBus } from '../context';

const PUBLISH_EVERY_MS = 250;

export interface OutboxChanged {
  /** Something the screen shows changed: publish within 250 ms. */
  changed(): void;
  /** Publish now what is pending (the end of a tick, stop). */
  flush(): void;
  readonly publishing: boolean;
}

export function createOutboxChanged(events: EventBus): OutboxChanged {
  let dirty = false;
  let publishing = false;
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    publishing = true;
    try {
      events.publish({ type: 'outbox.changed' });
    } finally {
      publishing = false;
    }
  }

  return {
    changed() {
      dirty = true;
      if (timer) return;
      timer = setTimeout(flush, PUBLISH_EVERY_MS);
      timer.unref();
    },
    flush,
    get publishing() {
      return publishing;
    },
  };
}
