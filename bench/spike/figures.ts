/**
 * The spike's figures: every measured value kept per workload, engine, candidate and metric (one
 * value per repetition), summarised as medians. Ratios are taken within a repetition (candidate ÷
 * baseline of the same repetition), then their median, so runs on a busy machine compare fairly.
 */
export type Engine = 'sqlite' | 'postgres';

export interface Figure {
  workload: string;
  engine: Engine;
  candidate: string;
  metric: string;
  rep: number;
  value: number;
}

export class Figures {
  readonly all: Figure[] = [];
  readonly notes: string[] = [];

  add(workload: string, engine: Engine, candidate: string, rep: number, metrics: Record<string, number | undefined>): void {
    for (const [metric, value] of Object.entries(metrics)) {
      if (value !== undefined && Number.isFinite(value)) this.all.push({ workload, engine, candidate, metric, rep, value });
    }
  }

  values(workload: string, engine: Engine, candidate: string, metric: string): number[] {
    return this.all.filter((f) => f.workload === workload && f.engine === engine && f.candidate === candidate && f.metric === metric).map((f) => f.value);
  }

  median(workload: string, engine: Engine, candidate: string, metric: string): number {
    return medianOf(this.values(workload, engine, candidate, metric));
  }

  /** Median over repetitions of (candidate's value ÷ baseline's value in the same repetition). */
  ratio(workload: string, engine: Engine, candidate: string, baseline: string, metric: string): number {
    const base = new Map(this.all.filter((f) => f.workload === workload && f.engine === engine && f.candidate === baseline && f.metric === metric).map((f) => [f.rep, f.value]));
    const ratios = this.all
      .filter((f) => f.workload === workload && f.engine === engine && f.candidate === candidate && f.metric === metric && base.has(f.rep))
      .map((f) => f.value / base.get(f.rep)!);
    return medianOf(ratios);
  }

  /** Spread of a metric over the repetitions, for the report: "min–max". */
  spread(workload: string, engine: Engine, candidate: string, metric: string, fmt: (n: number) => string): string {
    const v = this.values(workload, engine, candidate, metric);
    return v.length ? `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}` : '—';
  }
}

export function medianOf(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
