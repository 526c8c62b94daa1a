/**
 * Where a drag on the board lands, as plain functions (no DOM, no React): the nights a book-drag
 * covers, the departure a resize-drag points at, and the dialog a drop opens (board-drag.ts).
 */
import type { BoardStay } from '../../../shared/contract/board';
import { addDays } from '../../../shared/time';
import type { BoardDay } from './board-layout';

export interface DragGeometry {
  days: readonly BoardDay[];
  dayWidth: number;
}

export type Drop =
  | { kind: 'book'; roomId: number; first: number; last: number }
  | { kind: 'move'; stay: BoardStay; toRoomId: number }
  | { kind: 'resize'; stay: BoardStay; checkoutDay: number };

/** The dialogs a drop opens (a subset of the ui-store's `Dialog`). */
export type DropDialog =
  | { kind: 'booking'; roomId: number; checkin: string; checkout: string }
  | { kind: 'stayDrag'; stayId: number; roomId?: number; checkin?: string; checkout?: string };

/** The nights a book-drag covers, from the night pressed to the night under the pointer (either way). */
export function bookRange(startDay: number, currentDay: number): { first: number; last: number } {
  return { first: Math.min(startDay, currentDay), last: Math.max(startDay, currentDay) };
}

/**
 * The departure day a resize-drag points at: the column whose middle is nearest to `x` (a bar ends
 * mid-column of its departure day), never before the night after arrival nor past the board's end.
 * Worked example, 40 px per day, arrival day 2: x 170 → day 4 (170 / 40 − 0.5 = 3.75 → 4); x 30 → day 3.
 */
export function resizeCheckoutDay(x: number, dayWidth: number, checkinDay: number, dayCount: number): number {
  const day = Math.round(x / dayWidth - 0.5);
  return Math.min(dayCount, Math.max(checkinDay + 1, day));
}

/** The dialog a finished drag opens, or null when the drop changes nothing. */
export function dropDialog(d: Drop, geometry: DragGeometry): DropDialog | null {
  const from = geometry.days[0]?.date;
  if (from === undefined) return null;
  switch (d.kind) {
    case 'book':
      return { kind: 'booking', roomId: d.roomId, checkin: addDays(from, d.first), checkout: addDays(from, d.last + 1) };
    case 'move':
      return d.toRoomId === d.stay.roomId ? null : { kind: 'stayDrag', stayId: d.stay.id, roomId: d.toRoomId };
    case 'resize': {
      const checkout = addDays(from, d.checkoutDay);
      return checkout === d.stay.checkoutDate ? null : { kind: 'stayDrag', stayId: d.stay.id, checkin: d.stay.checkinDate, checkout };
    }
  }
}

