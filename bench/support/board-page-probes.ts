/**
 * Scripts that run inside the page for the board benchmark, as plain JavaScript text (the bench's
 * TypeScript has no DOM types). Times are `performance.now()`: ms since the navigation started.
 */
import { SESSION_TOKEN_KEY } from '../../renderer/src/transport/session-token';

/**
 * For `addInitScript`, before any page of the context runs its own scripts: the session's `token`
 * where a desk's tab keeps it (renderer/src/transport/session-token.ts), for pages of the host's
 * `origin` (the context's first about:blank has no storage of its own).
 */
export function storeTokenScript(origin: string, token: string): string {
  return `(() => {
    if (location.origin !== ${JSON.stringify(origin)}) return;
    sessionStorage.setItem(${JSON.stringify(SESSION_TOKEN_KEY)}, ${JSON.stringify(token)});
  })();`;
}

/** The renderer's mark once the board's first rows are painted (renderer/src/ui/perf-marks.ts). */
export const ROWS_RENDERED_MARK = 'board:rows-rendered';

/**
 * Installed before the app loads. Waits for the renderer's `board:rows-rendered` mark (the first
 * frame with rows of stays, marked once it is painted), checks that the board shows `days` day
 * columns, then clicks the free night of `room` on `date` the way a user would: the element under
 * the middle of the night's free part (the right half of its column: a stay that leaves that
 * morning ends mid-column) gets a bubbling click with those coordinates, for React's delegated
 * handler. Then it waits for the renderer's `booking-dialog:open` mark and for that frame to be
 * painted (an animation frame, then a task): time to interactive. `window.__benchDone` resolves when
 * the marks are in `window.__bench` (nothing polls the page meanwhile).
 */
export function timeToInteractiveProbe(room: number, date: string, days: number): string {
  return `(() => {
    const marks = (window.__bench = { longTasks: [] });
    let finish;
    window.__benchDone = new Promise((resolve) => { finish = resolve; });
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    } catch {}
    const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
    const fail = (message) => { marks.error = message; finish(); };
    const clickFreeNight = () => {
      const shown = document.querySelectorAll('[data-testid^="day-"]').length;
      if (shown !== ${days}) return fail('the board shows ' + shown + ' days, not ${days}');
      const row = document.querySelector('[data-testid="room-row-${room}"]');
      const day = document.querySelector('[data-testid="day-${date}"]');
      if (!row || !day) return fail('room ${room} or day ${date} is not on the board');
      const r = row.getBoundingClientRect();
      const d = day.getBoundingClientRect();
      const x = d.left + d.width * 0.75;
      const y = r.top + r.height / 2;
      const target = document.elementFromPoint(x, y);
      if (!target || !row.contains(target) || target.closest('[data-stay],[data-block]')) return fail('the night of room ${room} on ${date} is not free on the board');
      marks.barsMounted = document.querySelectorAll('[data-testid^="stay-bar-"]').length;
      marks.elementsMounted = document.querySelector('[data-testid="board-grid"]').querySelectorAll('*').length;
      marks.click = performance.now();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y }));
    };
    new PerformanceObserver(async (list, observer) => {
      for (const e of list.getEntries()) {
        if (e.name === '${ROWS_RENDERED_MARK}' && marks.rows === undefined) {
          marks.rows = e.startTime;
          clickFreeNight();
        } else if (e.name === 'booking-dialog:open' && marks.click !== undefined && marks.dialogOpen === undefined) {
          marks.dialogOpen = e.startTime;
          observer.disconnect();
          if (!document.querySelector('[data-testid="booking-dialog"]')) return fail('no booking dialog');
          marks.dialog = await painted();
          const nav = performance.getEntriesByType('navigation')[0];
          marks.domContentLoaded = nav ? nav.domContentLoadedEventEnd : null;
          const board = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/v1/board'));
          marks.boardRequestStart = board ? board.startTime : null;
          marks.boardResponseEnd = board ? board.responseEnd : null;
          marks.boardBytes = board ? board.encodedBodySize : null;
          finish();
        }
      }
    }).observe({ type: 'mark', buffered: true });
  })();`;
}

