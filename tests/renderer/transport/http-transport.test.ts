import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardQuery, periodFromHash } from '../../../renderer/src/board/board-period';
import { earlyRequests, startEarlyGets } from '../../../renderer/src/transport/early-requests';
import { createHttpTransport } from '../../../renderer/src/transport/http-transport';
import { TransportError } from '../../../renderer/src/transport/transport';

const origin = 'http://desk.local:8080';
const bootRequests = (hash: string) => earlyRequests(origin, boardQuery(periodFromHash(hash)));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the HTTP transport and the boot script’s early answers', () => {
  it('answers a call from its early answer, read already, without asking again; the next same call asks', async () => {
    const fetch = vi.fn(async (url: string) => new Response(JSON.stringify({ asked: url, n: fetch.mock.calls.length })));
    vi.stubGlobal('fetch', fetch);
    startEarlyGets(bootRequests('#/board?from=2026-01-01&days=30'), 'token-a');
    const transport = createHttpTransport({ origin, getToken: () => 'token-a' });

    const board = (await transport.invoke('board:get', { from: '2026-01-01', days: 30 })) as unknown as { asked: string; n: number };
    expect(board).toEqual({ asked: `${origin}/api/v1/board?from=2026-01-01&days=30`, n: 3 });
    expect(fetch).toHaveBeenCalledTimes(3);

    const again = (await transport.invoke('board:get', { from: '2026-01-01', days: 30 })) as unknown as { n: number };
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(again.n).toBe(4);
  });

  it('refuses with a NETWORK error when the early answer’s body broke off', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.error(new TypeError('connection reset'));
              },
            }),
          ),
      ),
    );
    startEarlyGets(bootRequests('#/board?from=2026-02-01&days=30'), 'token-a');
    const transport = createHttpTransport({ origin, getToken: () => 'token-a' });
    const refused = transport.invoke('board:get', { from: '2026-02-01', days: 30 });
    await expect(refused).rejects.toBeInstanceOf(TransportError);
    await expect(refused).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
