/**
 * The appointments' scheduler stops cleanly: after stop() no round starts, and stop() resolves only
 * once a round under way has ended, so the host may close the database after it (a round that met a
 * closed PostgreSQL pool logged "failed, retrying" on every shutdown that came mid-round).
 */
import { describe, expect, it } from 'vitest';
import { startAppointmentScheduler } from '../../../core/appointments/appointment-scheduler';
import type { CoreDeps } from '../../../core/context';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the appointment scheduler', () => {
  it('waits for the round under way when stopped, and starts none after', async () => {
    const inRound = deferred();
    const release = deferred();
    let rounds = 0;
    const scheduler = startAppointmentScheduler(
      { clock: () => 0, events: { subscribe: () => () => undefined } as unknown as CoreDeps['events'] },
      {
        lapseHolds: async () => {
          rounds++;
          inRound.resolve();
          await release.promise;
          return 0;
        },
        sendDueReminders: async () => 0,
        nextDueMs: async () => undefined,
      },
      { maxSleepMs: 10 },
    );
    await inRound.promise;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(rounds).toBe(1);
  });
});
