/**
 * User-timing marks at the moments a desk waits for: the board's rows on screen and the booking
 * dialog open. They cost nothing when nobody looks, and the benchmarks and DevTools' Performance
 * panel read them instead of guessing from the DOM.
 */

let rowsRendered = false;

/** Once per page: the first frame with rows of stays, marked after it is painted (a frame, then a task). */
export function markRowsRendered(): void {
  if (rowsRendered) return;
  rowsRendered = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark('board:rows-rendered'), 0));
}

/** The booking dialog is open (shown modal), each time. */
export function markBookingDialogOpen(): void {
  performance.mark('booking-dialog:open');
}
