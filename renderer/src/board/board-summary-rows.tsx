/**
 * The board's summary rows above the rooms (issue 10 item 11): the occupancy of each night, and per
 * category the number of its rooms free each night (board-summary.ts). Each row's cells are one
 * piece of markup for the drawn days only (like the bars: see bar-markup.ts), so the rows cost a few
 * dozen elements and re-render only when the board or the drawn weeks change.
 */
import { memo, useMemo } from 'react';
import type { Translate } from '../i18n/translate';
import { escapeHtml } from './bar-markup';
import type { BoardDay } from './board-layout';
import type { BoardSummary } from './board-summary';

export const SUMMARY_ROW_HEIGHT = 22;

export function summaryHeight(summary: BoardSummary): number {
  return (summary.categories.length + 1) * SUMMARY_ROW_HEIGHT;
}

function cellsMarkup(
  values: readonly number[],
  start: number,
  end: number,
  dayWidth: number,
  text: (v: number) => string,
  cls: (v: number) => string,
  title: (v: number, d: number) => string,
): string {
  let html = '';
  for (let d = start; d < end && d < values.length; d++) {
    const v = values[d]!;
    html +=
      `<span class="summary-cell ${cls(v)}" style="left:${d * dayWidth}px;width:${dayWidth}px" data-day="${d}" title="${escapeHtml(title(v, d))}">` +
      `${escapeHtml(text(v))}</span>`;
  }
  return html;
}

interface SummaryRowsProps {
  summary: BoardSummary;
  days: readonly BoardDay[];
  dayWidth: number;
  drawnStart: number;
  drawnEnd: number;
  t: Translate;
  shortDate(date: string): string;
}

export const BoardSummaryRows = memo(function BoardSummaryRows({ summary, days, dayWidth, drawnStart, drawnEnd, t, shortDate }: SummaryRowsProps) {
  const rows = useMemo(() => {
    const occupancy = {
      key: 'occupancy',
      label: t('board.occupancyRow'),
      testId: 'summary-occupancy',
      html: cellsMarkup(summary.occupancy, drawnStart, drawnEnd, dayWidth, (v) => `${v}%`, (v) => (v >= 90 ? 'is-full' : v >= 60 ? 'is-busy' : ''), (v, d) =>
        t('board.occupancyOf', { percent: v, date: shortDate(days[d]?.date ?? '') }),
      ),
    };
    const categories = summary.categories.map((c) => ({
      key: `cat:${c.category}`,
      label: t('board.categoryRow', { category: c.category }),
      testId: `summary-category-${c.category}`,
      html: cellsMarkup(c.free, drawnStart, drawnEnd, dayWidth, (v) => String(v), (v) => (v === 0 ? 'is-full' : ''), (v, d) =>
        `${c.category}, ${shortDate(days[d]?.date ?? '')}: ${t('board.freeCount', { n: v })}`,
      ),
    }));
    return [occupancy, ...categories];
  }, [summary, drawnStart, drawnEnd, dayWidth, t, shortDate, days]);
  return (
    <div className="board-summary" style={{ height: summaryHeight(summary) }}>
      {rows.map((r) => (
        <div key={r.key} className="summary-row" data-testid={r.testId}>
          <div className="summary-label" title={r.label}>
            {r.label}
          </div>
          <div className="summary-cells" style={{ width: days.length * dayWidth }} dangerouslySetInnerHTML={{ __html: r.html }} />
        </div>
      ))}
    </div>
  );
});
