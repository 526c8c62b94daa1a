/**
 * Each outbox target's health (`outbox_target_health`, issue 20 item 2), shared by every server on
 * the database: the workers write it with each outcome, the outbox screen reads it. What it is for:
 * a target that answers again after failing for a while has its waiting messages pulled forward
 * (`recordTargetSuccess`), instead of each waiting out the back-off it grew during the outage; and
 * while it fails, one worker at a time may **probe** it with a waiting message (`claimProbe`).
 */
import type { Db } from '../database';

export interface TargetHealthRow {
  target: string;
  failingSinceMs: number | null;
  failures: number;
  lastError: string | null;
  lastFailureMs: number | null;
  lastSuccessMs: number | null;
  nextProbeMs: number | null;
  recoveredMs: number | null;
}

export async function listTargetHealth(db: Db): Promise<TargetHealthRow[]> {
  return await db.all<TargetHealthRow>(
    `SELECT target, failing_since_ms AS "failingSinceMs", failures, last_error AS "lastError", last_failure_ms AS "lastFailureMs",
       last_success_ms AS "lastSuccessMs", next_probe_ms AS "nextProbeMs", recovered_ms AS "recoveredMs"
     FROM outbox_target_health ORDER BY target`,
  );
}

/**
 * A transient failure (5xx, 408, 429, no answer): the target is failing from now (or still, since
 * its first failure), and its next probe is `probeDelayMs(failures)` away.
 */
export async function recordTargetFailure(db: Db, target: string, now: number, error: string, probeDelayMs: (failures: number) => number): Promise<void> {
  const row = await db.get<{ failures: number; failing: number | null }>(
    `SELECT failures, failing_since_ms AS failing FROM outbox_target_health WHERE target = ?`, target,
  );
  const failures = row?.failing != null ? Number(row.failures) + 1 : 1;
  await db.run(
    `INSERT INTO outbox_target_health (target, failing_since_ms, failures, last_error, last_failure_ms, next_probe_ms)
     VALUES (@target, @now, @failures, @error, @now, @probe)
     ON CONFLICT (target) DO UPDATE SET failing_since_ms = coalesce(outbox_target_health.failing_since_ms, excluded.failing_since_ms),
       failures = excluded.failures, last_error = excluded.last_error, last_failure_ms = excluded.last_failure_ms, next_probe_ms = excluded.next_probe_ms`,
    { target, now, failures, error, probe: now + probeDelayMs(failures) },
  );
}

/**
 * A success. If it ends a failing run that lasted at least `pullAfterMs`, the target's waiting
 * messages that back off past now are made due now (their order is the due query's: per record, oldest
 * first; their pace is the worker's); returns how many. Only the worker whose write ended the run
 * pulls (a guarded UPDATE). A short run pulls nothing: what failed in it waits little anyway, and a
 * message that fails on its own while the target answers the others keeps its own back-off. While
 * the target is up, its last success is written at most every `notedEveryMs` (no write per batch).
 */
export async function recordTargetSuccess(db: Db, target: string, now: number, pullAfterMs: number, notedEveryMs: number): Promise<number> {
  const row = await db.get<{ failing: number | null; success: number | null }>(
    `SELECT failing_since_ms AS failing, last_success_ms AS success FROM outbox_target_health WHERE target = ?`, target,
  );
  if (row?.failing == null) {
    if (row?.success != null && now - Number(row.success) < notedEveryMs) return 0;
    await db.run(
      `INSERT INTO outbox_target_health (target, failures, last_success_ms) VALUES (?, 0, ?)
       ON CONFLICT (target) DO UPDATE SET last_success_ms = excluded.last_success_ms`,
      target, now,
    );
    return 0;
  }
  const ended = (await db.run(
    `UPDATE outbox_target_health SET failing_since_ms = NULL, failures = 0, next_probe_ms = NULL, last_success_ms = @now, recovered_ms = @now
     WHERE target = @target AND failing_since_ms IS NOT NULL`,
    { target, now },
  )).changes === 1;
  if (!ended || now - Number(row.failing) < pullAfterMs) return 0;
  return (await db.run(`UPDATE outbox SET next_attempt_ms = @now WHERE target = @target AND status = 'pending' AND next_attempt_ms > @now`, { target, now })).changes;
}

/**
 * Takes the target's next probe, if it is failing and its probe is due: one worker of all wins, and
 * the next probe waits until `untilMs` (the probe's outcome then sets it). True for the winner.
 */
export async function claimProbe(db: Db, target: string, now: number, untilMs: number): Promise<boolean> {
  return (await db.run(
    `UPDATE outbox_target_health SET next_probe_ms = @until WHERE target = @target AND failing_since_ms IS NOT NULL AND next_probe_ms <= @now`,
    { target, now, until: untilMs },
  )).changes === 1;
}

/** Per target: pending messages, the oldest one's age and the next attempt due (the screen's line). */
export async function pendingByTarget(db: Db): Promise<{ target: string; pending: number; oldestMs: number; nextAttemptMs: number }[]> {
  return await db.all(
    `SELECT target, count(*) AS pending, min(created_ms) AS "oldestMs", min(next_attempt_ms) AS "nextAttemptMs"
     FROM outbox WHERE status = 'pending' GROUP BY target ORDER BY target`,
  );
}
