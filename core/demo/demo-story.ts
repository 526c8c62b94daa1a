/**
 * The demo's other domains are written through the desk's own handlers, so every rule holds for
 * them as for a user's booking (no double-booked slot, no car out twice, stock never oversold). Some
 * of what a working hotel shows happened earlier (a bike lent on Tuesday is overdue now, a car came
 * back damaged yesterday), so the story is told by a second core over the same database whose clock
 * the demo sets, hotel-local: `story.at(-2, '10:00')` is two days ago at 10:00. It never runs ahead
 * of the real clock (a time later than now is now). Its live events go to a bus nobody hears: the
 * host is still starting.
 */
import type { Settings } from '../../shared/contract/settings';
import { addDays, resolveTime } from '../../shared/time';
import { createEventBus, type CallContext, type Handlers } from '../context';
import { createCore, type Core } from '../create-core';

/** Who the demo's writes are by, as the records show it (`createdBy: "demo"`). */
export const DEMO_CONTEXT: CallContext = { actor: { userId: null, username: 'demo', role: 'admin' }, via: 'internal' };

export interface DemoStory {
  handlers: Handlers;
  ctx: CallContext;
  settings: Settings;
  /** Today at the hotel, `YYYY-MM-DD`. */
  today: string;
  /** The real clock when the demo began. */
  nowMs: number;
  /** Sets the story's clock to a hotel-local time `day` days from today (never past now); returns it. */
  at(day: number, time: string): number;
  /** Sets the story's clock to now. */
  present(): number;
  /** The instant of a hotel-local time, without moving the clock. */
  instant(day: number, time: string): number;
}

/** `items` mapped one after another, in order (the ids a demo hands out stay the same on every run). */
export async function inTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

export async function createDemoStory(core: Core, today: string): Promise<DemoStory> {
  const nowMs = core.deps.clock();
  let storyMs = nowMs;
  const story = await createCore({ db: core.deps.db, clock: () => storyMs, events: createEventBus() });
  const settings = story.settings.get();
  const instant = (day: number, time: string) => resolveTime(`${addDays(today, day)}T${time}`, settings.timeZone, time).ms;
  return {
    handlers: story.handlers,
    ctx: DEMO_CONTEXT,
    settings,
    today,
    nowMs,
    instant,
    at(day, time) {
      storyMs = Math.min(instant(day, time), nowMs);
      return storyMs;
    },
    present() {
      storyMs = nowMs;
      return storyMs;
    },
  };
}
