import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/http-client';

let dir: string;
let api: TestApi;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-renderer-'));
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const INDEX = '<!doctype html><title>Frontdesk</title><div id="root"></div>';
const html = { accept: 'text/html,application/xhtml+xml' };

describe('the built renderer', () => {
  beforeEach(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    api = await startTestApi({ server: { rendererDir: dir } });
  });

  it('serves index.html at / and the assets beside it', async () => {
    const index = await api.raw({ method: 'GET', url: '/', headers: html });
    expect(index.status).toBe(200);
    expect(index.text).toBe(INDEX);
    const asset = await api.raw({ method: 'GET', url: '/assets/app-1.js' });
    expect(asset.status).toBe(200);
    expect(String(asset.headers['content-type'])).toMatch(/javascript/);
  });

  it('answers a page URL the app routes itself (a browser reload) with index.html', async () => {
    const res = await api.raw({ method: 'GET', url: '/board/2026-05-01', headers: html });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
  });

  it('keeps the JSON 404 for unknown API paths, missing assets and non-browser clients', async () => {
    for (const url of ['/api/v1/nothing', '/assets/missing.js', '/docs/nothing']) {
      expect(await api.raw({ method: 'GET', url, headers: html })).toMatchObject({ status: 404, body: { error: 'Not found' } });
    }
    expect(await api.get('/board')).toMatchObject({ status: 404, body: { error: 'Not found' } });
  });

  it('never serves files outside the renderer folder, nor its dot-files', async () => {
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    for (const url of ['/../../../etc/passwd', '/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await api.raw({ method: 'GET', url, headers: html });
      expect(res.text, url).not.toContain('root:');
    }
    expect(await api.raw({ method: 'GET', url: '/.env' })).toMatchObject({ status: 404 });
  });

  it('lets a browser keep the hashed assets, and asks it to check index.html on every load', async () => {
    // As a browser loads the page: no Authorization header (a signed-in answer is never kept).
    const load = (url: string, headers: Record<string, string> = {}) => api.raw({ method: 'GET', url, as: 'anonymous', headers: { ...html, ...headers } });
    expect((await load('/assets/app-1.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await load('/');
    expect(index.headers['cache-control']).toBe('no-cache');
    // A reload of a page the app routes itself gets index.html the same way, so a new build is seen.
    expect((await load('/board/2026-05-01')).headers['cache-control']).toBe('no-cache');
    // Checked, it is answered 304 while unchanged.
    expect((await load('/', { 'if-none-match': String(index.headers.etag) })).status).toBe(304);
  });

  it('serves a file built after the server started (one route for the folder, not one per file)', async () => {
    writeFileSync(join(dir, 'assets', 'later-2.js'), 'console.log(2)');
    expect(await api.raw({ method: 'GET', url: '/assets/later-2.js' })).toMatchObject({ status: 200, text: 'console.log(2)' });
  });
});

describe('without a built renderer', () => {
  it('answers / with a short JSON note instead of failing', async () => {
    api = await startTestApi({ server: { rendererDir: join(dir, 'not-built') } });
    const res = await api.get<{ docs: string; note: string }>('/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ docs: '/docs', note: expect.stringContaining('build:renderer') });
    expect(await api.get('/whatever')).toMatchObject({ status: 404, body: { error: 'Not found' } });
  });
});
