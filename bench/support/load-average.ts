/**
 * How loaded the machine was while each benchmark ran: the kernel's 1-minute load average, and where
 * the kernel has it, CPU pressure (`/proc/pressure/cpu`, "some avg10": the share of the last 10 s in
 * which a runnable task waited for a core). Sampled every 2 s for the whole run; each benchmark gets
 * the mean and the range of the samples taken while it ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface LoadSummary {
  /** 1-minute load average: mean of the samples, and its range. */
  mean: number;
  min: number;
  max: number;
  /** Mean CPU pressure in % ("some avg10"), when the kernel reports it. */
  cpuPressure?: number;
}

interface Sample {
  at: number;
  load: number;
  pressure?: number;
}

const PRESSURE_FILE = '/proc/pressure/cpu';

function cpuPressure(): number | undefined {
  if (!existsSync(PRESSURE_FILE)) return undefined;
  const m = /some avg10=([\d.]+)/.exec(readFileSync(PRESSURE_FILE, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

export interface LoadSampler {
  now(): number;
  /** The samples taken between two `now()`s (the nearest one when none fell between). */
  between(from: number, to: number): LoadSummary;
  stop(): void;
}

export function startLoadSampler(intervalMs = 2_000): LoadSampler {
  const samples: Sample[] = [];
  const take = () => {
    const pressure = cpuPressure();
    samples.push({ at: performance.now(), load: loadavg()[0]!, ...(pressure === undefined ? {} : { pressure }) });
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    now: () => performance.now(),
    between(from, to) {
      take();
      let inside = samples.filter((s) => s.at >= from && s.at <= to);
      if (inside.length === 0) inside = [samples.reduce((a, b) => (Math.abs(b.at - to) < Math.abs(a.at - to) ? b : a))];
      const loads = inside.map((s) => s.load);
      const pressures = inside.flatMap((s) => (s.pressure === undefined ? [] : [s.pressure]));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return {
        mean: mean(loads),
        min: Math.min(...loads),
        max: Math.max(...loads),
        ...(pressures.length ? { cpuPressure: mean(pressures) } : {}),
      };
    },
    stop: () => clearInterval(timer),
  };
}

export function loadText(s: LoadSummary): string {
  const range = s.min === s.max ? '' : ` (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  return `load average ${s.mean.toFixed(1)}${range}${s.cpuPressure === undefined ? '' : `, CPU pressure ${Math.round(s.cpuPressure)} %`}`;
}
