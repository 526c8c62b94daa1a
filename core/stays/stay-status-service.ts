/**
 * Check-in, check-out, cancellation and no-show: legal transitions only (`applyAction`), each with
 * its billing message in the same transaction. A cancelled or no-show stay frees its room at once.
 */
import { getRoom, setRoomHousekeeping } from '../../db/queries/room-queries';
import { updateStayStatus } from '../../db/queries/stay-queries';
import type { Stay } from '../../shared/contract/schemas';
import { applyAction, type StayAction } from '../../shared/rules/stay-rules';
import type { Commit } from '../commit';
import { returnStayExtras } from '../stock/stock-stay-extras';
import { commitStayChange, requireStayRecord, type StayEventAction, type StayServiceDeps } from './stay-commit';

export interface StayTransitions {
  cancel(id: number): Stay;
  checkIn(id: number): Stay;
  /** Also marks the room dirty for housekeeping. */
  checkOut(id: number): Stay;
  noShow(id: number): Stay;
}

export function createStayTransitions(d: StayServiceDeps): StayTransitions {
  const db = d.core.sqlite;
  const transition = (id: number, action: StayAction, event: StayEventAction, after?: (roomId: number, c: Commit) => void) =>
    commitStayChange(d, event, (c) => {
      const stay = requireStayRecord(db, id);
      updateStayStatus(db, id, applyAction(action, stay.status), c.nowMs);
      after?.(stay.roomId, c);
      returnStayExtras(d, id, c);
      return id;
    });

  return {
    cancel: (id) => transition(id, 'cancel', 'cancelled'),
    checkIn: (id) => transition(id, 'check_in', 'checked_in'),
    noShow: (id) => transition(id, 'no_show', 'no_show'),
    checkOut(id) {
      return transition(id, 'check_out', 'checked_out', (roomId, c) => {
        setRoomHousekeeping(db, roomId, 'dirty', c.nowMs);
        const room = getRoom(db, roomId);
        if (room) c.publish({ type: 'room.changed', room });
      });
    },
  };
}
