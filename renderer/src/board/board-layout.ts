/**
 * The tape chart's geometry, as plain functions (no DOM, no React): which rows, which days, where a
 * bar sits. The board renders only the rows in view, so everything per-room is indexed once per load.
 */
import type { BoardBlock, BoardStay } from '../../../shared/contract/board';
import type { Room } from '../../../shared/contract/rooms';
import { occupies } from '../../../shared/rules/stay-rules';
import { addDays, dayNumber, nightsBetween, parseDate } from '../../../shared/time';

export type GroupBy = 'floor' | 'category';

export const ROOM_LABEL_WIDTH = 156;
export const MIN_DAY_WIDTH = 34;
export const ROW_HEIGHT = 34;
export const GROUP_ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 56;

export interface BoardDay {
  date: string;
  index: number;
  weekend: boolean;
  today: boolean;
  /** First column of a month (or the first column at all): where the month band starts. */
  monthStart: boolean;
  /** On a `monthStart` column, how many columns that month has in the period (its name fits in them); else 0. */
  monthDays: number;
}

/** Day of week of an ISO date without `Date` parsing in the local zone: 0 = Sunday. */
function dayOfWeek(date: string): number {
  return (((nightsBetween('1970-01-04', date) % 7) + 7) % 7);
}

export function boardDays(from: string, days: number, today: string): BoardDay[] {
  const out: BoardDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = i === 0 ? from : addDays(from, i);
    const dow = dayOfWeek(date);
    out.push({ date, index: i, weekend: dow === 0 || dow === 6, today: date === today, monthStart: i === 0 || date.endsWith('-01'), monthDays: 0 });
  }
  let next = out.length;
  for (let i = out.length - 1; i >= 0; i--) {
    if (!out[i]!.monthStart) continue;
    out[i]!.monthDays = next - i;
    next = i;
  }
  return out;
}

export type BoardRow =
  | { kind: 'group'; key: string; groupBy: GroupBy; value: string; roomCount: number }
  | { kind: 'room'; key: string; room: Room };

/**
 * Rooms in display order with a header row before each group: by floor (then room number), or by
 * category (alphabetical, then room number).
 */
export function boardRows(rooms: readonly Room[], groupBy: GroupBy): BoardRow[] {
  const groupOf = (r: Room) => (groupBy === 'floor' ? String(r.floor) : r.category);
  const sorted = [...rooms].sort((a, b) => {
    if (groupBy === 'floor') return a.floor - b.floor || a.number - b.number;
    return a.category.localeCompare(b.category) || a.number - b.number;
  });
  const rows: BoardRow[] = [];
  let i = 0;
  while (i < sorted.length) {
    const value = groupOf(sorted[i]!);
    let j = i;
    while (j < sorted.length && groupOf(sorted[j]!) === value) j++;
    rows.push({ kind: 'group', key: `g:${value}`, groupBy, value, roomCount: j - i });
    for (let k = i; k < j; k++) rows.push({ kind: 'room', key: `r:${sorted[k]!.id}`, room: sorted[k]! });
    i = j;
  }
  return rows;
}

export function rowHeight(row: BoardRow): number {
  return row.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT;
}

/** The app header (48 px), the board's toolbar, today's counts and the legend, at desk widths. */
export const BOARD_CHROME_HEIGHT = 200;

/** The grid's border on each side, its keyboard focus ring (board-grid.css `.board-scroll`). */
export const GRID_FOCUS_BORDER = 2;

/**
 * The grid's inner height in a window `windowHeight` px tall, before anything is measured (see
 * board-viewport.ts): the window less the desk's chrome around the grid and the grid's border. E.g. 900 → 696.
 */
export function guessGridHeight(windowHeight: number): number {
  return Math.max(0, windowHeight - BOARD_CHROME_HEIGHT - 2 * GRID_FOCUS_BORDER);
}

/** The grid's inner width in a window `windowWidth` px wide, before anything is measured: the window less the grid's border. */
export function guessGridWidth(windowWidth: number): number {
  return Math.max(0, windowWidth - 2 * GRID_FOCUS_BORDER);
}

