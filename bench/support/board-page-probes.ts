/**
 * Scripts that run inside the page for the board benchmark, as plain JavaScript text (the bench's
 * TypeScript has no DOM types). Times are `performance.now()`: ms since the navigation started.
 */

/**
 * Installed before the app loads. Watches the DOM; when the board shows `days` day columns and its
 * first stay bar, it waits until that frame is painted (`rows`: an animation frame, then a task,
 * which runs after the frame's paint), clicks the free cell `cellTestId` the way a user would (a
 * bubbling click for React's delegated handler) and records when the booking dialog is in the DOM
 * and when it is painted (`dialog`): time to interactive.
 */
export function timeToInteractiveProbe(cellTestId: string, days: number): string {
  return `(() => {
    const marks = (window.__bench = { longTasks: [] });
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    } catch {}
    const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
    let phase = 'rows';
    const observer = new MutationObserver(async () => {
      if (phase === 'rows') {
        if (document.querySelectorAll('[data-testid^="day-"]').length !== ${days}) return;
        if (!document.querySelector('[data-testid^="stay-bar-"]')) return;
        const cell = document.querySelector('[data-testid="${cellTestId}"]');
        if (!cell) return;
        phase = 'painting';
        marks.rowsInDom = performance.now();
        marks.rows = await painted();
        marks.barsMounted = document.querySelectorAll('[data-testid^="stay-bar-"]').length;
        marks.cellsMounted = document.querySelectorAll('[role="gridcell"]').length;
        phase = 'dialog';
        marks.click = performance.now();
        cell.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        return;
      }
      if (phase === 'dialog' && document.querySelector('[data-testid="booking-dialog"]')) {
        phase = 'done';
        marks.dialogInDom = performance.now();
        marks.dialog = await painted();
        observer.disconnect();
        const nav = performance.getEntriesByType('navigation')[0];
        marks.domContentLoaded = nav ? nav.domContentLoadedEventEnd : null;
        const board = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/board'));
        marks.boardRequestStart = board ? board.startTime : null;
        marks.boardResponseEnd = board ? board.responseEnd : null;
        marks.boardBytes = board ? board.encodedBodySize : null;
        marks.done = true;
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: false });
  })();`;
}

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
