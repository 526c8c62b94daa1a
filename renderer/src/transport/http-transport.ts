/**
 * The transport for a browser on the LAN: REST calls built from each command's binding, live events
 * over the WebSocket at `/ws`, and the CSV export as a download.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import { buildExportUrl, buildHttpRequest, errorFromResponse, liveSocketUrl } from './http-request';
import { openLiveSocket, type LiveSocket } from './live-socket';
import { TransportError, type ExportOutcome, type ExportQuery, type Transport } from './transport';

export interface HttpTransportOptions {
  /** Where the API lives; the page's own origin when served by `npm run serve`. */
  origin: string;
  /** A bearer token for the LAN API once sessions exist; null sends none. */
  getToken?: () => string | null;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
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
      const req = buildHttpRequest(name, input, origin);
      const res = await send(req.url, {
        method: req.method,
        headers: headers(req.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }),
        body: req.body,
      });
      const text = await res.text();
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
      const res = await send(buildExportUrl(query, origin), { headers: headers() });
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
