/**
 * What the appointment query modules share: the occupancy predicate (a booking holds its slot or its
 * provider's time) is written once here, `LIVE`: a live status, and no hold that has run out at `@now`.
 */

/** Statuses that hold a seat or a provider's time (a completed or no-show booking took it). */
export const LIVE_STATUSES = `('pending', 'confirmed', 'completed', 'no_show')`;
/** A booking that occupies its place at `@now`. Alias `a`. */
export const LIVE = `a.status IN ${LIVE_STATUSES} AND (a.hold_until_ms IS NULL OR a.hold_until_ms > +@now)`;
/** The longest a provider's appointment plus buffer may be (480 + 240 minutes), for index ranges. */
export const MAX_PROVIDER_SPAN_MS = (480 + 240) * 60_000;
/** The longest a timeslot may be (480 minutes). */
export const MAX_SLOT_MS = 480 * 60_000;
