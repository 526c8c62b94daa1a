/** How `bench/run.ts` calls each benchmark. */
export interface BenchOptions {
  /** Measured runs (5; 2 with --quick). Figures are medians over the runs. */
  runs: number;
  /** Shorter runs, for development. */
  quick: boolean;
  log(line: string): void;
}