/** Column width that fills the visible width, but never narrower than a readable minimum. */
export function dayWidthFor(days: number, availableWidth: number): number {
  return Math.max(MIN_DAY_WIDTH, Math.floor((availableWidth - ROOM_LABEL_WIDTH) / Math.max(1, days)));
}

/**
 * The day column under a point `x` px right of the first day column, or null outside the days: the
 * board has no element per day, so a click finds its night this way. E.g. 40 px per day: x 0–39 is
 * day 0, x 85 is day 2.
 */
export function dayAtOffset(x: number, dayWidth: number, days: number): number | null {
  if (!(dayWidth > 0) || x < 0) return null;
  const day = Math.floor(x / dayWidth);
  return day < days ? day : null;
}

/** Columns a drawn range snaps to: scrolling sideways re-renders the rows once a week of columns. */
export const DRAWN_DAYS_STEP = 7;

/**
 * The day columns whose bars are drawn: the ones in view, widened to whole steps of
 * `DRAWN_DAYS_STEP` days, so a row holds the bars a user can see rather than the whole period, and
 * the range changes only when scrolling crosses a step. Worked example: 90 days of 34 px, 1444 px of
 * days in view (42.5 columns): at scrollLeft 0 days 0–42 are in view, drawn [0, 49); at 300 px
 * (day 8.8) days 8–51 are in view, drawn [7, 56).
 */
export function drawnDays(scrollLeft: number, viewWidth: number, dayWidth: number, days: number): { start: number; end: number } {
  const first = Math.max(0, Math.floor(scrollLeft / dayWidth));
  const last = Math.ceil((scrollLeft + Math.max(0, viewWidth)) / dayWidth);
  const start = Math.min(Math.floor(first / DRAWN_DAYS_STEP) * DRAWN_DAYS_STEP, days);
  const end = Math.min(days, Math.ceil(Math.max(last, first + 1) / DRAWN_DAYS_STEP) * DRAWN_DAYS_STEP);
  return { start, end };
}

