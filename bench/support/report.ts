/**
 * What a benchmark hands back, and how the run prints it: one table row per target (the ratio
 * first), then the extra figures. `docs/benchmarks.md` keeps its hand-written text; only the part
 * between the two markers is rewritten by a full run, with two columns: the last quiet run and the
 * last loaded one (`--loaded`, support/background-load.ts), each with its load average.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadText, type LoadSummary } from './load-average';

export interface Check {
  /** What is measured, e.g. "throughput" or "p99 latency". */
  label: string;
  ours: string;
  anchor?: string;
  ratio?: string;
  /** e.g. "≥ 0.5", "≤ 30 ms". */
  target: string;
  /** null: measured, no target. */
  pass: boolean | null;
}

export interface BenchResult {
  id: number;
  title: string;
  checks: Check[];
  /** Further figures, one line each (p50/p99, RSS, loop delay, explain plans…). */
  figures: string[];
  error?: string;
  /** How loaded the machine was while this benchmark ran (set by run.ts). */
  load?: LoadSummary;
}

export interface RunFacts {
  date: string;
  command: string;
  mode: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  /** What a minor page fault cost this machine (support/page-faults.ts); absent from runs before the forty-second pass. */
  pageFault?: string;
  /** What the machine took from a running core (support/interruptions.ts); absent from runs before the forty-seventh pass. */
  interruptions?: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  chromium?: string;
  /** How the benchmarks' hosts ran (support/host-build.ts); absent from runs before the thirty-eighth pass (under tsx). */
  host?: string;
  /** The benchmarks' PostgreSQL cluster (`PostgreSQL 15.18`), when a benchmark ran on it. */
  postgres?: string;
  durationSeconds: number;
  /** `quiet`: nothing added; `loaded`: the background load ran beside every benchmark. */
  kind?: 'quiet' | 'loaded';
  /** What ran beside the benchmarks (`--loaded`), and how much work it did. */
  background?: string;
  /** The load average over the whole run. */
  load?: LoadSummary;
}

/** One run's results and facts, as bench/results/latest(-loaded).json keeps them. */
export interface RunRecord {
  facts: RunFacts;
  results: BenchResult[];
}

const PASS = 'pass';
const MISS = '**MISS**';

function passText(pass: boolean | null): string {
  return pass === null ? '—' : pass ? PASS : MISS;
}

function cell(text: string | undefined): string {
  return (text ?? '—').replace(/\|/g, '\\|');
}

export function resultTable(results: BenchResult[]): string {
  const lines = ['| # | benchmark | ours | anchor | ratio | target | pass |', '|---|---|---|---|---|---|---|'];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.id} | ${cell(r.title)} | — | — | — | — | **ERROR** |`);
      continue;
    }
    for (const c of r.checks) {
      lines.push(`| ${r.id} | ${cell(`${r.title}: ${c.label}`)} | ${cell(c.ours)} | ${cell(c.anchor)} | ${cell(c.ratio)} | ${cell(c.target)} | ${passText(c.pass)} |`);
    }
  }
  return lines.join('\n');
}

export function misses(results: BenchResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) out.push(`${r.id}. ${r.title}: did not run (${r.error.split('\n')[0]})`);
    for (const c of r.checks) if (c.pass === false) out.push(`${r.id}. ${r.title}: ${c.label} ${c.ours} (target ${c.target})`);
  }
  return out;
}

function factsBlock(f: RunFacts): string {
  return [
    `Run ${f.date} with \`${f.command}\` (${f.mode}, ${Math.round(f.durationSeconds)} s).`,
    '',
    `- Machine: ${f.cores} cores (${f.cpu}), ${f.memory} RAM, ${f.os}${f.pageFault ? `; ${f.pageFault}` : ''}${f.interruptions ? `; ${f.interruptions}` : ''}`,
    `- Node ${f.node}, better-sqlite3 ${f.betterSqlite3}, SQLite ${f.sqlite}${f.postgres ? `, ${f.postgres}` : ''}${f.chromium ? `, ${f.chromium}` : ''}`,
    ...(f.host ? [`- The benchmarks' host: ${f.host}`] : []),
    ...(f.load ? [`- While it ran: ${loadText(f.load)}${f.background ? `; beside it: ${f.background}` : '; nothing added (quiet)'}`] : []),
  ].join('\n');
}

function outcome(c: Check | undefined): string[] {
  if (!c) return ['—', '—', '—'];
  return [cell(c.ours), cell(c.ratio), passText(c.pass)];
}

