/**
 * How many records of one target this worker keeps in flight: **slow start**, as TCP's. A target
 * that answers runs at the worker's full width; one transient failure drops it to one record at a
 * time (a target that is down gets one attempt at a time, not sixteen), and each success doubles it
 * back: 1, 2, 4, 8, 16. So a backlog pulled forward when the target answers again (core/outbox/README.md)
 * goes out paced: a target that relapses at once costs one or two attempts, not the whole window.
 * In memory, per worker: each server paces its own sends.
 */
export interface TargetPace {
  /** Records of `target` this worker may have in flight now. */
  limit(target: string): number;
  success(target: string): void;
  failure(target: string): void;
}

export function createTargetPace(width: number): TargetPace {
  const slowed = new Map<string, number>();
  return {
    limit: (target) => slowed.get(target) ?? width,
    success(target) {
      const now = slowed.get(target);
      if (now === undefined) return;
      if (now * 2 >= width) slowed.delete(target);
      else slowed.set(target, now * 2);
    },
    failure(target) {
      slowed.set(target, 1);
    },
  };
}