/** For `page.evaluate` after a navigation with timeToInteractiveProbe: its marks once the page is interactive, or an error after 60 s. */
export const INTERACTIVE_MARKS = `Promise.race([
  window.__benchDone.then(() => window.__bench),
  new Promise((_, reject) => setTimeout(() => reject(new Error('the board was not interactive within 60 s')), 60000)),
])`;

/** For `page.evaluate`: how many files under /assets/ this page's load fetched from the host (a 304 counts; one from the browser's cache does not). */
export const ASSET_FETCHES = `performance.getEntriesByType('resource').filter((e) => e.name.includes('/assets/') && e.transferSize > 0).length`;

/**
 * Scrolls the board's scroll container for `ms` milliseconds, `step` px per frame, down to the end
 * and back, recording the time between animation frames. Returns the deltas.
 */
export function scrollProbe(ms: number, step: number): string {
  return `(async () => {
    const el = document.querySelector('[data-testid="board-grid"]');
    if (!el) throw new Error('no board-grid');
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const deltas = [];
    let dir = 1;
    let last = await new Promise((r) => requestAnimationFrame(r));
    const end = last + ${ms};
    while (true) {
      const max = el.scrollHeight - el.clientHeight;
      if (el.scrollTop + ${step} * dir > max || el.scrollTop + ${step} * dir < 0) dir = -dir;
      el.scrollTop += ${step} * dir;
      const t = await new Promise((r) => requestAnimationFrame(r));
      deltas.push(t - last);
      last = t;
      if (t >= end) break;
    }
    return { deltas, rowsMounted: el.querySelectorAll('[role="row"]').length };
  })()`;
}

/**
 * Switches an open board to `days` with the toolbar (its button, or its select, set the way a user's
 * choice sets it) and times until that many day columns are painted.
 */
export function rangeSwitchProbe(days: number): string {
  return `(async () => {
    const button = document.querySelector('[data-testid="board-range-${days}"]');
    const select = document.querySelector('[data-testid="board-range"]');
    if (!button && !select) return null;
    const t0 = performance.now();
    if (button) button.click();
    else {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, '${days}');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await new Promise((resolve) => {
      const check = () => document.querySelectorAll('[data-testid^="day-"]').length === ${days} ? resolve() : requestAnimationFrame(check);
      check();
    });
    const inDom = performance.now();
    await new Promise((r) => requestAnimationFrame(r));
    return { ms: performance.now() - t0, inDomMs: inDom - t0 };
  })()`;
}

/**
 * A desk working by keyboard: focuses the grid (after a key press its focus ring shows, as
 * `:focus-visible`), then holds the down arrow, one `keydown` per animation frame for `ms`
 * milliseconds (turning at the last room), so the cursor moves a room a frame and the grid scrolls to
 * keep it in view; records the time between animation frames. Returns the deltas, whether the focus
 * ring showed, and how many rooms the cursor moved.
 */
export function keyboardScrollProbe(ms: number): string {
  return `(async () => {
    const el = document.querySelector('[data-testid="board-grid"]');
    if (!el) throw new Error('no board-grid');
    el.scrollTop = 0;
    el.focus();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const deltas = [];
    let key = 'ArrowDown';
    let moves = 0;
    let last = await new Promise((r) => requestAnimationFrame(r));
    const end = last + ${ms};
    while (true) {
      const before = el.getAttribute('aria-activedescendant');
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const t = await new Promise((r) => requestAnimationFrame(r));
      deltas.push(t - last);
      last = t;
      if (el.getAttribute('aria-activedescendant') === before) key = key === 'ArrowDown' ? 'ArrowUp' : 'ArrowDown';
      else moves++;
      if (t >= end) break;
    }
    return { deltas, ring: el.matches(':focus-visible'), moves };
  })()`;
}
