/**
 * A V8 CPU profile of the process it runs in (node:inspector's Profiler, sampling every 100 µs), over
 * a window the benchmark chooses, summed by where the code lives: the time a server spends in its
 * HTTP layer, the validation, the core, the PostgreSQL driver, reading the other servers' live
 * events… (benchmark 14 asks its servers for it: docs/benchmarks.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchChild } from './child-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, by its file (first match wins). */
const CATEGORIES: [string, RegExp][] = [
  ['live events from other servers', /db\/(live-event-listener|queries\/live-event-queries)\.ts/],
  ['PostgreSQL driver (pg)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//],
  ['validation and serialization (zod)', /node_modules\/(zod|fastify-type-provider-zod)\//],
  ['HTTP (Fastify, node:http, net)', /node_modules\/(fastify|find-my-way|@fastify|avvio|light-my-request|fast-json-stringify|secure-json-parse|toad-cache|abstract-logging)\/|^node:(_http|http|net|stream|internal\/(http|streams|net|stream_base))/],
  ['logging (pino)', /node_modules\/(pino|thread-stream|sonic-boom)/],
  ['Frontdesk db/ (engine, queries)', /\/db\//],
  ['Frontdesk core/ and shared/', /\/(core|shared)\//],
  ['other libraries', /node_modules\//],
];

export interface ProfileSummary {
  /** Each category's share of the busy samples (idle left out), 0–1. */
  shares: Record<string, number>;
  samples: number;
}

/**
 * Each sample goes to the category of the innermost frame on its stack that lives in a known place:
 * `JSON.parse` called by the pg driver is the driver's, a stream write under Fastify's reply is HTTP.
 * Samples count, not their time: on a loaded machine a sample's interval also holds the time the
 * process was not running at all, which would go to whatever frame it was preempted in.
 */
export function summarizeProfile(profile: Profile): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const { functionName, url } = nodes.get(id)!.callFrame;
    let category: string;
    if (functionName === '(garbage collector)') category = 'garbage collection';
    else if (functionName === '(program)') category = 'V8 and native code';
    else {
      const own = url.startsWith('node:') || url === '' ? undefined : CATEGORIES.find(([, re]) => re.test(url))?.[0];
      const up = parent.get(id);
      category = own ?? (up === undefined ? (url.startsWith('node:') ? 'Node internals (event loop, sockets, timers)' : 'other') : classify(up));
      if (category === 'other' && url.startsWith('node:')) category = 'Node internals (event loop, sockets, timers)';
    }
    categoryOf.set(id, category);
    return category;
  };
  const counts: Record<string, number> = {};
  let busy = 0;
  for (const id of profile.samples) {
    if (nodes.get(id)!.callFrame.functionName === '(idle)') continue;
    busy++;
    const c = classify(id);
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return { shares: Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / busy])), samples: busy };
}

/**
 * The built host (host-build.ts) runs bundles: each frame in one is given back the source file, line
 * and column it was built from (the bundle's source map), so the profile is summed, and read, by
 * source file as under tsx.
 */
export function toSourcePositions(profile: Profile): Profile {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string): SourceMap | null => {
    let map = maps.get(url);
    if (map === undefined) {
      const file = url.startsWith('file:') && url.endsWith('.cjs') ? `${fileURLToPath(url)}.map` : '';
      map = file && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
      maps.set(url, map);
    }
    return map;
  };
  for (const { callFrame: frame } of profile.nodes) {
    const map = mapOf(frame.url);
    if (!map || frame.lineNumber === undefined || frame.lineNumber < 0) continue;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!('originalSource' in entry) || !entry.originalSource) continue;
    frame.url = new URL(entry.originalSource, frame.url).href;
    frame.lineNumber = entry.originalLine;
    frame.columnNumber = entry.originalColumn;
  }
  return profile;
}

/**
 * Starts sampling this process (every `intervalUs`, default 100 µs); `stop()` ends it and sums the
 * profile. The whole profile (for Chrome's DevTools or a function-by-function look) is written to
 * `keepAt` if given, else to `BENCH_PROFILE_DIR` (`<pid>-<time>.cpuprofile`) if that is set.
 */
export async function startProfile(options: { keepAt?: string; intervalUs?: number } = {}): Promise<{ stop(): Promise<ProfileSummary> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: options.intervalUs ?? 100 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile: sampled } = (await session.post('Profiler.stop')) as { profile: Profile };
      session.disconnect();
      const profile = toSourcePositions(sampled);
      const dir = process.env.BENCH_PROFILE_DIR;
      const file = options.keepAt ?? (dir ? join(dir, `${process.pid}-${Date.now()}.cpuprofile`) : undefined);
      if (file) writeFileSync(file, JSON.stringify(profile));
      return summarizeProfile(profile);
    },
  };
}

/** Runs `run` while a benchmark's child (support/host-process.ts) samples its CPU; its summary beside the value. */
export async function whileProfiled<T>(child: BenchChild, run: () => Promise<T>): Promise<{ value: T; summary: ProfileSummary }> {
  await child.ask({ type: 'profile:start' }, 'profile:started');
  const value = await run();
  const summary = await child.ask<ProfileSummary & { type: string }>({ type: 'profile:stop' }, 'profile:done');
  return { value, summary };
}