export interface BarSpan {
  left: number;
  width: number;
  /** The bar continues before the first / after the last visible day: drawn with a square edge. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Where a stay's bar sits in a row, in px from the first day column, or null when it is out of view.
 * Half-day offsets: a bar starts in the middle of its arrival column and ends in the middle of its
 * departure column, so a same-day turnover shows two bars meeting mid-cell. Worked example, from =
 * 2026-05-01, 14 days, 40 px per day: a stay 2026-05-03 → 2026-05-05 covers [2.5·40, 4.5·40) =
 * left 100, width 80; a stay 2026-04-28 → 2026-05-02 is clipped at the start: left 0, width 60.
 */
export function barSpan(startDate: string, endDate: string, from: string, days: number, dayWidth: number): BarSpan | null {
  const first = dayOf(from);
  const start = (dayOf(startDate) - first + 0.5) * dayWidth;
  const end = (dayOf(endDate) - first + 0.5) * dayWidth;
  const max = days * dayWidth;
  if (end <= 0 || start >= max || end <= start) return null;
  const left = Math.max(0, start);
  const right = Math.min(max, end);
  return { left, width: right - left, clippedStart: start < 0, clippedEnd: end > max };
}

/** The most a stay with no nights takes of its column, in px (a 12 px marker between 2 px gaps). */
export const NO_NIGHTS_SPAN = 16;

/**
 * Where a stay with no nights sits (one that ended on its arrival day: a departure or a no-show that
 * day): a small marker at the start of the right half of its arrival column, where its first night
 * would have begun, or null when that day is out of view. It holds no night, so the night stays free
 * to book; over a stay that took the night since, it hides no more than that bar's status edge.
 * Worked example, from = 2026-05-01, 40 px per day: a stay 2026-05-03 → 2026-05-03 is left 100,
 * width 16 (at 20 px per day: left 50, width 10, half the column).
 */
export function noNightsSpan(date: string, from: string, days: number, dayWidth: number): BarSpan | null {
  const day = dayOf(date) - dayOf(from);
  if (day < 0 || day >= days) return null;
  return { left: (day + 0.5) * dayWidth, width: Math.min(dayWidth / 2, NO_NIGHTS_SPAN), clippedStart: false, clippedEnd: false };
}

const dayNumbers = new Map<string, number>();

/** Days since 1970 of a date, remembered: a board asks for the same few hundred dates thousands of times. */
function dayOf(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = dayNumber(parseDate(date));
    if (dayNumbers.size >= 10_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export interface RoomLane {
  stays: BoardStay[];
  blocks: BoardBlock[];
}

/** Stays and blocks by room id, each list in arrival order. Cancelled stays do not appear on the board. */
export function indexByRoom(stays: readonly BoardStay[], blocks: readonly BoardBlock[]): Map<number, RoomLane> {
  const lanes = new Map<number, RoomLane>();
  const lane = (roomId: number) => {
    let l = lanes.get(roomId);
    if (!l) {
      l = { stays: [], blocks: [] };
      lanes.set(roomId, l);
    }
    return l;
  };
  for (const s of stays) if (s.status !== 'cancelled') lane(s.roomId).stays.push(s);
  for (const b of blocks) lane(b.roomId).blocks.push(b);
  for (const l of lanes.values()) {
    l.stays.sort((a, b) => (a.checkinDate < b.checkinDate ? -1 : a.checkinDate > b.checkinDate ? 1 : a.id - b.id));
    l.blocks.sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1));
  }
  return lanes;
}

export type Occupant = { kind: 'stay'; stay: BoardStay } | { kind: 'block'; block: BoardBlock } | null;

/**
 * What holds the night that starts on `date` (the night `[date, date + 1)`): a stay that holds the
 * room, else a block, else nothing. A no-show does not hold the room, so its night can be re-let.
 */
export function occupantOfNight(lane: RoomLane | undefined, date: string): Occupant {
  if (!lane) return null;
  for (const s of lane.stays) {
    if (occupies(s.status) && s.checkinDate <= date && date < s.checkoutDate) return { kind: 'stay', stay: s };
  }
  for (const b of lane.blocks) {
    if (b.fromDate <= date && date < b.toDate) return { kind: 'block', block: b };
  }
  return null;
}

/**
 * The stay with no nights on `date` (arrived and left that day, or a no-show marked that day: see
 * noNightsSpan), if any: its marker sits in that day's cell, which is otherwise a free night. The
 * keyboard cursor names it and `O` opens it.
 */
export function noNightsStayOn(lane: RoomLane | undefined, date: string): BoardStay | undefined {
  return lane?.stays.find((s) => s.checkinDate === date && s.checkoutDate === date);
}

export interface ActiveCell {
  roomId: number;
  day: number;
}

/**
 * Keyboard movement over the grid: arrows by one, PageUp/PageDown by ten rooms, Home/End to the
 * first/last day. Returns the same cell when the key does not move (so callers can ignore it).
 */
export function moveCell(cell: ActiveCell, key: string, roomIds: readonly number[], days: number): ActiveCell {
  const row = Math.max(0, roomIds.indexOf(cell.roomId));
  const clampRow = (r: number) => Math.min(roomIds.length - 1, Math.max(0, r));
  const clampDay = (d: number) => Math.min(days - 1, Math.max(0, d));
  const at = (r: number, d: number): ActiveCell => ({ roomId: roomIds[clampRow(r)] ?? cell.roomId, day: clampDay(d) });
  switch (key) {
    case 'ArrowUp': return at(row - 1, cell.day);
    case 'ArrowDown': return at(row + 1, cell.day);
    case 'ArrowLeft': return at(row, cell.day - 1);
    case 'ArrowRight': return at(row, cell.day + 1);
    case 'PageUp': return at(row - 10, cell.day);
    case 'PageDown': return at(row + 10, cell.day);
    case 'Home': return at(row, 0);
    case 'End': return at(row, days - 1);
    default: return cell;
  }
}