/**
 * One table, both columns: each target's quiet and loaded figures side by side (a run that is
 * missing leaves its column empty), and each benchmark's load average in both.
 */
export function twoColumnTable(quiet: BenchResult[] | undefined, loaded: BenchResult[] | undefined): string {
  const lines = [
    '| # | benchmark | target | quiet | ratio | pass | loaded | ratio | pass |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const ids = [...new Set([...(quiet ?? []), ...(loaded ?? [])].map((r) => r.id))].sort((a, b) => a - b);
  const find = (rs: BenchResult[] | undefined, id: number) => rs?.find((r) => r.id === id);
  for (const id of ids) {
    const q = find(quiet, id);
    const l = find(loaded, id);
    const title = (q ?? l)!.title;
    const labels = [...new Set([...(q?.checks ?? []), ...(l?.checks ?? [])].map((c) => c.label))];
    for (const label of labels) {
      const qc = q?.checks.find((c) => c.label === label);
      const lc = l?.checks.find((c) => c.label === label);
      lines.push(`| ${id} | ${cell(`${title}: ${label}`)} | ${cell((qc ?? lc)!.target)} | ${outcome(qc).join(' | ')} | ${outcome(lc).join(' | ')} |`);
    }
    if (q?.error || l?.error) lines.push(`| ${id} | ${cell(title)} | — | — | — | ${q?.error ? '**ERROR**' : '—'} | — | — | ${l?.error ? '**ERROR**' : '—'} |`);
    const loadCell = (r: BenchResult | undefined) => (r?.load ? `${r.load.mean.toFixed(1)}${r.load.cpuPressure === undefined ? '' : ` (CPU pressure ${Math.round(r.load.cpuPressure)} %)`}` : '—');
    lines.push(`| ${id} | _load average while it ran_ | | ${loadCell(q)} | | | ${loadCell(l)} | | |`);
  }
  return lines.join('\n');
}

/** The results part of docs/benchmarks.md from the last quiet and the last loaded run. */
export function twoColumnMarkdown(quiet: RunRecord | undefined, loaded: RunRecord | undefined): string {
  const parts: string[] = [];
  if (quiet) parts.push('**Quiet** (nothing added):', '', factsBlock(quiet.facts), '');
  if (loaded) parts.push('**Loaded** (`--loaded`):', '', factsBlock(loaded.facts), '');
  parts.push(twoColumnTable(quiet?.results, loaded?.results), '');
  for (const [name, run] of [['quiet', quiet], ['loaded', loaded]] as const) {
    if (!run) continue;
    const missed = misses(run.results);
    parts.push(missed.length ? `Missed targets (${name}):\n\n${missed.map((m) => `- ${m}`).join('\n')}` : `Every target met (${name}).`, '');
  }
  for (const [name, run] of [['quiet', quiet], ['loaded', loaded]] as const) {
    if (!run) continue;
    parts.push(`### Figures of the ${name} run`, '');
    for (const r of run.results) {
      parts.push(`#### ${r.id}. ${r.title}${r.load ? ` (${loadText(r.load)})` : ''}`, '');
      if (r.error) parts.push('```', r.error, '```', '');
      else parts.push(...r.figures.map((f) => `- ${f}`), '');
    }
  }
  return parts.join('\n');
}

export const RESULTS_START = '<!-- bench:results:start (written by `npm run bench`) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** Replaces the results between the markers, keeping the hand-written text around them. */
export function writeResultsInto(docFile: string, markdown: string): void {
  const doc = readFileSync(docFile, 'utf8');
  const start = doc.indexOf(RESULTS_START);
  const end = doc.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`${docFile} lacks the results markers`);
  writeFileSync(docFile, `${doc.slice(0, start + RESULTS_START.length)}\n${markdown}\n${doc.slice(end)}`);
}

/** The table and the figures for a terminal. */
export function resultsText(results: BenchResult[]): string {
  const parts = [resultTable(results), ''];
  for (const r of results) {
    parts.push(`${r.id}. ${r.title}`);
    if (r.error) parts.push(`   ERROR: ${r.error}`);
    else parts.push(...r.figures.map((f) => `   - ${f}`));
  }
  const missed = misses(results);
  parts.push('', missed.length ? `MISSED (${missed.length}):\n${missed.map((m) => `  ✗ ${m}`).join('\n')}` : 'Every target met.');
  return parts.join('\n');
}
