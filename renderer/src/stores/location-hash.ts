/**
 * The URL hash names the screen and may carry its options after a `?`:
 * `#/board?from=2026-05-01&days=90` is the board's screen opened on 90 days from 1 May 2026.
 * No other imports: the boot script reads it too, before the app is loaded.
 */

/** `#/board?from=…` → `board`; empty for no hash. */
export function screenName(hash: string): string {
  return hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

/** The options after the screen (`#/board?from=…` → from=…), empty when there are none. */
export function hashOptions(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}
