/**
 * What a live event is: its schema, and who may receive it. **Every feed (the WebSocket at `/ws`, the
 * desktop window's IPC) filters by `mayReceive` and nothing else**, so a new event says once who
 * hears of it, next to its schema.
 */
import type { z } from 'zod';
import type { CallerRole } from './roles';

/**
 * Who may receive an event: the desk (staff and admins), admins only, the user who owns the record
 * (a LAN client's own booking), any of these together, or nobody outside the host (`internal`: a
 * signal between the host's own parts, such as waking the outbox worker).
 */
export type Audience = { desk?: true; admins?: true; ownerId?: number | null } | 'internal';

export interface EventDef {
  schema: z.ZodObject;
  audience: (event: never) => Audience;
  /**
   * Also sent over Socket.IO (seed 003's clients speak it), as this event name and data, to the same
   * audience; null for an event of the type that has nothing to say there. Absent: /ws and IPC only.
   */
  socketIo?: (event: never) => { event: string; data: unknown } | null;
}
export type EventDefs = Record<string, EventDef>;

/** Who is listening on a feed: the signed-in user's role and id. */
export interface Viewer {
  role: CallerRole;
  userId: number | null;
}

/** Whether `viewer` may receive an event for `audience`. The one rule every feed applies. */
export function mayReceive(viewer: Viewer, audience: Audience): boolean {
  if (audience === 'internal') return false;
  if (audience.desk && (viewer.role === 'staff' || viewer.role === 'admin')) return true;
  if (audience.admins && viewer.role === 'admin') return true;
  return audience.ownerId !== undefined && audience.ownerId !== null && viewer.role !== 'anonymous' && audience.ownerId === viewer.userId;
}
