/**
 * The tape chart: rooms as rows, days as columns, virtualised by row, and by column for the bars
 * (only the weeks in view are drawn), so 300 rooms × 90 days stay smooth. One scroll container
 * (sticky day header and room column), one delegated click handler that finds the night from where
 * the click landed (there is no element per day), and a keyboard cursor (`aria-activedescendant`)
 * instead of thousands of tab stops.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { Board } from '../../../shared/contract/board';
import type { Room } from '../../../shared/contract/rooms';
import { nightsBetween } from '../../../shared/time';
import { markRowsRendered } from '../ui/perf-marks';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useUiStore } from '../stores/ui-store';
import { whenIdle } from '../ui/when-idle';
import {
  boardDays, dayWidthFor, drawnDays, HEADER_HEIGHT, moveCell, noNightsStayOn, occupantOfNight, ROOM_LABEL_WIDTH, rowHeight,
  type ActiveCell, type BoardRow, type RoomLane,
} from './board-layout';
import { nightAtPoint, useHoverCell } from './board-pointer';
import { useBoardDrag } from './board-drag';
import { BoardSummaryRows, summaryCategories, summaryHeight } from './board-summary-rows';
import { BoardHeader } from './board-header';
import { BoardColumns, GroupLabel, RoomDaysRow, RoomLabel } from './board-room-row';
import { initialGridRect, observeRectAfterLayout, scrollBoard, useGridWidth } from './board-viewport';

// Opened from a badge; it brings the contract's housekeeping states (zod), so it loads on first use.
const HousekeepingMenu = lazy(() => import('./housekeeping-menu').then((m) => ({ default: m.HousekeepingMenu })));

/** Rows drawn above and below the view, so scrolling shows rows that are already there. */
const ROWS_AHEAD = 6;

interface BoardGridProps {
  board: Board;
  rows: BoardRow[];
  lanes: Map<number, RoomLane>;
}

