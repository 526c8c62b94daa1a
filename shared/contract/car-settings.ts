/** The cars' settings section (shared/contract/settings-section.ts): which fleet events go to the event broker (issue 9 §2). */
import { z } from 'zod';
import { BROKER_EVENT_TYPES } from './broker-events';
import { settingsSection } from './settings-section';

export const carSettings = settingsSection({
  brokerEventTypes: {
    answer: z.array(z.enum(BROKER_EVENT_TYPES)),
    // Each at most once.
    update: z
      .array(z.enum(BROKER_EVENT_TYPES))
      .max(BROKER_EVENT_TYPES.length)
      .refine((types) => new Set(types).size === types.length, 'names an event type twice'),
    // Every fleet change goes to the event broker.
    default: () => [...BROKER_EVENT_TYPES],
  },
});
