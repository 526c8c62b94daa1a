/**
 * The board's visible size, known at its first render without measuring. Reading a size before the
 * first paint forces a layout of the whole page before the rows exist, and the page is then laid
 * out again with them (on a 90-day board that was 15–40 ms before the first paint, for the grid's
 * width and again for the virtualiser's first look at its scroll element and its first scroll).
 * So the first render guesses: the grid spans the window's width less its border (board-grid.css: the
 * app's one column, no side padding), and its height is the window's less the desk's chrome around it; or the
 * size the grid had when it was last shown. A ResizeObserver then reports the real size after
 * layout and before paint, and what differs (a classic scrollbar's ~17 px, a toolbar that wrapped)
 * is redrawn synchronously (flushSync), so no painted frame shows the guess.
 */
import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { guessGridHeight, guessGridWidth } from './board-layout';

type BoardVirtualizer = Virtualizer<HTMLDivElement, Element>;

let lastSize: { width: number; height: number } | null = null;

function measured(el: HTMLElement): { width: number; height: number } {
  lastSize = { width: el.clientWidth, height: el.clientHeight };
  return lastSize;
}

/** The grid's width: the guess, then what the ResizeObserver reports. */
export function useGridWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(() => lastSize?.width ?? guessGridWidth(window.innerWidth));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const { width: next } = measured(el);
      flushSync(() => setWidth(next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The virtualiser's view until the ResizeObserver has reported. */
export function initialGridRect(width: number): { width: number; height: number } {
  return { width, height: lastSize?.height ?? guessGridHeight(window.innerHeight) };
}

/**
 * The virtualiser's `observeElementRect` without its synchronous first read: the size comes from
 * the ResizeObserver alone, and the rows a different height brings are drawn at once (flushSync).
 */
export function observeRectAfterLayout(instance: BoardVirtualizer, report: (rect: { width: number; height: number }) => void): () => void {
  const el = instance.scrollElement;
  if (!el) return () => undefined;
  const observer = new ResizeObserver(() => {
    const rect = measured(el);
    flushSync(() => report(rect));
  });
  observer.observe(el);
  return () => observer.disconnect();
}

const seen = new WeakSet<Element>();

/**
 * The virtualiser's scroll writes, less the first one for a new scroll element: on mount it writes
 * its offset (0) to where a new element already is, and that write would force the layout too.
 */
export function scrollBoard(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: BoardVirtualizer): void {
  const el = instance.scrollElement;
  if (el && !seen.has(el)) {
    seen.add(el);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
