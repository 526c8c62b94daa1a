/**
 * `npx tsx bench/spike/top-functions.ts <file.cpuprofile> [n]`: the functions with the most self time
 * in a V8 CPU profile (from `--cpu-prof`), and the total per script file, as text.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const [file, n = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: top-functions.ts <file.cpuprofile> [n]');
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map<string, number>();
const perFile = new Map<string, number>();
prof.samples.forEach((id, i) => {
  const f = byId.get(id)!.callFrame;
  const us = prof.timeDeltas[i] ?? 0;
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/frontdesk\/|^file:\/\/\/work\/wt\/[^/]+\//, '');
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  const pkg = where.split('/').slice(0, where.startsWith('@') ? 2 : 1).join('/') || f.functionName;
  perFile.set(pkg, (perFile.get(pkg) ?? 0) + us);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const show = (m: Map<string, number>, k: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`).join('\n');
console.log(`total ${(total / 1000).toFixed(0)} ms sampled\n\nby package / top folder:\n${show(perFile, 12)}\n\nby function (self time):\n${show(self, Number(n))}`);
