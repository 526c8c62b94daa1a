/**
 * The spike's Markdown report: one table per workload, medians over the repetitions, ratios taken
 * within each repetition (to A on SQLite, to raw pg on PostgreSQL), and the spread (min–max).
 */
import { fmt } from '../support/stats';
import type { Engine, Figures } from './figures';
import { PG_CANDIDATES, PG_PROBE_CANDIDATES } from './pg-phase';
import { SQLITE_CANDIDATES, SQLITE_PROBE_CANDIDATES } from './sqlite-phase';

const CANDIDATES: Record<Engine, readonly string[]> = { sqlite: SQLITE_CANDIDATES, postgres: PG_CANDIDATES };
const PROBE_CANDIDATES: Record<Engine, readonly string[]> = { sqlite: SQLITE_PROBE_CANDIDATES, postgres: PG_PROBE_CANDIDATES };
const BASE: Record<Engine, string> = { sqlite: 'A', postgres: 'raw pg' };
const STATEMENTS: Record<string, number> = { booking: 7, stock: 4 };

function writeTable(f: Figures, what: 'booking' | 'stock'): string[] {
  const rows = [
    `| engine | candidate | ${what}s/s (median) | spread | ratio to baseline | Node CPU µs/${what} | Δ Node CPU µs per statement vs baseline | server CPU µs/${what} |`,
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const engine of ['sqlite', 'postgres'] as const) {
    for (const c of CANDIDATES[engine]) {
      if (!f.values(what, engine, c, 'perSec').length) continue;
      const cpu = f.median(what, engine, c, 'cpuUsPerOp');
      const baseCpu = f.median(what, engine, BASE[engine], 'cpuUsPerOp');
      const server = f.median(what, engine, c, 'serverCpuUsPerOp');
      rows.push(`| ${engine} | ${c} | ${fmt(f.median(what, engine, c, 'perSec'))} | ${f.spread(what, engine, c, 'perSec', (n) => fmt(n))} | `
        + `${fmt(f.ratio(what, engine, c, BASE[engine], 'perSec'))} | ${fmt(cpu)} | ${c === BASE[engine] ? '—' : fmt((cpu - baseCpu) / STATEMENTS[what]!)} | `
        + `${Number.isNaN(server) ? '—' : fmt(server)} |`);
    }
  }
  return rows;
}

function boardTable(f: Figures): string[] {
  const rows = ['| engine | candidate | p50 | p99 (median over repetitions) | p50 ÷ the baseline p50 (A / raw pg; > 1 = slower) | spread of p50 |', '|---|---|---|---|---|---|'];
  for (const engine of ['sqlite', 'postgres'] as const) {
    for (const c of CANDIDATES[engine]) {
      if (!f.values('board', engine, c, 'p50').length) continue;
      const ratio = fmt(f.ratio('board', engine, c, BASE[engine], 'p50'));
      rows.push(`| ${engine} | ${c} | ${fmt(f.median('board', engine, c, 'p50'))} ms | ${fmt(f.median('board', engine, c, 'p99'))} ms | ${ratio} | `
        + `${f.spread('board', engine, c, 'p50', (n) => fmt(n))} ms |`);
    }
  }
  return rows;
}

function availabilityTable(f: Figures): string[] {
  const rows = [
    '| engine | candidate | mean µs/query | p50 µs | p99 µs | overhead vs baseline, µs/query (mean) | overhead (p50) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const engine of ['sqlite', 'postgres'] as const) {
    for (const c of PROBE_CANDIDATES[engine]) {
      if (!f.values('availability', engine, c, 'meanUs').length) continue;
      const m = f.median('availability', engine, c, 'meanUs');
      const base = f.median('availability', engine, BASE[engine], 'meanUs');
      const p50 = f.median('availability', engine, c, 'p50Us');
      const baseP50 = f.median('availability', engine, BASE[engine], 'p50Us');
      rows.push(`| ${engine} | ${c} | ${fmt(m)} | ${fmt(p50)} | ${fmt(f.median('availability', engine, c, 'p99Us'))} | `
        + `${c === BASE[engine] ? '—' : fmt(m - base)} | ${c === BASE[engine] ? '—' : fmt(p50 - baseP50)} |`);
    }
  }
  return rows;
}

export function report(f: Figures, facts: Record<string, string | number>): string {
  return [
    '## Storage-seam spike (issue 16 item 1)',
    '',
    ...Object.entries(facts).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '### Benchmark 1: booking transaction, 50 concurrent callers in process',
    '',
    ...writeTable(f, 'booking'),
    '',
    '### Benchmark 7: stock booking on one hot row, 50 concurrent callers in process',
    '',
    ...writeTable(f, 'stock'),
    '',
    '### Benchmark 3: board queries, 300 rooms × 90 days on 1 000 000 stays',
    '',
    ...boardTable(f),
    '',
    '### Benchmark 2: availability probe (the stay conflict query), sequential, per query',
    '',
    ...availabilityTable(f),
    '',
  ].join('\n');
}
