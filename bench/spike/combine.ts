/**
 * `npx tsx bench/spike/combine.ts <results-….json> …`: one report over several runs of run.ts. The
 * repetitions of every run are pooled (ratios still taken within each repetition), so the medians
 * cover every repetition of every run named.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Figure, Figures } from './figures';
import { report } from './report';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: combine.ts <results-….json> …');
const f = new Figures();
const facts: Record<string, string> = {};
files.forEach((file, i) => {
  const run = JSON.parse(readFileSync(file, 'utf8')) as { facts: Record<string, string>; figures: Figure[] };
  for (const x of run.figures) f.all.push({ ...x, rep: i * 1000 + x.rep });
  facts[`run ${i + 1}`] = `${basename(file)}: ${run.facts.mode}; uptime before "${run.facts.uptimeBefore}", after "${run.facts.uptimeAfter}"`;
  for (const k of ['machine', 'node', 'sqlite', 'versions', 'postgres', 'poolSize']) facts[k] = run.facts[k]!;
});
console.log(report(f, facts));
