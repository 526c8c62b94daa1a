/**
 * The appointments' timed work, run by the scheduler job (appointment-scheduler.ts): unpaid holds
 * that ran out, due reminders, and when to look again. One part of the appointments service.
 */
import { claimReminder, dueReminderIds, lapsedHoldIds, markAppointmentLapsed, nextDueMs } from '../../db/queries/appointment-due-queries';
import { REMINDER_MESSAGE } from '../../shared/contract/appointments';
import { commit } from '../commit';
import type { AppointmentKit } from './appointment-kit';

export function appointmentDueMethods(kit: AppointmentKit) {
  const { deps, db, settings, view, publish, mail } = kit;
  return {
    /** Unpaid pending bookings whose hold ran out: cancelled (`lapsed`), their seats free. Returns how many. */
    async lapseHolds(): Promise<number> {
      return await commit(deps, async (c) => {
        let lapsed = 0;
        // Guarded: a hold another server lapsed first is neither counted nor announced twice.
        for (const id of await lapsedHoldIds(db, c.nowMs, 500)) {
          if (!await markAppointmentLapsed(db, id, c.nowMs)) continue;
          await publish(c, 'lapsed', await view(id));
          lapsed++;
        }
        return lapsed;
      });
    },

    /**
     * Sends each due reminder once: the reminder is claimed (its `reminder_sent_ms` set), its
     * `booking_reminder` event held for COMMIT and its e-mail enqueued in one transaction, so a
     * restart never sends it again, and a host that was down at the due time sends it on its return
     * if the appointment has not begun.
     */
    async sendDueReminders(): Promise<number> {
      const leadMs = settings.get().appointmentReminderMinutes * 60_000;
      return await commit(deps, async (c) => {
        let sent = 0;
        for (const id of await dueReminderIds(db, c.nowMs, leadMs, 500)) {
          if (!await claimReminder(db, id, c.nowMs)) continue;
          const a = await view(id);
          c.publish({ type: 'appointment.reminder', appointment: a, message: REMINDER_MESSAGE });
          await mail(c, 'reminder', a);
          sent++;
        }
        return sent;
      });
    },

    /** When the scheduler should look again (a hold running out or a reminder falling due), if ever. */
    async nextDueMs(): Promise<number | undefined> {
      return await nextDueMs(db, deps.clock(), settings.get().appointmentReminderMinutes * 60_000);
    },
  };
}
