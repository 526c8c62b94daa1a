import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandDef, commandNames } from '../../../shared/contract/commands';
import { boardQuery, periodFromHash } from '../../../renderer/src/board/board-period';
import { earlyRequests as earlyRequestsFor, startEarlyGets, takeEarlyGet } from '../../../renderer/src/transport/early-requests';
import { buildHttpRequest } from '../../../renderer/src/transport/http-request';

const origin = 'http://desk.local:8080';

/** The early requests of a page opened on `hash`, as the boot script sends them (boot.ts). */
const earlyRequests = (at: string, hash: string) => earlyRequestsFor(at, boardQuery(periodFromHash(hash)));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('earlyRequests', () => {
  it('sends exactly the commands the contract flags `boot`, at their own GET paths', () => {
    const early = earlyRequests(`${origin}/`, '');
    expect(early.map((e) => e.name).sort()).toEqual(commandNames.filter((n) => commandDef(n).boot).sort());
    for (const e of early) expect(e.url.startsWith(`${origin}${commandDef(e.name).http.path}`), e.name).toBe(true);
  });

  it('asks exactly what the HTTP transport would ask for the same calls', () => {
    for (const hash of ['', '#/board?from=2026-01-01&days=90', '#/board?days=30', '#/rooms']) {
      for (const early of earlyRequests(`${origin}/`, hash)) {
        expect(buildHttpRequest(early.name, early.input, origin)).toEqual({ method: 'GET', url: early.url });
      }
    }
  });

  it('asks the session check and the settings first, then the board for the period in the URL, or the default range from the hotel’s today', () => {
    expect(earlyRequests(origin, '#/board?from=2026-01-01&days=90').map((r) => r.url)).toEqual([
      `${origin}/api/v1/me`,
      `${origin}/api/v1/settings`,
      `${origin}/api/v1/board?from=2026-01-01&days=90`,
    ]);
    expect(earlyRequests(origin, '')[2]!.url).toBe(`${origin}/api/v1/board?days=14`);
  });
});

describe('startEarlyGets and takeEarlyGet', () => {
  it('sends each GET once, with the token, and hands its answer to the same call with the same token, once', async () => {
    // Each answer's body names the URL it answers, so a mix-up shows.
    const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async (url) => new Response(JSON.stringify({ url })));
    vi.stubGlobal('fetch', fetch);
    const requests = earlyRequests(origin, '#/board?from=2026-01-01&days=90');
    startEarlyGets(requests, 'token-a');
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(requests.map((r) => r.url));
    for (const [, init] of fetch.mock.calls) expect(init.headers).toMatchObject({ authorization: 'Bearer token-a' });

    expect(await takeEarlyGet('board:get', { from: '2026-01-01', days: 30 }, 'token-a')).toBeUndefined();
    const board = await takeEarlyGet('board:get', { from: '2026-01-01', days: 90 }, 'token-a');
    expect(board?.response.status).toBe(200);
    expect(JSON.parse(board!.text)).toEqual({ url: `${origin}/api/v1/board?from=2026-01-01&days=90` });
    expect(await takeEarlyGet('board:get', { from: '2026-01-01', days: 90 }, 'token-a')).toBeUndefined();
    expect(JSON.parse((await takeEarlyGet('settings:get', {}, 'token-a'))!.text)).toEqual({ url: `${origin}/api/v1/settings` });
  });

  it('reads each answer as soon as it arrives, before the app takes it', async () => {
    const responses: Response[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        responses.push(new Response('{"rooms":[]}'));
        return responses.at(-1)!;
      }),
    );
    startEarlyGets(earlyRequests(origin, '#/board?days=7'), 'token-a');
    await new Promise((r) => setImmediate(r));
    // Nobody has asked yet, and every body has been read: the app's first render finds the board ready.
    expect(responses).toHaveLength(3);
    for (const r of responses) expect(r.bodyUsed).toBe(true);
    expect((await takeEarlyGet('board:get', { days: 7 }, 'token-a'))?.text).toBe('{"rooms":[]}');
  });

  it('keeps an answer from a caller with another token, or none (signed in as someone else, or out)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    startEarlyGets(earlyRequests(origin, '#/board?days=7'), 'token-a');
    expect(await takeEarlyGet('board:get', { days: 7 }, 'token-b')).toBeUndefined();
    expect(await takeEarlyGet('settings:get', {}, null)).toBeUndefined();
    // Refused once is gone: a later caller with the right token asks again too.
    expect(await takeEarlyGet('board:get', { days: 7 }, 'token-a')).toBeUndefined();
  });

  it('lets an early request fail quietly when nobody takes it, and a body that breaks off fail the call that takes it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    startEarlyGets(earlyRequests(origin, '#/board?days=7'), 'token-a');
    // An unhandled rejection is reported once the microtasks of this turn have run: wait one turn.
    await new Promise((r) => setImmediate(r));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarlyGet('board:get', { days: 7 }, 'token-a')).rejects.toThrow('offline');

    const broken = () =>
      new ReadableStream({
        pull(controller) {
          controller.error(new TypeError('connection reset'));
        },
      });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(broken())));
    startEarlyGets(earlyRequests(origin, '#/board?days=7'), 'token-a');
    await new Promise((r) => setImmediate(r));
    await expect(takeEarlyGet('board:get', { days: 7 }, 'token-a')).rejects.toThrow('connection reset');
  });
});
