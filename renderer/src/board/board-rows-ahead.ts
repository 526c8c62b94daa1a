/**
 * How many of the board's rows are mounted beside the ones in view, over time. The first frame draws
 * only the rows in view (nothing else delays the first paint, or the click that comes right after
 * it); once the page is idle, ROWS_AHEAD on each side, then ROWS_PER_IDLE more on each side at each
 * idle moment, until every row is mounted.
 *
 * Why every row: rows mounted and unmounted while scrolling change content the compositor has
 * already rastered ahead of the view (software raster on a desk PC without a GPU), and each costs a
 * React render, a parse of its bars' markup and a layout inside the frame. With every row there,
 * scrolling moves a composited layer and rasters only what comes into view (docs/benchmarks.md,
 * benchmark 5: raster and main-thread time per frame, dropped frames with another process busy).
 *
 * The rows away from the view keep the weeks they were drawn with until the page is idle, so
 * scrolling sideways redraws the rows near the view at once and the others a few at a time later. The grid
 * builds its rows' elements again only when the mounted rows or their drawn weeks change (`key`), not
 * for each scroll event the virtualiser reports: with every row mounted, scrolling renders nothing.
 */
import { useEffect, useState } from 'react';
import { whenIdle } from '../ui/when-idle';

export const ROWS_AHEAD = 6;
export const ROWS_PER_IDLE = 12;

/** The virtualiser's overscan: 0, then ROWS_AHEAD, then growing by ROWS_PER_IDLE until `count`. */
export function useRowsAhead(hasRows: boolean, count: number): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!hasRows || overscan >= count) return;
    return whenIdle(() => setOverscan(nextOverscan(overscan)), 1000);
  }, [hasRows, overscan, count]);
  return overscan;
}

export function nextOverscan(overscan: number): number {
  return overscan === 0 ? ROWS_AHEAD : overscan + ROWS_PER_IDLE;
}

export interface DrawnDays {
  start: number;
  end: number;
}

/**
 * The drawn days for each row index: `drawn` near the view (`visible` ± a reach that starts at
 * ROWS_AHEAD when `drawn` changes and grows by ROWS_PER_IDLE at each idle moment, so a sideways
 * scroll redraws the other rows a few at a time, nearest first), else the days drawn when every row
 * had last caught up (`far`). Redrawing all 300 rows at once took one 176 ms task.
 */
export function useDrawnFor(drawn: DrawnDays, visible: { startIndex: number; endIndex: number } | null, count: number): { drawnFor: (index: number) => DrawnDays; key: string } {
  const [far, setFar] = useState(drawn);
  const { start, end } = drawn;
  const [catchUp, setCatchUp] = useState({ start, end, reach: ROWS_AHEAD });
  const reach = catchUp.start === start && catchUp.end === end ? catchUp.reach : ROWS_AHEAD;
  const same = far.start === start && far.end === end;
  useEffect(() => {
    if (same) return;
    return whenIdle(() => (reach >= count ? setFar({ start, end }) : setCatchUp({ start, end, reach: reach + ROWS_PER_IDLE })), 1000);
  }, [same, reach, count, start, end]);
  const from = (visible?.startIndex ?? 0) - reach;
  const to = (visible?.endIndex ?? Number.MAX_SAFE_INTEGER) + reach;
  // `key` changes exactly when some row's answer does: the near rows move only while they differ.
  return {
    drawnFor: (index) => (same || (index >= from && index <= to) ? drawn : far),
    key: same ? `${start}-${end}` : `${start}-${end}|${far.start}-${far.end}|${from}-${to}`,
  };
}
