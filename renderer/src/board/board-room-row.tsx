/**
 * The two halves of a room's row. The label (number, category, housekeeping badge) sits in the
 * sticky room column; the days half holds one cell per day and the bars in view. Both are memoised:
 * scrolling mounts only rows that come into view, and a row re-renders only when its own data,
 * the period or its keyboard cursor changes. Grid lines, weekends and today are painted once for the
 * whole body (see BoardColumns), so a cell is a bare element: cheap to mount by the thousand.
 */
import { memo } from 'react';
import type { Room } from '../../../shared/contract/schemas';
import type { MessageKey, Translate } from '../i18n/translate';
import { barSpan, ROW_HEIGHT, type BoardDay, type RoomLane } from './board-layout';

const BAR_GAP = 2;

interface RoomDaysProps {
  room: Room;
  lane: RoomLane | undefined;
  top: number;
  days: readonly BoardDay[];
  dayWidth: number;
  /** Day index of the keyboard cursor when it is in this row, else -1. */
  activeDay: number;
  t: Translate;
  shortDate(date: string): string;
}

export const RoomDaysRow = memo(function RoomDaysRow({ room, lane, top, days, dayWidth, activeDay, t, shortDate }: RoomDaysProps) {
  const from = days[0]?.date ?? '';
  const clip = (s: { clippedStart: boolean; clippedEnd: boolean }) => `${s.clippedStart ? ' clip-start' : ''}${s.clippedEnd ? ' clip-end' : ''}`;
  return (
    <div
      className="board-row"
      role="row"
      aria-label={`${t('board.room')} ${room.number}`}
      data-testid={`room-row-${room.number}`}
      data-room={room.id}
      style={{ top, height: ROW_HEIGHT }}
    >
      {days.map((d) =>
        d.index === activeDay ? (
          <div key={d.date} id={`cell-${room.number}-${d.date}`} className="cell is-active" role="gridcell" aria-selected data-day={d.index} data-testid={`cell-${room.number}-${d.date}`} />
        ) : (
          <div key={d.date} className="cell" role="gridcell" data-day={d.index} data-testid={`cell-${room.number}-${d.date}`} />
        ),
      )}
      {activeDay >= 0 ? <div className="cell-cursor" style={{ left: activeDay * dayWidth, width: dayWidth }} aria-hidden="true" /> : null}
      {lane?.blocks.map((b) => {
        const span = barSpan(b.fromDate, b.toDate, from, days.length, dayWidth);
        if (!span) return null;
        return (
          <div
            key={`b${b.id}`}
            className={`bar bar-block${clip(span)}`}
            style={{ left: span.left + BAR_GAP, width: Math.max(4, span.width - 2 * BAR_GAP) }}
            data-block={b.id}
            data-testid={`block-bar-${b.id}`}
            title={t('board.blocked', { reason: b.reason })}
          >
            <span className="bar-label">{b.reason}</span>
          </div>
        );
      })}
      {lane?.stays.map((s) => {
        const span = barSpan(s.checkinDate, s.checkoutDate, from, days.length, dayWidth);
        if (!span) return null;
        const title = t('board.stayTitle', { name: s.guestName, status: t(`status.${s.status}`), from: shortDate(s.checkinDate), to: shortDate(s.checkoutDate) });
        return (
          <button
            key={s.id}
            type="button"
            tabIndex={-1}
            className={`bar bar-${s.status}${clip(span)}`}
            style={{ left: span.left + BAR_GAP, width: Math.max(4, span.width - 2 * BAR_GAP) }}
            data-stay={s.id}
            data-testid={`stay-bar-${s.id}`}
            data-status={s.status}
            title={title}
            aria-label={title}
          >
            <span className="bar-label">{s.guestName}</span>
            {s.guests > 1 && span.width > 90 ? <span className="bar-guests">{s.guests}</span> : null}
          </button>
        );
      })}
    </div>
  );
});

export const RoomLabel = memo(function RoomLabel({ room, top, t }: { room: Room; top: number; t: Translate }) {
  const state = t(`hk.${room.housekeeping}` as MessageKey);
  const label = t('hk.change', { room: room.number, state });
  return (
    <div className="room-label" role="rowheader" data-testid={`room-label-${room.number}`} style={{ top, height: ROW_HEIGHT }}>
      <span className="room-number">{room.number}</span>
      <span className="room-category" title={room.category}>
        {room.category}
      </span>
      <button type="button" tabIndex={-1} className={`hk-badge hk-${room.housekeeping}`} data-hk={room.id} data-testid={`hk-${room.number}`} title={label} aria-label={label}>
        {t(`hk.short.${room.housekeeping}` as MessageKey)}
      </button>
    </div>
  );
});

export function GroupLabel({ label, count, top }: { label: string; count: string; top: number }) {
  return (
    <div className="group-label" role="rowheader" style={{ top }}>
      <span className="group-name">{label}</span>
      <span className="group-count">{count}</span>
    </div>
  );
}

/** Weekend and today stripes, painted once for the whole body height instead of once per cell. */
export const BoardColumns = memo(function BoardColumns({ days, dayWidth }: { days: readonly BoardDay[]; dayWidth: number }) {
  return (
    <>
      {days.map((d) =>
        d.today || d.weekend ? (
          <div key={d.date} className={`column-stripe${d.today ? ' is-today' : ' is-weekend'}`} style={{ left: d.index * dayWidth, width: dayWidth }} aria-hidden="true" />
        ) : null,
      )}
    </>
  );
});
