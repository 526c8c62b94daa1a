/**
 * The pointer over the tape chart. There is no element per day, so the night under the pointer is
 * found from the row under it and the distance from the row's left edge; the hover highlight is
 * one element moved by hand, as a React render per mouse move would cost more than the move.
 */
import { useCallback, useRef, type MouseEvent } from 'react';
import { dayAtOffset } from './board-layout';

export interface NightAtPoint {
  /** The room row's element (`data-room` holds the room id). */
  row: HTMLElement;
  day: number;
}

/** The room row and day under a point, when the point is on a free part of a row (not on a bar). */
export function nightAtPoint(target: EventTarget, clientX: number, dayWidth: number, dayCount: number): NightAtPoint | null {
  if (!(target instanceof Element) || target.closest('.bar')) return null;
  const row = target.closest<HTMLElement>('[data-room]');
  if (!row) return null;
  const day = dayAtOffset(clientX - row.getBoundingClientRect().left, dayWidth, dayCount);
  return day === null ? null : { row, day };
}

/** The hover highlight: `ref` goes on an element placed in the days layer, above no bar. */
export function useHoverCell(dayWidth: number, dayCount: number) {
  const ref = useRef<HTMLDivElement>(null);
  // Called on every scroll event: touch the element only when it shows.
  const hide = useCallback(() => {
    if (ref.current && !ref.current.hidden) ref.current.hidden = true;
  }, []);
  const move = (e: MouseEvent<HTMLElement>) => {
    const hover = ref.current;
    const layer = hover?.parentElement;
    if (!hover || !layer) return;
    const night = nightAtPoint(e.target, e.clientX, dayWidth, dayCount);
    if (!night) {
      hide();
      return;
    }
    const top = night.row.getBoundingClientRect().top - layer.getBoundingClientRect().top;
    hover.style.transform = `translate(${night.day * dayWidth}px, ${top}px)`;
    hover.hidden = false;
  };
  return { ref, move, hide };
}
