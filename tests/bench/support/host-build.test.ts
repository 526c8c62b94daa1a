/**
 * The benchmarks' host built as `npm run serve`'s server is (bench/vite.host.config.ts →
 * vite.server.config.ts's `serverBuildConfig`, bench/support/host-build.ts): the files it needs beside
 * it, none of tsx's per-file helpers in it, and its CPU profiles read back by source file
 * (bench/support/cpu-profile.ts `toSourcePositions`). Benchmark 12's process is built the same way
 * (bench/vite.outbox.config.ts), with the export worker the host lends for checkpoints beside it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSourcePositions } from '../../../bench/support/cpu-profile';
import { benchHostScript, benchHostText, OUTBOX_BUILD } from '../../../bench/support/host-build';

const repo = process.cwd();
let outDir: string;
let outboxDir: string;

/** `configFile`'s build into a new temporary folder. */
async function buildInto(configFile: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-build-'));
  const builder = await createBuilder({
    configFile,
    logLevel: 'silent',
    environments: { serve: { build: { outDir: dir } }, exportWorker: { build: { outDir: dir } }, importWorker: { build: { outDir: dir } } },
  });
  await builder.buildApp();
  return dir;
}

beforeAll(async () => {
  outDir = await buildInto(join('bench', 'vite.host.config.ts'));
  outboxDir = await buildInto(OUTBOX_BUILD.config);
}, 120_000);

afterAll(() => {
  for (const dir of [outDir, outboxDir]) rmSync(dir, { recursive: true, force: true });
});

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

describe("benchmark 12's process build", () => {
  it('writes amqp-outbox-process.cjs with the export worker and the migrations beside it, and none of tsx\'s helpers', () => {
    for (const file of ['amqp-outbox-process.cjs', 'export-worker.cjs', 'import-worker.cjs', join('migrations', 'sqlite', 'meta', '_journal.json')]) {
      expect(existsSync(join(outboxDir, file)), file).toBe(true);
    }
    const bundle = readFileSync(join(outboxDir, 'amqp-outbox-process.cjs'), 'utf8');
    expect(bundle).toContain('function createOutboxWorker(');
    expect(bundle).not.toMatch(/\b__name\(/);
  });

  it('runs its TypeScript source under tsx when asked to', () => {
    expect(benchHostScript(repo, { BENCH_HOST_UNDER_TSX: '1' }, OUTBOX_BUILD)).toEqual({ script: join(repo, 'bench', 'support', 'amqp-outbox-process.ts'), how: 'tsx' });
  });
});
