/**
 * The benchmarks' host built as `npm run serve`'s server is (bench/vite.host.config.ts →
 * vite.server.config.ts's `serverBuildConfig`, bench/support/host-build.ts): the files it needs beside
 * it, none of tsx's per-file helpers in it, and its CPU profiles read back by source file
 * (bench/support/cpu-profile.ts `toSourcePositions`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSourcePositions } from '../../../bench/support/cpu-profile';
import { benchHostScript, benchHostText } from '../../../bench/support/host-build';

const repo = process.cwd();
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-host-'));
  const builder = await createBuilder({
    configFile: join('bench', 'vite.host.config.ts'),
    logLevel: 'silent',
    environments: { serve: { build: { outDir } }, exportWorker: { build: { outDir } }, importWorker: { build: { outDir } } },
  });
  await builder.buildApp();
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** 0-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, column: before.at(-1)!.length };
}

describe("the benchmarks' host build", () => {
  it('writes host-process.cjs with the export and import workers, the migrations and source maps beside it', () => {
    for (const file of ['host-process.cjs', 'export-worker.cjs', 'import-worker.cjs', 'host-process.cjs.map', join('migrations', 'sqlite', 'meta', '_journal.json')]) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
  });

  it("has none of tsx's keepNames helper: no `__name(…)` where a named function is made", () => {
    const bundle = readFileSync(join(outDir, 'host-process.cjs'), 'utf8');
    expect(bundle).toContain('function formatInstant(');
    expect(bundle).not.toMatch(/\b__name\(/);
  });

  it("gives a profile's frames in the bundle back their source file, line and column; others are left as they are", () => {
    const bundleFile = join(outDir, 'host-process.cjs');
    const at = positionOf(readFileSync(bundleFile, 'utf8'), 'function formatInstant(');
    const source = positionOf(readFileSync(join(repo, 'shared', 'time.ts'), 'utf8'), 'export function formatInstant(');
    const profile = toSourcePositions({
      nodes: [
        { id: 1, callFrame: { functionName: 'formatInstant', url: pathToFileURL(bundleFile).href, lineNumber: at.line, columnNumber: at.column } },
        { id: 2, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1, columnNumber: -1 } },
      ],
      samples: [1, 2],
      timeDeltas: [100, 100],
    });
    expect(profile.nodes[0]!.callFrame).toMatchObject({ url: pathToFileURL(join(repo, 'shared', 'time.ts')).href, lineNumber: source.line });
    expect(profile.nodes[1]!.callFrame).toEqual({ functionName: '(garbage collector)', url: '', lineNumber: -1, columnNumber: -1 });
  });

  it('runs the TypeScript sources under tsx when asked to, or for a checkout that has no host build', () => {
    expect(benchHostScript(repo, { BENCH_HOST_UNDER_TSX: '1' })).toEqual({ script: join(repo, 'bench', 'support', 'host-process.ts'), how: 'tsx' });
    const older = mkdtempSync(join(tmpdir(), 'frontdesk-old-checkout-'));
    try {
      expect(benchHostScript(older, {})).toEqual({ script: join(older, 'bench', 'support', 'host-process.ts'), how: 'tsx' });
      expect(benchHostText(older, {})).toMatch(/under tsx/);
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
    expect(benchHostText(repo, {})).toMatch(/built as/);
  });
});
