/** Runs `fn` when the page is idle (at the latest after `timeoutMs`); returns a cancel function. */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  // Safari has no requestIdleCallback: a timer is the nearest thing.
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = setTimeout(fn, Math.min(timeoutMs, 200));
    return () => clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(fn, { timeout: timeoutMs });
  return () => window.cancelIdleCallback(handle);
}
