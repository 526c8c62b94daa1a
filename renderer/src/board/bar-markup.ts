/**
 * A room row's bars as one HTML string, which the row sets as its bars' markup. The browser's parser
 * builds a row's few dozen bars several times faster than React creating them element by element
 * and attribute by attribute, and rows are built while the board first paints and on every frame of
 * scrolling. Bars are plain markup anyway: the grid handles their clicks by delegation
 * (`data-stay`, `data-block`). **Every text that goes in is escaped** (guest names, block reasons and
 * titles are typed by people).
 */
import type { BoardBlock, BoardStay } from '../../../shared/contract/board';
import type { Translate } from '../i18n/translate';
import { barSpan, noNightsSpan, type BarSpan, type RoomLane } from './board-layout';

const BAR_GAP = 2;
/** A bar wide enough to show the guest count beside the name. */
const GUESTS_MIN_SPAN = 90;

export interface BarsView {
  /** First day of the board and its number of days. */
  from: string;
  days: number;
  dayWidth: number;
  /** The day columns whose bars are drawn, [start, end) (see drawnDays). */
  drawnStart: number;
  drawnEnd: number;
}

export interface BarsText {
  stayTitle(s: BoardStay): string;
  blockTitle(b: BoardBlock): string;
  /** `text` cut to fit `room` px (see fitLabel). */
  fit(text: string, room: number): string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function stayTitle(s: BoardStay, t: Translate, shortDate: (date: string) => string): string {
  return t('board.stayTitle', { name: s.guestName, status: t(`status.${s.status}`), from: shortDate(s.checkinDate), to: shortDate(s.checkoutDate) });
}

/**
 * Room for a bar's label in px, from board-marks.css's `.bar`: padding 8 px left and 6 px right
 * (20 px beside the guest count), a 1 px border, and a 3 px status edge on the left of a stay that
 * holds the room (1 px when it is cut off by the period's start, and for a no-show or a block).
 */
function labelRoom(width: number, thickEdge: boolean, guests: boolean): number {
  return width - 8 - (guests ? 20 : 6) - (thickEdge ? 3 : 1) - 1;
}

function box(span: BarSpan): { css: string; width: number; clip: string } {
  const width = Math.max(4, span.width - 2 * BAR_GAP);
  const clip = `${span.clippedStart ? ' clip-start' : ''}${span.clippedEnd ? ' clip-end' : ''}`;
  return { css: `left:${span.left + BAR_GAP}px;width:${width}px`, width, clip };
}

/**
 * The bars of a row that fall in the drawn days, in paint order (no z-index, so no stacking context
 * per bar): blocks and no-shows first, so a stay that re-let a no-show's night lies on top of it;
 * stays with no nights (ended on their arrival day) last, as markers on top of any stay that took
 * their free night, so they stay in reach.
 */
export function barsMarkup(lane: RoomLane | undefined, view: BarsView, text: BarsText): string {
  if (!lane) return '';
  const left = view.drawnStart * view.dayWidth;
  const right = view.drawnEnd * view.dayWidth;
  const drawn = (start: string, end: string) => {
    const span = barSpan(start, end, view.from, view.days, view.dayWidth);
    return span && span.left < right && span.left + span.width > left ? span : null;
  };
  let html = '';
  let markers = '';
  for (const b of lane.blocks) {
    const span = drawn(b.fromDate, b.toDate);
    if (!span) continue;
    const { css, width, clip } = box(span);
    html +=
      `<div class="bar bar-block${clip}" style="${css}" data-block="${b.id}" data-testid="block-bar-${b.id}" title="${escapeHtml(text.blockTitle(b))}">` +
      `${escapeHtml(text.fit(b.reason, labelRoom(width, false, false)))}</div>`;
  }
  const stay = (s: BoardStay) => {
    if (s.checkinDate === s.checkoutDate) {
      markers += noNightsMarker(s, view, left, right, text);
      return;
    }
    const span = drawn(s.checkinDate, s.checkoutDate);
    if (!span) return;
    const { css, width, clip } = box(span);
    const guests = s.guests > 1 && span.width > GUESTS_MIN_SPAN;
    const label = text.fit(s.guestName, labelRoom(width, s.status !== 'no_show' && !span.clippedStart, guests));
    // Named by the guest (whole, when the label is cut); the title says the rest. Not a tab stop:
    // the grid's keyboard cursor reaches every night.
    const name = label === s.guestName ? '' : ` aria-label="${escapeHtml(s.guestName)}"`;
    html +=
      `<div role="button" tabindex="-1" class="bar bar-${s.status}${clip}${guests ? ' has-guests' : ''}" style="${css}" ` +
      `data-stay="${s.id}" data-testid="stay-bar-${s.id}" data-status="${s.status}" title="${escapeHtml(text.stayTitle(s))}"${name}>` +
      `${escapeHtml(label)}${guests ? `<span class="bar-guests" aria-hidden="true">${s.guests}</span>` : ''}</div>`;
  };
  for (const s of lane.stays) if (s.status === 'no_show') stay(s);
  for (const s of lane.stays) if (s.status !== 'no_show') stay(s);
  return html + markers;
}

/**
 * A stay with no nights as a marker (see noNightsSpan): no label (the guest's name is its accessible
 * name and its title), styled by status, opening the stay like any bar. It covers at most the start
 * of the right half of a column, so a click on the rest of the cell still books the free night.
 */
function noNightsMarker(s: BoardStay, view: BarsView, left: number, right: number, text: BarsText): string {
  const span = noNightsSpan(s.checkinDate, view.from, view.days, view.dayWidth);
  if (!span || span.left >= right || span.left + span.width <= left) return '';
  const { css } = box(span);
  return (
    `<div role="button" tabindex="-1" class="bar bar-${s.status} bar-no-nights" style="${css}" data-stay="${s.id}" ` +
    `data-testid="stay-bar-${s.id}" data-status="${s.status}" data-nights="0" title="${escapeHtml(text.stayTitle(s))}" ` +
    `aria-label="${escapeHtml(s.guestName)}"></div>`
  );
}
