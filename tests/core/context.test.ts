/** The live event bus: delivery, and holding events back until the change they announce is committed. */
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../core/context';
import type { LiveEvent } from '../../shared/contract/events';

const outboxChanged: LiveEvent = { type: 'outbox.changed' };

function recordingBus() {
  const bus = createEventBus();
  const delivered: LiveEvent[] = [];
  bus.subscribe((e) => delivered.push(e));
  return { bus, delivered };
}

describe('createEventBus', () => {
  it('delivers to every listener, survives a throwing one, and stops after unsubscribe', () => {
    const bus = createEventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('closed socket');
    });
    const off = bus.subscribe((e) => got.push(e.type));
    bus.publish(outboxChanged);
    off();
    bus.publish(outboxChanged);
    expect(got).toEqual(['outbox.changed']);
  });

  it('capture holds what fn publishes and returns it with fn’s value, delivering nothing', () => {
    const { bus, delivered } = recordingBus();
    const r = bus.capture(() => {
      bus.publish(outboxChanged);
      return 7;
    });
    expect(r).toEqual({ value: 7, events: [outboxChanged] });
    expect(delivered).toEqual([]);
    bus.publish(outboxChanged);
    expect(delivered).toEqual([outboxChanged]); // capture is over: publishing delivers again
  });

  it('capture drops the events of a fn that throws, and rethrows', () => {
    const { bus, delivered } = recordingBus();
    expect(() =>
      bus.capture(() => {
        bus.publish(outboxChanged);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    bus.publish({ type: 'outbox.changed' });
    expect(delivered).toHaveLength(1);
  });

  it('nested captures each hold their own events; publishing an inner one’s events adds them to the outer', () => {
    const { bus, delivered } = recordingBus();
    const outer = bus.capture(() => {
      bus.publish(outboxChanged);
      const inner = bus.capture(() => bus.publish({ type: 'outbox.changed' }));
      expect(inner.events).toHaveLength(1);
      expect(() =>
        bus.capture(() => {
          bus.publish(outboxChanged);
          throw new Error('inner rolled back');
        }),
      ).toThrow();
      for (const e of inner.events) bus.publish(e);
    });
    expect(outer.events).toHaveLength(2);
    expect(delivered).toEqual([]);
  });
});
