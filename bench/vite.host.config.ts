/**
 * The benchmarks' host (bench/support/host-process.ts) built as `npm run serve`'s server is
 * (vite.server.config.ts: one CommonJS bundle of our code, the pure-JavaScript packages in chunks
 * beside it, the workers and the migrations beside it), into bench/.cache/host-build/, with source
 * maps so a CPU profile is still read by source file (support/cpu-profile.ts). Built on demand by
 * support/host-build.ts, which looks for it in that folder.
 */
import { defineConfig } from 'vite';
import { serverBuildConfig } from '../vite.server.config.ts';

export default defineConfig(serverBuildConfig({ outDir: 'bench/.cache/host-build', entry: { name: 'host-process', input: 'bench/support/host-process.ts' }, sourcemap: true }));
