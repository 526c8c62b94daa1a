/** Live events pushed to every window and WebSocket client after a change is committed. */
import { z } from 'zod';
import { BlockSchema, RoomSchema, SettingsSchema, StaySchema } from './schemas';

export const STAY_EVENT_ACTIONS = ['created', 'moved', 'dates_changed', 'cancelled', 'checked_in', 'checked_out', 'no_show'] as const;

export const LiveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stay.changed'), action: z.enum(STAY_EVENT_ACTIONS), stay: StaySchema }),
  z.object({ type: z.literal('room.changed'), room: RoomSchema }),
  z.object({ type: z.literal('block.changed'), action: z.enum(['created', 'removed']), block: BlockSchema }),
  z.object({ type: z.literal('settings.changed'), settings: SettingsSchema }),
  z.object({ type: z.literal('outbox.changed') }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;

/** The IPC channel that carries live events from main to the window. */
export const LIVE_EVENT_CHANNEL = 'events:live';