// eslint-disable-next-line max-lines-per-function -- the grid's one pointer, keyboard and scroll state, shared by its handlers; it renders the rows once per change (its time to interactive is benchmarked: board-render-bench)
export function BoardGrid({ board, rows, lanes }: BoardGridProps) {
  const t = useT();
  const f = useFormats();
  const open = useUiStore((s) => s.open);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useGridWidth(scrollRef);

  const dayCount = nightsBetween(board.from, board.to);
  const dayWidth = dayWidthFor(dayCount, width);
  const days = useMemo(() => boardDays(board.from, dayCount, board.today), [board.from, dayCount, board.today]);
  const roomIds = useMemo(() => rows.flatMap((r) => (r.kind === 'room' ? [r.room.id] : [])), [rows]);
  const roomsById = useMemo(() => new Map(board.rooms.map((r) => [r.id, r])), [board.rooms]);
  const totalWidth = ROOM_LABEL_WIDTH + dayCount * dayWidth;
  // Occupancy and free rooms per category per night, above the rooms (board-summary-rows.tsx).
  const categories = useMemo(() => summaryCategories(board.rooms), [board.rooms]);
  /** Where the room rows start: below the day header and the summary rows. */
  const rowsTop = HEADER_HEIGHT + summaryHeight(categories);
  const hover = useHoverCell(dayWidth, dayCount);
  const [scrollLeft, setScrollLeft] = useState(0);
  const drawn = drawnDays(scrollLeft, width - ROOM_LABEL_WIDTH, dayWidth, dayCount);

  // The first frame draws only the rows in view; the rows drawn ahead for scrolling follow once the
  // page is idle, so they do not delay the first paint (or the click that comes right after it).
  const [overscan, setOverscan] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowHeight(rows[i]!),
    getItemKey: (i) => rows[i]!.key,
    overscan,
    initialRect: initialGridRect(width),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollBoard,
    paddingStart: rowsTop,
    scrollPaddingStart: rowsTop,
  });

  const todayIndex = days.findIndex((d) => d.today);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const cell: ActiveCell | null =
    active && roomsById.has(active.roomId) && active.day < dayCount
      ? active
      : roomIds.length > 0
        ? { roomId: roomIds[0]!, day: Math.max(0, todayIndex) }
        : null;

  const drag = useBoardDrag({ scrollRef, geometry: () => ({ days, dayWidth }), lanes, roomsById, open });

  const [hkMenu, setHkMenu] = useState<{ room: Room; anchor: { left: number; top: number } } | null>(null);
  const closeHkMenu = useCallback(() => {
    setHkMenu(null);
    scrollRef.current?.focus();
  }, []);

  // A new period starts at the left edge, like turning a page. Not on mount: it is there already,
  // and setting scrollLeft would force a layout of the whole board before its first paint.
  const shownFrom = useRef(board.from);
  useEffect(() => {
    if (shownFrom.current === board.from) return;
    shownFrom.current = board.from;
    if (scrollRef.current) scrollRef.current.scrollLeft = 0;
    setScrollLeft(0);
  }, [board.from]);

  const onScroll = () => {
    hover.hide();
    const el = scrollRef.current;
    if (!el) return;
    // Re-render only when the drawn weeks change, not on every pixel of sideways scrolling.
    const next = drawnDays(el.scrollLeft, el.clientWidth - ROOM_LABEL_WIDTH, dayWidth, dayCount);
    if (next.start !== drawn.start || next.end !== drawn.end) setScrollLeft(el.scrollLeft);
  };

  const activate = (target: ActiveCell) => {
    const room = roomsById.get(target.roomId);
    const day = days[target.day];
    if (!room || !day) return;
    const occupant = occupantOfNight(lanes.get(room.id), day.date);
    if (occupant?.kind === 'stay') open({ kind: 'stay', id: occupant.stay.id });
    else if (occupant?.kind === 'block') open({ kind: 'block', block: occupant.block, roomNumber: room.number });
    else open({ kind: 'booking', roomId: room.id, checkin: day.date });
  };

  const openHkMenu = (room: Room, badge: Element | null) => {
    const r = badge?.getBoundingClientRect() ?? scrollRef.current?.getBoundingClientRect();
    if (r) setHkMenu({ room, anchor: { left: r.left, top: r.bottom + 4 } });
  };

  /** Keeps the cursor's column inside the visible part, right of the sticky room column. */
  const revealDay = (day: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const left = day * dayWidth;
    const visible = el.clientWidth - ROOM_LABEL_WIDTH;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (left + dayWidth > el.scrollLeft + visible) el.scrollLeft = left + dayWidth - visible;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && drag.isDragging()) {
      e.preventDefault();
      drag.cancel();
      return;
    }
    if (!cell || e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(cell);
      return;
    }
    if (e.key === 'o' || e.key === 'O') {
      // The stay with no nights whose marker is in this cell (board-layout.ts, noNightsStayOn).
      const room = roomsById.get(cell.roomId);
      const date = days[cell.day]?.date;
      const ended = room && date ? noNightsStayOn(lanes.get(room.id), date) : undefined;
      if (ended) {
        e.preventDefault();
        open({ kind: 'stay', id: ended.id });
      }
      return;
    }
    if (e.key === 'h' || e.key === 'H') {
      const room = roomsById.get(cell.roomId);
      if (room) {
        e.preventDefault();
        openHkMenu(room, scrollRef.current?.querySelector(`[data-hk="${room.id}"]`) ?? null);
      }
      return;
    }
    const next = moveCell(cell, e.key, roomIds, dayCount);
    if (next === cell) return;
    e.preventDefault();
    setActive(next);
    const rowIndex = rows.findIndex((r) => r.kind === 'room' && r.room.id === next.roomId);
    if (rowIndex >= 0) virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
    revealDay(next.day);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (drag.takeSwallowedClick()) return;
    const target = e.target as HTMLElement;
    const stay = target.closest<HTMLElement>('[data-stay]');
    if (stay) return open({ kind: 'stay', id: Number(stay.dataset.stay) });
    const hk = target.closest<HTMLElement>('[data-hk]');
    if (hk) {
      const room = roomsById.get(Number(hk.dataset.hk));
      if (room) openHkMenu(room, hk);
      return;
    }
    const block = target.closest<HTMLElement>('[data-block]');
    if (block) {
      const b = board.blocks.find((x) => x.id === Number(block.dataset.block));
      const room = b && roomsById.get(b.roomId);
      if (b && room) open({ kind: 'block', block: b, roomNumber: room.number });
      return;
    }
    const night = nightAtPoint(target, e.clientX, dayWidth, dayCount);
    if (night) {
      const next = { roomId: Number(night.row.dataset.room), day: night.day };
      setActive(next);
      activate(next);
    }
  };

  const activeRoom = cell ? roomsById.get(cell.roomId) : undefined;
  const activeDate = cell ? days[cell.day]?.date : undefined;
  const activeId = activeRoom && activeDate ? `cell-${activeRoom.number}-${activeDate}` : undefined;

  const items = virtualizer.getVirtualItems();
  const hasStays = board.stays.id.length > 0;
  const hasRows = items.length > 0;
  useEffect(() => {
    if (hasStays && hasRows) markRowsRendered();
  }, [hasStays, hasRows]);
  useEffect(() => {
    if (!hasRows || overscan > 0) return;
    return whenIdle(() => setOverscan(ROWS_AHEAD), 1000);
  }, [hasRows, overscan]);
  const bodyHeight = Math.max(0, virtualizer.getTotalSize() - rowsTop);
  const canvasStyle = { width: totalWidth, '--dw': `${dayWidth}px` } as CSSProperties;

  return (
    <>
      <div
        ref={scrollRef}
        className="board-scroll"
        role="grid"
        tabIndex={0}
        aria-label={t('board.gridLabel')}
        aria-rowcount={roomIds.length}
        aria-colcount={dayCount}
        aria-activedescendant={activeId}
        data-testid="board-grid"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onPointerDown={drag.onPointerDown}
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.onPointerUp}
        onPointerCancel={drag.onPointerCancel}
        onMouseMove={hover.move}
        onMouseLeave={hover.hide}
        onScroll={onScroll}
      >
        <div className="board-canvas" style={canvasStyle}>
          <BoardHeader days={days} dayWidth={dayWidth} locale={f.locale} cornerLabel={t('board.room')} />
          <BoardSummaryRows board={board} categories={categories} days={days} dayWidth={dayWidth} drawnStart={drawn.start} drawnEnd={drawn.end} t={t} shortDate={f.shortDate} />
          <div className="board-body" style={{ height: bodyHeight }}>
            <div className="board-labels">
              {items.map((item) => {
                const row = rows[item.index]!;
                const top = item.start - rowsTop;
                if (row.kind === 'room') return <RoomLabel key={item.key as string} room={row.room} top={top} t={t} />;
                const label = row.groupBy === 'floor' ? t('board.floor', { n: row.value }) : row.value;
                return <GroupLabel key={item.key as string} label={label} count={t('board.roomCount', { n: row.roomCount })} top={top} />;
              })}
            </div>
            <div className="board-days" style={{ width: dayCount * dayWidth }}>
              <BoardColumns days={days} dayWidth={dayWidth} />
              <div ref={hover.ref} className="cell-hover" hidden aria-hidden="true" />
              <div ref={drag.ghostRef} className="drag-ghost" hidden aria-hidden="true" data-testid="drag-ghost" />
              {items.map((item) => {
                const row = rows[item.index]!;
                const top = item.start - rowsTop;
                if (row.kind === 'group') return <div key={item.key as string} className="group-band" style={{ transform: `translateY(${top}px)` }} aria-hidden="true" />;
                return (
                  <RoomDaysRow
                    key={item.key as string}
                    room={row.room}
                    lane={lanes.get(row.room.id)}
                    top={top}
                    days={days}
                    dayWidth={dayWidth}
                    drawnStart={drawn.start}
                    drawnEnd={drawn.end}
                    activeDay={cell && cell.roomId === row.room.id ? cell.day : -1}
                    t={t}
                    shortDate={f.shortDate}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {hkMenu ? (
        <Suspense fallback={null}>
          <HousekeepingMenu room={roomsById.get(hkMenu.room.id) ?? hkMenu.room} anchor={hkMenu.anchor} onClose={closeHkMenu} />
        </Suspense>
      ) : null}
    </>
  );
}
