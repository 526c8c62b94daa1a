/**
 * The live events, merged from the domains in the order of the contract's registry (domains.ts: a
 * domain with events declares them in its entry): each is published after its change is committed,
 * and goes to every window and WebSocket client whose viewer its audience admits (event-def.ts).
 */
import { z } from 'zod';
import { mergedPart, type MergedPart } from './domains';
import { mayReceive, type Audience, type Viewer } from './event-def';
import { settingsEvents } from './settings';

type AllEvents = MergedPart<'events'> & typeof settingsEvents;
export const liveEvents = mergedPart('events', (entry) => (entry.settingsDomain ? settingsEvents : {})) as { [K in keyof AllEvents]: AllEvents[K] };
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
