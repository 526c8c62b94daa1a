/**
 * The transport for a browser on the LAN: REST calls built from each command's binding, live events
 * over the WebSocket at `/ws`, and the CSV export as a download. The request builders load the
 * contract (zod and every schema: ~20 ms of script on a desk PC), so they come in when first
 * needed or when the page is idle after the first answers, which the boot script asked for early.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import { whenIdle } from '../ui/when-idle';
import { takeEarlyGet } from './early-requests';
import type * as HttpRequest from './http-request';
import { errorFromResponse } from './http-response';
import { liveSocketUrl, openLiveSocket, type LiveSocket } from './live-socket';
import { TransportError, type ExportOutcome, type ExportQuery, type Transport } from './transport';

type RequestBuilders = typeof HttpRequest;
let builders: Promise<RequestBuilders> | null = null;

function requestBuilders(): Promise<RequestBuilders> {
  builders ??= import('./http-request');
  return builders;
}

/** Early answers taken but not yet read. */
let earlyInFlight = 0;
/** After the window in which the first answers are rendered and the desk's first click handled. */
const PRELOAD_DELAY_MS = 1000;

/**
 * Loads the builders once the early answers are all in and the page has settled. Not on the first
 * idle moment: that comes while the board is still on its way (the settings answer lands first), and
 * the contract's script then runs just after the board is painted, in the way of the first click.
 */
function preloadBuildersLater(): void {
  setTimeout(() => whenIdle(() => void requestBuilders(), 2000), PRELOAD_DELAY_MS);
}

export interface HttpTransportOptions {
  /** Where the API lives; the page's own origin when served by `npm run serve`. */
  origin: string;
  /** A bearer token for the LAN API once sessions exist; null sends none. */
  getToken?: () => string | null;
}

/** A sent request's answer; a request that never got one is a NETWORK error. */
async function answer(request: Promise<Response>): Promise<Response> {
  try {
    return await request;
  } catch {
    throw new TransportError('NETWORK', 'Cannot reach the desk server');
  }
}

function fileNameFrom(disposition: string | null): string {
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return m?.[1] ? decodeURIComponent(m[1]) : 'stays.csv';
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { origin } = options;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => {
    const token = options.getToken?.();
    return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
  };

  let socket: LiveSocket | null = null;
  const live = () => {
    socket ??= openLiveSocket(() => liveSocketUrl(origin));
    return socket;
  };

  return {
    kind: 'http',

    async invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
      // The boot script's GETs carry no token: take one only when this call would not send one either.
      const early = options.getToken?.() ? undefined : takeEarlyGet(name, input);
      let res: Response;
      let text: string;
      if (early) {
        earlyInFlight++;
        try {
          res = await answer(early);
          text = await res.text();
        } finally {
          earlyInFlight--;
        }
        if (earlyInFlight === 0) preloadBuildersLater();
      } else {
        const req = (await requestBuilders()).buildHttpRequest(name, input, origin);
        const sendHeaders = headers(req.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' });
        res = await answer(fetch(req.url, { method: req.method, headers: sendHeaders, body: req.body }));
        text = await res.text();
      }
      if (!res.ok) throw errorFromResponse(res.status, text);
      if (!text) return undefined as CommandOutput<K>;
      try {
        return JSON.parse(text) as CommandOutput<K>;
      } catch {
        throw new TransportError('INTERNAL', 'The server sent an unreadable answer', res.status);
      }
    },

    onEvent(listener) {
      return live().onEvent(listener);
    },

    onConnection(listener) {
      return live().onConnection(listener);
    },

    async exportStays(query: ExportQuery): Promise<ExportOutcome> {
      const res = await answer(fetch((await requestBuilders()).buildExportUrl(query, origin), { headers: headers() }));
      if (!res.ok) throw errorFromResponse(res.status, await res.text());
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameFrom(res.headers.get('content-disposition'));
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoking at once can cancel the download in some browsers; give it a moment.
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return 'downloaded';
    },
  };
}
