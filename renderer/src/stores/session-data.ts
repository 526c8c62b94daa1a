/**
 * Data that belongs to a session: each store registers how it forgets its data, and sign-out (or a
 * session that ended elsewhere) clears them all, so the next person at this desk never sees the
 * last one's users, audit entries or bookings. No store imports another's internals.
 */
const resets = new Set<() => void>();

export function registerSessionReset(reset: () => void): void {
  resets.add(reset);
}

export function clearSessionData(): void {
  for (const reset of resets) reset();
}
