/**
 * The appointments' clockwork in the host: unpaid pending holds lapse when their time runs out, and
 * each reminder goes out once, the reminder lead time before the start. State lives in the database
 * (`hold_until_ms`, `reminder_sent_ms`), so a restart neither repeats a reminder nor loses one: on
 * start the scheduler looks at once, and sends every reminder that fell due while the host was down
 * (if the appointment has not begun). It sleeps until the next due instant (at most `maxSleepMs`),
 * and wakes early when an appointment changes.
 */
import type { AppointmentsService } from './appointments-service';
import type { CoreDeps } from '../context';

export interface AppointmentScheduler {
  /** Runs one round now (lapse, then reminders); returns what it did. */
  runOnce(): Promise<{ lapsed: number; reminded: number }>;
  /** No round starts after this; resolves once a round under way has ended (so the database may close). */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  maxSleepMs?: number;
  onError?: (error: unknown) => void;
}

export function startAppointmentScheduler(
  deps: Pick<CoreDeps, 'clock' | 'events'>,
  appointments: Pick<AppointmentsService, 'lapseHolds' | 'sendDueReminders' | 'nextDueMs'>,
  options: SchedulerOptions = {},
): AppointmentScheduler {
  const maxSleepMs = options.maxSleepMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** The round under way, if any: stop() waits for it, so it never meets a closed database. */
  let round: Promise<void> | undefined;

  const runOnce = async () => ({ lapsed: await appointments.lapseHolds(), reminded: await appointments.sendDueReminders() });

  const arm = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      round = tick().finally(() => (round = undefined));
    }, Math.max(10, Math.min(ms, maxSleepMs)));
    timer.unref();
  };

  async function tick() {
    timer = undefined;
    if (stopped) return;
    try {
      await runOnce();
    } catch (error) {
      // SQLITE_BUSY or a closing database: try again at the next round, never crash the host.
      options.onError?.(error);
    }
    let next: number | undefined;
    try {
      next = await appointments.nextDueMs();
    } catch {
      next = undefined;
    }
    arm(next === undefined ? maxSleepMs : next - deps.clock() + 5);
  }

  // A booking, move or payment may bring the next due time forward.
  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type === 'appointment.changed' || event.type === 'settings.changed') arm(20);
  });
  arm(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
