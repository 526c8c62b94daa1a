/**
 * What a benchmark hands back, and how the run prints it: one table row per target (the ratio
 * first), then the extra figures. `docs/benchmarks.md` keeps its hand-written text; only the part
 * between the two markers is rewritten by a full run.
 */
import { readFileSync, writeFileSync } from 'node:fs';

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
}

export interface RunFacts {
  date: string;
  command: string;
  mode: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  chromium?: string;
  /** The benchmarks' PostgreSQL cluster (`PostgreSQL 15.18`), when a benchmark ran on it. */
  postgres?: string;
  durationSeconds: number;
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
    `- Machine: ${f.cores} cores (${f.cpu}), ${f.memory} RAM, ${f.os}`,
    `- Node ${f.node}, better-sqlite3 ${f.betterSqlite3}, SQLite ${f.sqlite}${f.postgres ? `, ${f.postgres}` : ''}${f.chromium ? `, ${f.chromium}` : ''}`,
  ].join('\n');
}

export function resultsMarkdown(results: BenchResult[], facts: RunFacts): string {
  const parts = [factsBlock(facts), '', resultTable(results), ''];
  const missed = misses(results);
  parts.push(missed.length ? `Missed targets:\n\n${missed.map((m) => `- ${m}`).join('\n')}` : 'Every target met.', '');
  for (const r of results) {
    parts.push(`#### ${r.id}. ${r.title}`, '');
    if (r.error) parts.push('```', r.error, '```', '');
    else parts.push(...r.figures.map((f) => `- ${f}`), '');
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
