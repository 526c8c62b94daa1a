/**
 * The Dockerfile (issue 8 §6; compose.yaml: compose.test.ts). No Docker engine runs on this machine, so the image is
 * never built here: the Dockerfile is linted with dockerfilelint (from the npm registry, pinned, run
 * through npx as `npm run lint:docker` does), and its conventions are checked against the repo
 * itself — the Node major package.json pins, the runtime install without dev dependencies, the file
 * the server build writes (vite.server.config.ts) as what runs, with the desk host's V8 flags
 * (`HOST_EXEC_ARGV`, as `npm run serve` runs it), a non-root user, the data volume, the health check on
 * /health, the port from the environment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_EXEC_ARGV } from '../../electron/host-protocol';

const REPO = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(resolve(REPO, file), 'utf8');
const DOCKERFILE_LINT = 'dockerfilelint@1.8.0';

describe('the Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

  it('passes dockerfilelint (and the linter does refuse a bad one)', { timeout: 180_000 }, () => {
    const lint = (args: string[]) => spawnSync('npx', ['--yes', DOCKERFILE_LINT, ...args], { cwd: REPO, encoding: 'utf8', timeout: 170_000 });
    const good = lint(['Dockerfile']);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain('Issues: None found');
    const bad = lint(['FROM node\nRUN apt-get install curl']);
    expect(bad.status).not.toBe(0);
    expect(pkg.scripts['lint:docker']).toBe(`npx --yes ${DOCKERFILE_LINT} Dockerfile`);
  });

  it('builds on the official Node image of the pinned major, in two stages, the image without dev dependencies', () => {
    const major = /\d+/.exec(pkg.devDependencies.node!)![0];
    const froms = [...dockerfile.matchAll(/^FROM (\S+) AS (\w+)$/gm)].map((m) => [m[1], m[2]]);
    expect(froms).toEqual([
      [`node:${major}-bookworm-slim`, 'build'],
      [`node:${major}-bookworm-slim`, 'runtime'],
    ]);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toContain('RUN npm ci --omit=dev');
    expect(dockerfile).toMatch(/^RUN npm run build:renderer && npm run build:server$/m);
    expect(pkg.scripts['build:server']).toBe('vite build --config vite.server.config.ts');
  });

  it('runs what the server build writes, as a non-root user, with the data volume, the port from the environment and a health check', () => {
    const serverConfig = read('vite.server.config.ts');
    expect(serverConfig).toContain("const OUT_DIR = 'dist-server'");
    expect(serverConfig).toContain("const SERVE_ENTRY = { name: 'serve', input: 'core/serve.ts' };");
    expect(serverConfig).toContain('export default defineConfig(serverBuildConfig());');
    expect(dockerfile).toContain('COPY --from=build /app/dist-server ./dist-server');
    expect(dockerfile).toContain('COPY --from=build /app/dist/renderer ./dist/renderer');
    expect(dockerfile).toMatch(/^CMD \["node", "--max-semi-space-size=4", "--max-old-space-size=256", "--no-maglev", "--no-parallel-scavenge", "--no-memory-reducer", "dist-server\/serve\.cjs", "--lan"\]$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/FRONTDESK_DATA=\/data/);
    expect(dockerfile).toMatch(/FRONTDESK_PORT=8787/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD .*process\.env\.FRONTDESK_PORT.*\/health/m);
  });

  it("runs the server with the desk host's V8 flags (HOST_EXEC_ARGV), as `npm run serve` does", () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd.slice(1, -2)).toEqual([...HOST_EXEC_ARGV]);
    const serve = pkg.scripts.serve!.split('&&').at(-1)!.trim().split(/\s+/);
    expect(serve.slice(1, -1)).toEqual([...HOST_EXEC_ARGV]);
  });
});
