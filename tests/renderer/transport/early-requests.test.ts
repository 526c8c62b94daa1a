import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../shared/contract/commands';
import { EARLY_PATHS, earlyRequests, startEarlyGets, takeEarlyGet } from '../../../renderer/src/transport/early-requests';
import { buildHttpRequest } from '../../../renderer/src/transport/http-request';

const origin = 'http://desk.local:8080';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('earlyRequests', () => {
  it("writes out the contract's own paths for the board and the settings", () => {
    for (const [name, path] of Object.entries(EARLY_PATHS)) {
      expect(commands[name as keyof typeof EARLY_PATHS].http).toMatchObject({ method: 'GET', path });
    }
  });

  it('asks exactly what the HTTP transport would ask for the same calls', () => {
    for (const hash of ['', '#/board?from=2026-01-01&days=90', '#/board?days=30', '#/rooms']) {
      for (const early of earlyRequests(`${origin}/`, hash)) {
        expect(buildHttpRequest(early.name, early.input, origin)).toEqual({ method: 'GET', url: early.url });
      }
    }
  });

  it('asks for the period in the URL, or the default range from the hotel’s today', () => {
    expect(earlyRequests(origin, '#/board?from=2026-01-01&days=90').map((r) => r.url)).toEqual([
      `${origin}/api/v1/settings`,
      `${origin}/api/v1/board?from=2026-01-01&days=90`,
    ]);
    expect(earlyRequests(origin, '')[1]!.url).toBe(`${origin}/api/v1/board?days=14`);
  });
});

describe('startEarlyGets and takeEarlyGet', () => {
  it('sends each GET once and hands its answer to the same call, once', async () => {
    const answer = new Response('{}');
    const fetch = vi.fn<(url: string) => Promise<Response>>(async () => answer);
    vi.stubGlobal('fetch', fetch);
    const requests = earlyRequests(origin, '#/board?from=2026-01-01&days=90');
    startEarlyGets(requests);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(requests.map((r) => r.url));

    expect(takeEarlyGet('board:get', { from: '2026-01-01', days: 30 })).toBeUndefined();
    expect(await takeEarlyGet('board:get', { from: '2026-01-01', days: 90 })).toBe(answer);
    expect(takeEarlyGet('board:get', { from: '2026-01-01', days: 90 })).toBeUndefined();
    expect(await takeEarlyGet('settings:get', {})).toBe(answer);
  });

  it('lets an early request fail quietly when nobody takes it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    startEarlyGets(earlyRequests(origin, '#/board?days=7'));
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    await expect(takeEarlyGet('board:get', { days: 7 })).rejects.toThrow('offline');
  });
});
