/**
 * A drop-down anchored to an element (the date field's calendar, the time field's list of times,
 * the header's menus) on the browser's `popover`: in the top layer, so a modal dialog's edges never
 * cut it, and closed by Escape or a click elsewhere (focus then goes back to what opened it). Its
 * button opens and closes it through `popoverTarget` (the browser then keeps that click from closing
 * and reopening it). Placed under its anchor, or above it when the window has no room below, and
 * kept inside the window; closed when the page scrolls or resizes, since it would no longer sit by
 * its anchor.
 */
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';

const GAP = 4;

export interface AnchoredPopover {
  id: string;
  ref: RefObject<HTMLDivElement | null>;
  open: boolean;
  show(): void;
  hide(): void;
}

function place(popover: HTMLElement, anchor: HTMLElement): void {
  const field = anchor.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = popover;
  const below = field.bottom + GAP + height <= window.innerHeight || field.top - GAP - height < 0;
  const top = below ? field.bottom + GAP : field.top - GAP - height;
  const left = Math.max(GAP, Math.min(field.left, window.innerWidth - width - GAP));
  popover.style.top = `${Math.max(GAP, top)}px`;
  popover.style.left = `${left}px`;
}

/** `onClosed` runs after it closed, for any reason (a pick, Escape, a click elsewhere). */
export function useAnchoredPopover(anchor: RefObject<HTMLElement | null>, onClosed?: () => void): AnchoredPopover {
  const id = `popover-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const closed = useRef(onClosed);
  closed.current = onClosed;

  useEffect(() => {
    const popover = ref.current;
    if (!popover) return;
    const before = (e: Event) => {
      if ((e as ToggleEvent).newState === 'open' && anchor.current) place(popover, anchor.current);
    };
    const after = (e: Event) => {
      const isOpen = (e as ToggleEvent).newState === 'open';
      setOpen(isOpen);
      if (!isOpen) closed.current?.();
    };
    popover.addEventListener('beforetoggle', before);
    popover.addEventListener('toggle', after);
    return () => {
      popover.removeEventListener('beforetoggle', before);
      popover.removeEventListener('toggle', after);
    };
  }, [anchor]);

  // Placed again once its content has its size (the calendar loads lazily); closed on scroll.
  useEffect(() => {
    const popover = ref.current;
    const field = anchor.current;
    if (!open || !popover || !field) return;
    const observer = new ResizeObserver(() => place(popover, field));
    observer.observe(popover);
    const away = (e: Event) => {
      if (e.target instanceof Node && popover.contains(e.target)) return;
      popover.hidePopover();
    };
    window.addEventListener('scroll', away, true);
    window.addEventListener('resize', away);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', away, true);
      window.removeEventListener('resize', away);
    };
  }, [open, anchor]);

  const show = useCallback(() => {
    if (ref.current && !ref.current.matches(':popover-open')) ref.current.showPopover();
  }, []);
  const hide = useCallback(() => {
    if (ref.current?.matches(':popover-open')) ref.current.hidePopover();
  }, []);
  return { id, ref, open, show, hide };
}

/**
 * After a field's drop-down closed: focus back on the field's input when the focus was in the
 * drop-down (now hidden) or on its button, so the keyboard goes on from the field; a click on
 * something else keeps the focus it gave.
 */
export function refocus(field: HTMLElement | null, input: HTMLInputElement | null): void {
  const at = document.activeElement;
  if (!field || !input || (at !== null && at !== document.body && !field.contains(at))) return;
  if (at !== input) input.focus({ preventScroll: true });
}
