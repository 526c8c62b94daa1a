/**
 * Drag on the board (issue 10 item 11): across free nights of a room to book them (New stay opens
 * preset with the room and both dates), a stay's bar to another room's row to move it, a bar's right
 * end to another night to extend or shorten it. Each ends in a dialog that asks the host: New stay,
 * or the move / new dates with their price question (drag-change-dialog.tsx); the host re-checks
 * everything atomically and a refusal shows there, in the user's language. The keyboard keeps its
 * own way to each (the cursor and Enter open the same dialogs).
 *
 * A drag starts only past a few pixels, so a click stays a click; the pointer is captured from then
 * on, and the click that follows the drag is swallowed. One ghost element shows where the drop
 * lands, moved by hand (no React render per pointer move).
 */
import { useRef, type PointerEvent, type RefObject } from 'react';
import type { BoardStay } from '../../../shared/contract/board';
import type { Room } from '../../../shared/contract/rooms';
import { canApply } from '../../../shared/rules/stay-rules';
import { nightsBetween } from '../../../shared/time';
import type { Dialog } from '../stores/ui-store';
import { dayAtOffset, occupantOfNight, type RoomLane } from './board-layout';
import { nightAtPoint } from './board-pointer';
import { bookRange, dropDialog, resizeCheckoutDay, type DragGeometry, type Drop } from './board-drop';

export { bookRange, dropDialog, resizeCheckoutDay };

/** Pointer travel (px) before a press becomes a drag. */
export const DRAG_THRESHOLD = 5;
/** How near a bar's right edge (px) a press grabs the end rather than the whole stay. */
export const END_HANDLE = 8;

export type DragKind = 'book' | 'move' | 'resize';

interface Press {
  kind: DragKind;
  pointerId: number;
  x0: number;
  y0: number;
  active: boolean;
  row: HTMLElement;
  roomId: number;
  day0: number;
  stay?: BoardStay;
  /** The bar's left edge and width in the days layer (move, resize). */
  barLeft: number;
  barWidth: number;
  /** Where the drop would land, kept current while dragging. */
  drop: Drop | null;
}

export interface BoardDragOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  geometry: () => DragGeometry;
  lanes: Map<number, RoomLane>;
  roomsById: Map<number, Room>;
  open(dialog: Dialog): void;
}

// eslint-disable-next-line max-lines-per-function -- one drag's pointer state machine (press, move, drop, cancel) over one state; its steps are short
export function useBoardDrag(o: BoardDragOptions) {
  const ghostRef = useRef<HTMLDivElement>(null);
  const press = useRef<Press | null>(null);
  const swallowClick = useRef(false);

  const hideGhost = () => {
    const g = ghostRef.current;
    if (g && !g.hidden) g.hidden = true;
  };

  const placeGhost = (row: HTMLElement, left: number, width: number, kind: DragKind) => {
    const g = ghostRef.current;
    const layer = g?.parentElement;
    if (!g || !layer) return;
    const top = row.getBoundingClientRect().top - layer.getBoundingClientRect().top;
    g.style.transform = `translate(${left}px, ${top}px)`;
    g.style.width = `${Math.max(4, width)}px`;
    g.dataset.kind = kind;
    g.hidden = false;
  };

  const stayOf = (roomId: number, id: number): BoardStay | undefined => o.lanes.get(roomId)?.stays.find((s) => s.id === id);

  const end = (e: PointerEvent<HTMLDivElement> | null) => {
    const p = press.current;
    press.current = null;
    hideGhost();
    const el = o.scrollRef.current;
    el?.classList.remove('is-dragging');
    if (e && p?.active && el?.hasPointerCapture(p.pointerId)) el.releasePointerCapture(p.pointerId);
    return p;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || press.current) return;
    const target = e.target as Element;
    if (target.closest('[data-hk]')) return;
    const { days, dayWidth } = o.geometry();
    const bar = target.closest<HTMLElement>('[data-stay]');
    if (bar) {
      const row = bar.closest<HTMLElement>('[data-room]');
      const roomId = Number(row?.dataset.room);
      const stay = row ? stayOf(roomId, Number(bar.dataset.stay)) : undefined;
      if (!row || !stay || !canApply('move', stay.status)) return;
      const rect = bar.getBoundingClientRect();
      const rowLeft = row.getBoundingClientRect().left;
      const kind: DragKind = rect.right - e.clientX <= END_HANDLE && canApply('change_dates', stay.status) ? 'resize' : 'move';
      press.current = { kind, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, active: false, row, roomId, day0: 0, stay, barLeft: rect.left - rowLeft, barWidth: rect.width, drop: null };
      return;
    }
    const night = nightAtPoint(target, e.clientX, dayWidth, days.length);
    if (!night) return;
    const roomId = Number(night.row.dataset.room);
    const day = days[night.day];
    if (!day || occupantOfNight(o.lanes.get(roomId), day.date)) return;
    press.current = { kind: 'book', pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, active: false, row: night.row, roomId, day0: night.day, barLeft: 0, barWidth: 0, drop: null };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || e.pointerId !== p.pointerId) return;
    if (!p.active) {
      if (Math.hypot(e.clientX - p.x0, e.clientY - p.y0) < DRAG_THRESHOLD) return;
      p.active = true;
      o.scrollRef.current?.setPointerCapture(p.pointerId);
      o.scrollRef.current?.classList.add('is-dragging');
    }
    const { days, dayWidth } = o.geometry();
    const x = e.clientX - p.row.getBoundingClientRect().left;
    if (p.kind === 'book') {
      const day = Math.min(days.length - 1, Math.max(0, dayAtOffset(Math.max(0, x), dayWidth, Number.MAX_SAFE_INTEGER) ?? 0));
      const { first, last } = bookRange(p.day0, day);
      p.drop = { kind: 'book', roomId: p.roomId, first, last };
      placeGhost(p.row, first * dayWidth, (last - first + 1) * dayWidth, 'book');
    } else if (p.kind === 'move' && p.stay) {
      const under = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-room]');
      if (!under || !o.roomsById.has(Number(under.dataset.room))) return;
      p.drop = { kind: 'move', stay: p.stay, toRoomId: Number(under.dataset.room) };
      placeGhost(under, p.barLeft, p.barWidth, 'move');
    } else if (p.kind === 'resize' && p.stay) {
      const checkinDay = nightsBetween(days[0]!.date, p.stay.checkinDate);
      const checkoutDay = resizeCheckoutDay(x, dayWidth, checkinDay, days.length);
      p.drop = { kind: 'resize', stay: p.stay, checkoutDay };
      placeGhost(p.row, p.barLeft, (checkoutDay + 0.5) * dayWidth - p.barLeft, 'resize');
    }
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || e.pointerId !== p.pointerId) return;
    end(e);
    if (!p.active) return;
    // The click the browser sends after this drag is not a click on a night or a bar.
    swallowClick.current = true;
    setTimeout(() => (swallowClick.current = false), 0);
    const dialog = p.drop ? dropDialog(p.drop, o.geometry()) : null;
    if (dialog) o.open(dialog);
  };

  const cancel = () => {
    if (press.current) end(null);
  };

  return {
    ghostRef,
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onPointerCancel: cancel,
    /** Escape while dragging drops nothing. */
    cancel,
    isDragging: () => press.current?.active === true,
    /** True once for the click that ends a drag: the grid's click handler ignores it. */
    takeSwallowedClick(): boolean {
      const s = swallowClick.current;
      swallowClick.current = false;
      return s;
    },
  };
}
