/**
 * The tape chart: rooms as rows, days as columns, virtualised by row so 300 rooms × 90 days stay
 * smooth. One scroll container (sticky day header and room column), one delegated click handler,
 * and a keyboard cursor (`aria-activedescendant`) instead of thousands of tab stops.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { Board, Room } from '../../../shared/contract/schemas';
import { nightsBetween } from '../../../shared/time';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useUiStore } from '../stores/ui-store';
import { useElementWidth } from '../ui/use-element-width';
import {
  boardDays, dayWidthFor, HEADER_HEIGHT, moveCell, occupantOfNight, ROOM_LABEL_WIDTH, rowHeight,
  type ActiveCell, type BoardRow, type RoomLane,
} from './board-layout';
import { BoardHeader } from './board-header';
import { BoardColumns, GroupLabel, RoomDaysRow, RoomLabel } from './board-room-row';
import { HousekeepingMenu } from './housekeeping-menu';

interface BoardGridProps {
  board: Board;
  rows: BoardRow[];
  lanes: Map<number, RoomLane>;
}

export function BoardGrid({ board, rows, lanes }: BoardGridProps) {
  const t = useT();
  const f = useFormats();
  const open = useUiStore((s) => s.open);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);

  const dayCount = nightsBetween(board.from, board.to);
  const dayWidth = dayWidthFor(dayCount, width);
  const days = useMemo(() => boardDays(board.from, dayCount, board.today), [board.from, dayCount, board.today]);
  const roomIds = useMemo(() => rows.flatMap((r) => (r.kind === 'room' ? [r.room.id] : [])), [rows]);
  const roomsById = useMemo(() => new Map(board.rooms.map((r) => [r.id, r])), [board.rooms]);
  const totalWidth = ROOM_LABEL_WIDTH + dayCount * dayWidth;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowHeight(rows[i]!),
    getItemKey: (i) => rows[i]!.key,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const todayIndex = days.findIndex((d) => d.today);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const cell: ActiveCell | null =
    active && roomsById.has(active.roomId) && active.day < dayCount
      ? active
      : roomIds.length > 0
        ? { roomId: roomIds[0]!, day: Math.max(0, todayIndex) }
        : null;

  const [hkMenu, setHkMenu] = useState<{ room: Room; anchor: { left: number; top: number } } | null>(null);
  const closeHkMenu = useCallback(() => {
    setHkMenu(null);
    scrollRef.current?.focus();
  }, []);

  // A new period starts at the left edge, like turning a page.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollLeft = 0;
  }, [board.from]);

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
    if (!cell || e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(cell);
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
    const cellEl = target.closest<HTMLElement>('[data-day]');
    const rowEl = cellEl?.closest<HTMLElement>('[data-room]');
    if (cellEl && rowEl) {
      const next = { roomId: Number(rowEl.dataset.room), day: Number(cellEl.dataset.day) };
      setActive(next);
      activate(next);
    }
  };

  const activeRoom = cell ? roomsById.get(cell.roomId) : undefined;
  const activeDate = cell ? days[cell.day]?.date : undefined;
  const activeId = activeRoom && activeDate ? `cell-${activeRoom.number}-${activeDate}` : undefined;

  const items = virtualizer.getVirtualItems();
  const bodyHeight = Math.max(0, virtualizer.getTotalSize() - HEADER_HEIGHT);
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
      >
        <div className="board-canvas" style={canvasStyle}>
          <BoardHeader days={days} dayWidth={dayWidth} locale={f.locale} cornerLabel={t('board.room')} />
          <div className="board-body" style={{ height: bodyHeight }}>
            <div className="board-labels">
              {items.map((item) => {
                const row = rows[item.index]!;
                const top = item.start - HEADER_HEIGHT;
                if (row.kind === 'room') return <RoomLabel key={item.key as string} room={row.room} top={top} t={t} />;
                const label = row.groupBy === 'floor' ? t('board.floor', { n: row.value }) : row.value;
                return <GroupLabel key={item.key as string} label={label} count={t('board.roomCount', { n: row.roomCount })} top={top} />;
              })}
            </div>
            <div className="board-days" style={{ width: dayCount * dayWidth }}>
              <BoardColumns days={days} dayWidth={dayWidth} />
              {items.map((item) => {
                const row = rows[item.index]!;
                const top = item.start - HEADER_HEIGHT;
                if (row.kind === 'group') return <div key={item.key as string} className="group-band" style={{ top }} aria-hidden="true" />;
                return (
                  <RoomDaysRow
                    key={item.key as string}
                    room={row.room}
                    lane={lanes.get(row.room.id)}
                    top={top}
                    days={days}
                    dayWidth={dayWidth}
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
      {hkMenu ? <HousekeepingMenu room={roomsById.get(hkMenu.room.id) ?? hkMenu.room} anchor={hkMenu.anchor} onClose={closeHkMenu} /> : null}
    </>
  );
}
