/**
 * The two halves of a room's row. The label (number, category, housekeeping badge) sits in the
 * sticky room column; the days half holds the bars in view (one element each, built from markup:
 * see bar-markup.ts) and, in the cursor's row, the one cell element the keyboard cursor points at
 * (`aria-activedescendant`). There is no element per day: the day lines, weekends and today are
 * painted once for the whole body (see BoardColumns and board-grid.css), and the grid finds the
 * clicked day from the click's position. That keeps a row to a few dozen elements, which is what
 * first paint, scrolling and the style recalculation a modal dialog forces all cost. Rows are
 * memoised and placed with a transform, so scrolling mounts only the rows that come into view and
 * re-renders a row only when its data, the period or its cursor changes.
 */
import { memo, useMemo } from 'react';
import type { Room } from '../../../shared/contract/rooms';
import type { MessageKey, Translate } from '../i18n/translate';
import { fitLabel } from './bar-label';
import { barsMarkup, stayTitle, type BarsText } from './bar-markup';
import { charMeasurer } from './char-measurer';
import { noNightsStayOn, occupantOfNight, type BoardDay, type RoomLane } from './board-layout';

let barCharWidth: ((ch: string) => number) | null = null;

/**
 * The bars' character widths, for cutting their labels (board-marks.css's `.bar`: 600 12px, the
 * page's family). Finding the family reads the page's computed style, which costs a style pass
 * right after React has changed the page: the board asks for this while it waits for its data, so
 * that its first rows do not pay for it.
 */
export function barCharWidths(): (ch: string) => number {
  if (!barCharWidth) {
    const family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
    barCharWidth = charMeasurer(`600 12px ${family}`);
  }
  return barCharWidth;
}

function fitBarLabel(text: string, room: number): string {
  return fitLabel(text, room, barCharWidths());
}

interface RoomDaysProps {
  room: Room;
  lane: RoomLane | undefined;
  top: number;
  days: readonly BoardDay[];
  dayWidth: number;
  /** The day columns whose bars are drawn, [start, end): the ones in view (see drawnDays). */
  drawnStart: number;
  drawnEnd: number;
  /** Day index of the keyboard cursor when it is in this row, else -1. */
  activeDay: number;
  t: Translate;
  shortDate(date: string): string;
}

/** The keyboard cursor's cell, named for a screen reader: the room, the night and what holds it. */
function CursorCell({ room, lane, day, dayWidth, t, shortDate }: { room: Room; lane: RoomLane | undefined; day: BoardDay; dayWidth: number; t: Translate; shortDate(date: string): string }) {
  const occupant = occupantOfNight(lane, day.date);
  // A stay with no nights marked in this cell (its night free, or re-let): named too, O opens it.
  const ended = noNightsStayOn(lane, day.date);
  const label =
    (occupant?.kind === 'stay'
      ? `${t('board.room')} ${room.number}, ${shortDate(day.date)}: ${stayTitle(occupant.stay, t, shortDate)}`
      : occupant?.kind === 'block'
        ? `${t('board.room')} ${room.number}, ${shortDate(day.date)}: ${t('board.blocked', { reason: occupant.block.reason })}`
        : t('board.freeNight', { room: room.number, date: shortDate(day.date) })) +
    (ended ? `; ${t('board.noNightsHere', { title: stayTitle(ended, t, shortDate) })}` : '');
  const id = `cell-${room.number}-${day.date}`;
  return <div id={id} className="cell-cursor" role="gridcell" aria-selected aria-label={label} data-day={day.index} data-testid={id} style={{ left: day.index * dayWidth, width: dayWidth }} />;
}

export const RoomDaysRow = memo(function RoomDaysRow({ room, lane, top, days, dayWidth, drawnStart, drawnEnd, activeDay, t, shortDate }: RoomDaysProps) {
  const from = days[0]?.date ?? '';
  // The bars are one piece of markup (see bar-markup.ts), rebuilt only when what they show changes:
  // moving the keyboard cursor through the row re-renders the cursor alone.
  const bars = useMemo(() => {
    const text: BarsText = {
      stayTitle: (s) => stayTitle(s, t, shortDate),
      blockTitle: (b) => t('board.blocked', { reason: b.reason }),
      fit: fitBarLabel,
    };
    return { __html: barsMarkup(lane, { from, days: days.length, dayWidth, drawnStart, drawnEnd }, text) };
  }, [lane, from, days.length, dayWidth, drawnStart, drawnEnd, t, shortDate]);
  const activeDate = activeDay >= 0 ? days[activeDay] : undefined;
  // The cursor comes after the bars, so it is painted above them.
  return (
    <div
      className="board-row"
      role="row"
      aria-label={`${t('board.room')} ${room.number}`}
      data-testid={`room-row-${room.number}`}
      data-room={room.id}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="row-bars" dangerouslySetInnerHTML={bars} />
      {activeDate ? <CursorCell room={room} lane={lane} day={activeDate} dayWidth={dayWidth} t={t} shortDate={shortDate} /> : null}
    </div>
  );
});

export const RoomLabel = memo(function RoomLabel({ room, top, t }: { room: Room; top: number; t: Translate }) {
  const state = t(`hk.${room.housekeeping}` as MessageKey);
  const label = t('hk.change', { room: room.number, state });
  return (
    <div className="room-label" role="rowheader" data-testid={`room-label-${room.number}`} style={{ transform: `translateY(${top}px)` }}>
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
    <div className="group-label" role="rowheader" style={{ transform: `translateY(${top}px)` }}>
      <span className="group-name">{label}</span>
      <span className="group-count">{count}</span>
    </div>
  );
}

/**
 * Weekend and today stripes, and each day's closing line, painted once for the whole body height
 * instead of once per row. The lines are 1 px boxes, not a repeating gradient as the body's
 * background: with software raster (a desk PC without GPU raster, and the benchmark's Chromium) the
 * gradient was shaded pixel by pixel over the whole visible board, ~20 % of the first frame's raster.
 */
export const BoardColumns = memo(function BoardColumns({ days, dayWidth }: { days: readonly BoardDay[]; dayWidth: number }) {
  return (
    <>
      {days.map((d) =>
        d.today || d.weekend ? (
          <div key={d.date} className={`column-stripe${d.today ? ' is-today' : ' is-weekend'}`} style={{ left: d.index * dayWidth, width: dayWidth }} aria-hidden="true" />
        ) : null,
      )}
      {days.map((d) => (
        <div key={`line:${d.date}`} className="day-line" style={{ left: (d.index + 1) * dayWidth - 1 }} aria-hidden="true" />
      ))}
    </>
  );
});
