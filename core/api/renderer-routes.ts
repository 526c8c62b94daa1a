/**
 * The built renderer (`dist/renderer`) served to browsers on the LAN, with the single-page-app
 * fallback: a GET for an unknown page that accepts HTML gets index.html, while unknown API paths,
 * missing assets and other methods get the JSON 404. Without a built renderer, `/` says so in JSON.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NOT_FOUND_MESSAGE, sendError } from './error-handler';

const NOT_PAGES = /^\/(api|docs|ws)(\/|$)/;

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (NOT_PAGES.test(path)) return false;
  // `/assets/app-123.js` that does not exist is a 404, not the app.
  if (/\.[A-Za-z0-9]+$/.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Every file under `assets/` is named by its content's hash (vite's build), so a browser may keep it
 * for a year without asking again; a new build is new names, reached through index.html, which is
 * asked for again on every load (`no-cache`: answered 304 while it is unchanged). With @fastify/static's
 * default (`max-age=0`) a desk's every reload asked for each of the page's files again before it could
 * run them (docs/benchmarks.md, fortieth pass).
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerRenderer(app: FastifyInstance, rendererDir: string | undefined): Promise<void> {
  const built = rendererDir !== undefined && existsSync(join(rendererDir, 'index.html'));
  if (!built) {
    app.get('/', { schema: { hide: true } }, async () => ({
      name: 'Frontdesk API',
      docs: '/docs',
      note: 'The desk UI is not built here: run `npm run build:renderer`, then restart.',
    }));
    app.setNotFoundHandler((_request, reply) => sendError(reply, 404, NOT_FOUND_MESSAGE));
    return;
  }
  // One wildcard route: a file under the renderer folder is served, nothing outside it (@fastify/send
  // refuses `..`; dot-files are answered as missing). `wildcard: false` would glob the folder at start
  // and register a route per built file (112), which the server kept for its life: −0.9 MB PSS idle
  // (docs/benchmarks.md §4, twenty-seventh pass) for the same files served.
  const assets = join(rendererDir, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/',
    wildcard: true,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => (wantsPage(request) ? reply.sendFile('index.html') : sendError(reply, 404, NOT_FOUND_MESSAGE)));
}
