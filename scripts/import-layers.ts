/**
 * The imports that run back up the layers and the import circles, counted (issue 19 §1):
 * `npx tsx scripts/import-layers.ts` (add `--list` for each of them). The layers: scripts/import-graph.ts.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphCycles, importGraph, ourSources, upwardImports } from './import-graph';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const list = process.argv.includes('--list');
const sources = ourSources(root);
for (const [side, files] of Object.entries(sources)) {
  const upward = upwardImports(root, files).filter((line) => !line.startsWith('shared'));
  const show = (cycles: string[][]) => cycles.map((c) => c.map((p) => relative(root, p)).join(' → '));
  const loadTime = show(graphCycles(importGraph(files)));
  const withTypes = show(graphCycles(importGraph(files, true)));
  console.log(`${side}: ${upward.length} imports back up the layers, ${loadTime.length} circles at load time, ${withTypes.length} counting type-only imports`);
  if (list) for (const line of [...upward, ...loadTime.map((c) => `circle: ${c}`), ...withTypes.map((c) => `circle (types): ${c}`)]) console.log(`  ${line}`);
}
