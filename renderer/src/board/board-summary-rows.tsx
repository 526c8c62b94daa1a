/**
 * The board's summary rows above the rooms (issue 10 item 11): the occupancy of each night, and per
 * category the number of its rooms free each night (board-summary.ts). Each row's cells are one
 * piece of markup for the drawn days only (like the bars: see bar-markup.ts), and re-render only
 * when the board or the drawn weeks change.
 *
 * The rows (their labels and their height) are there in the board's first frame; their figures
 * follow as soon as the page is idle after it (at the latest half a second on): the cells are a
 * third of what the first frame would lay out (a cell per category per night), and a desk opening
 * the board wants the rooms, which it can click at once, first. From then on every board is summed
 * as it comes.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { whenIdle } from '../ui/when-idle';
import type { Board } from '../../../shared/contract/board';
import type { Translate } from '../i18n/translate';
import { escapeHtml } from './bar-markup';
import type { BoardDay } from './board-layout';
import { boardSummary, type BoardSummary } from './board-summary';

export const SUMMARY_ROW_HEIGHT = 22;

type SummarySource = Pick<Board, 'from' | 'to' | 'rooms' | 'stays' | 'blocks'>;

/** The board's categories in the summary's order (one row each, below the occupancy row). */
export function summaryCategories(rooms: SummarySource['rooms']): string[] {
  return [...new Set(rooms.map((r) => r.category))].sort((a, b) => a.localeCompare(b));
}

export function summaryHeight(categories: readonly string[]): number {
  return (categories.length + 1) * SUMMARY_ROW_HEIGHT;
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
  board: SummarySource;
  categories: readonly string[];
  days: readonly BoardDay[];
  dayWidth: number;
  drawnStart: number;
  drawnEnd: number;
  t: Translate;
  shortDate(date: string): string;
}

export const BoardSummaryRows = memo(function BoardSummaryRows({ board, categories, days, dayWidth, drawnStart, drawnEnd, t, shortDate }: SummaryRowsProps) {
  // The labels at once, the figures once the page is idle after the first paint.
  const [ready, setReady] = useState(false);
  useEffect(() => (ready ? undefined : whenIdle(() => setReady(true), 500)), [ready]);
  const summary = useMemo<BoardSummary | null>(() => (ready ? boardSummary(board) : null), [ready, board]);
  const rows = useMemo(() => {
    const byCategory = new Map(summary?.categories.map((c) => [c.category, c.free]));
    const occupancy = {
      key: 'occupancy',
      label: t('board.occupancyRow'),
      testId: 'summary-occupancy',
      html: summary
        ? cellsMarkup(summary.occupancy, drawnStart, drawnEnd, dayWidth, (v) => `${v}%`, (v) => (v >= 90 ? 'is-full' : v >= 60 ? 'is-busy' : ''), (v, d) =>
            t('board.occupancyOf', { percent: v, date: shortDate(days[d]?.date ?? '') }),
          )
        : '',
    };
    const perCategory = categories.map((category) => {
      const free = byCategory.get(category);
      return {
        key: `cat:${category}`,
        label: t('board.categoryRow', { category }),
        testId: `summary-category-${category}`,
        html: free
          ? cellsMarkup(free, drawnStart, drawnEnd, dayWidth, (v) => String(v), (v) => (v === 0 ? 'is-full' : ''), (v, d) =>
              `${category}, ${shortDate(days[d]?.date ?? '')}: ${t('board.freeCount', { n: v })}`,
            )
          : '',
      };
    });
    return [occupancy, ...perCategory];
  }, [summary, categories, drawnStart, drawnEnd, dayWidth, t, shortDate, days]);
  return (
    <div className="board-summary" style={{ height: summaryHeight(categories) }} aria-busy={summary ? undefined : true}>
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
