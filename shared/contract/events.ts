/**
 * The live events, merged from the domains: each is published after its change is committed, and
 * goes to every window and WebSocket client whose viewer its audience admits (event-def.ts).
 * **Registry: a domain with events adds one line to `liveEvents`.**
 */
import { z } from 'zod';
import { mayReceive, type Audience, type Viewer } from './event-def';
import { appointmentEvents } from './appointments';
import { blockEvents } from './blocks';
import { carEvents } from './cars';
import { rentalEvents } from './rentals';
import { importEvents } from './imports';
import { outboxEvents } from './outbox';
import { roomEvents } from './rooms';
import { serviceRoomEvents } from './service-rooms';
import { settingsEvents } from './settings';
import { stayEvents } from './stays';
import { stockEvents } from './stock';

export const liveEvents = {
  ...stayEvents,
  ...roomEvents,
  ...blockEvents,
  ...settingsEvents,
  ...outboxEvents,
  ...appointmentEvents,
  ...serviceRoomEvents,
  ...carEvents,
  ...rentalEvents,
  ...stockEvents,
  ...importEvents,
};
type LiveEvents = typeof liveEvents;
export type LiveEventType = keyof LiveEvents;
export type LiveEvent = { [K in LiveEventType]: z.infer<LiveEvents[K]['schema']> }[LiveEventType];
export type LiveEventOf<K extends LiveEventType> = Extract<LiveEvent, { type: K }>;

const schemas = Object.values(liveEvents).map((d) => d.schema);
/** Every live event's schema, told apart by `type` (the renderer checks what the feed sends). */
export const LiveEventSchema = z.discriminatedUnion('type', schemas as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<LiveEvent>;

/** Who may receive `event`, as its domain says. */
export function audienceOf(event: LiveEvent): Audience {
  const def = liveEvents[event.type] as { audience: (e: LiveEvent) => Audience } | undefined;
  return def ? def.audience(event) : 'internal';
}

/** Whether `viewer` may receive `event`: the rule of the WebSocket feed and of the desktop window alike. */
export function eventVisibleTo(viewer: Viewer, event: LiveEvent): boolean {
  return mayReceive(viewer, audienceOf(event));
}
