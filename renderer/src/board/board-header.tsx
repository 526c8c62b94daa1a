/** The sticky row of day columns above the board, with the month named where it starts. */
import { memo } from 'react';
import { formatDayHeader, formatMonth } from '../format/dates';
import { ROOM_LABEL_WIDTH, type BoardDay } from './board-layout';

interface BoardHeaderProps {
  days: readonly BoardDay[];
  dayWidth: number;
  locale: string;
  cornerLabel: string;
}

/** The month tag's left offset and a gap before the next month's (board-grid.css `.month-tag`), in px. */
const MONTH_TAG_INSET = 9;

export const BoardHeader = memo(function BoardHeader({ days, dayWidth, locale, cornerLabel }: BoardHeaderProps) {
  return (
    <div className="board-head" role="row" style={{ width: ROOM_LABEL_WIDTH + days.length * dayWidth }}>
      <div className="board-corner" role="columnheader">
        {cornerLabel}
      </div>
      {days.map((d) => {
        const { weekday, day } = formatDayHeader(d.date, locale);
        return (
          <div
            key={d.date}
            role="columnheader"
            className={`day-head${d.weekend ? ' is-weekend' : ''}${d.today ? ' is-today' : ''}${d.monthStart ? ' is-month-start' : ''}`}
            style={{ width: dayWidth }}
            data-testid={`day-${d.date}`}
            aria-current={d.today ? 'date' : undefined}
          >
            {d.monthStart ? (
              // As wide as its month's columns at most: a period that starts on a month's last day names both months.
              <span className="month-tag" style={{ maxWidth: d.monthDays * dayWidth - MONTH_TAG_INSET }}>
                {formatMonth(d.date, locale)}
              </span>
            ) : null}
            <span className="dow">{weekday}</span>
            <span className="dom">{day}</span>
          </div>
        );
      })}
    </div>
  );
});
