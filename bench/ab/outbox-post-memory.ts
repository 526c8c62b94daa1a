/**
 * What the outbox's HTTP client costs a process: 200 POSTs to a local receiver with the outbox's own
 * client (core/outbox/http-post.ts `nodeHttpPost`, Node's `http`) and with fetch (`fetchPost(fetch)`,
 * undici), each in a fresh process that has already answered and sent one request with `http` (as
 * the host has, serving its API), taking turns. Per process: the first POST's ms (fetch loads undici
 * then), RSS after the 200 (after two full GCs) and the high-water mark VmHWM.
 *
 *   npx tsx bench/ab/outbox-post-memory.ts [--turns 3]
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchPost, nodeHttpPost } from '../../core/outbox/http-post';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '3' }, child: { type: 'string' } } });
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const statusKb = (field: string) => Number(readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))![1]) * 1024;

async function child(mode: string): Promise<void> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/bills`;
  const post = mode === 'fetch' ? fetchPost(fetch) : nodeHttpPost;
  const once = async () => {
    const answer = await post(url, { headers: { 'Content-Type': 'application/json' }, body: '{"a":1}', signal: AbortSignal.timeout(5_000) });
    answer.discard();
  };
  // The host has sent with http before (its own API's answers): the same here, with http.
  await nodeHttpPost(url, { headers: {}, body: '{}', signal: AbortSignal.timeout(5_000) }).then((a) => a.discard());
  const t0 = performance.now();
  await once();
  const firstMs = performance.now() - t0;
  for (let i = 1; i < 200; i++) await once();
  await new Promise((r) => setTimeout(r, 300));
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  gc();
  console.log(JSON.stringify({ mode, firstMs, rss: process.memoryUsage().rss, hwm: statusKb('VmHWM') }));
  server.close();
}

if (values.child) await child(values.child);
else {
  const self = fileURLToPath(import.meta.url);
  for (let turn = 1; turn <= Number(values.turns); turn++) {
    for (const mode of ['http', 'fetch']) {
      const out = await new Promise<string>((resolve, reject) => {
        const p = fork(self, ['--child', mode], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
        let text = '';
        p.stdout!.on('data', (c: Buffer) => (text += c.toString()));
        p.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`child ${mode} exited ${code}`))));
      });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { mode: string; firstMs: number; rss: number; hwm: number };
      console.log(`turn ${turn} ${r.mode === 'http' ? "Node's http" : 'fetch      '}: first POST ${r.firstMs.toFixed(1)} ms, RSS after 200 ${mb(r.rss)} MB, VmHWM ${mb(r.hwm)} MB`);
    }
  }
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
}
