/**
 * The transport for a browser on the LAN: REST calls built from each command's binding (the
 * generated command table: no zod on the way to the first paint), with the session's bearer token;
 * live events over the WebSocket at `/ws`; CSV exports fetched with the token and saved as a
 * download. The boot script's early answers are taken instead of asking again.
 */
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import { takeEarlyGet } from './early-requests';
import { buildExportUrl, buildHttpRequest, buildUploadUrl } from './http-request';
import { completeBody, errorFromResponse } from './http-response';
import { FORBIDDEN_CLOSE, liveSocketUrl, openLiveSocket, type LiveSocket } from './live-socket';
import { fileNameFrom, saveBlob } from './save-download';
import { refusalListeners, TransportError, type ExportOutcome, type Transport } from './transport';

export interface HttpTransportOptions {
  /** Where the API lives; the page's own origin when served by `npm run serve`. */
  origin: string;
  /** The session's bearer token; null sends none (signed out). */
  getToken?: () => string | null;
}

/** A sent request's answer; a request that never got one (or whose body broke off) is a NETWORK error. */
async function answer<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch {
    throw new TransportError('NETWORK', 'Cannot reach the desk server');
  }
}

// eslint-disable-next-line max-lines-per-function -- one transport's token, feed and listeners are one closure; its methods are each short
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { origin } = options;
  const token = () => options.getToken?.() ?? null;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => {
    const t = token();
    return t ? { ...extra, authorization: `Bearer ${t}` } : extra;
  };
  const refusals = refusalListeners();

  let socket: LiveSocket | null = null;
  const live = () => {
    socket ??= openLiveSocket({
      url: () => liveSocketUrl(origin),
      token,
      onRefused: (code) =>
        refusals.check(
          'live',
          code === FORBIDDEN_CLOSE ? new TransportError('PASSWORD_CHANGE_REQUIRED', 'Change your password first', 403) : new TransportError('UNAUTHENTICATED', 'The session has ended', 401),
        ),
    });
    return socket;
  };

  const send = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> => {
    // The boot script's GETs went out with the token stored then: take one only if that is still this call's token.
    const early = takeEarlyGet(name, input, token());
    let res: Response;
    let text: string;
    if (early) {
      ({ response: res, text } = await answer(early));
    } else {
      const req = buildHttpRequest(name, input, origin);
      const sendHeaders = headers(req.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' });
      res = await answer(fetch(req.url, { method: req.method, headers: sendHeaders, body: req.body }));
      text = await res.text();
    }
    if (!res.ok) throw errorFromResponse(res.status, text, res.headers);
    if (!text) return undefined as CommandOutput<K>;
    try {
      return JSON.parse(text) as CommandOutput<K>;
    } catch {
      throw new TransportError('INTERNAL', 'The server sent an unreadable answer', res.status);
    }
  };

  /** Fetches a CSV route with the token and hands it to the browser's downloads. */
  const download = async (command: string, url: string, fallbackName: string): Promise<ExportOutcome> => {
    try {
      const res = await answer(fetch(url, { headers: headers() }));
      if (!res.ok) throw errorFromResponse(res.status, await res.text(), res.headers);
      saveBlob(await completeBody(res), fileNameFrom(res.headers.get('content-disposition'), fallbackName));
      return 'downloaded';
    } catch (e) {
      refusals.check(command, e);
      throw e;
    }
  };

  return {
    kind: 'http',

    async invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
      try {
        return await send(name, input);
      } catch (e) {
        refusals.check(name, e);
        throw e;
      }
    },

    onEvent(listener) {
      return live().onEvent(listener);
    },

    onConnection(listener) {
      return live().onConnection(listener);
    },

    onRefusal(listener) {
      return refusals.on(listener);
    },

    setLive(on) {
      if (on) live().start();
      else socket?.stop();
    },

    async exportCsv(name, query) {
      // `stays:export` → `stays.csv`, in case the answer names no file.
      return download(name, buildExportUrl(name, query, origin), `${name.split(':')[0]}.csv`);
    },

    // The file as the body, which the browser streams from disk (core/api/upload-routes.ts).
    async importFile(name, input, file) {
      try {
        if (!file) throw new TransportError('VALIDATION', 'Choose a file to import first', 400, undefined, { reason: 'imports.noFile' });
        const res = await answer(fetch(buildUploadUrl(name, input, origin), { method: 'POST', headers: headers({ accept: 'application/json', 'content-type': 'text/csv' }), body: file }));
        const text = await res.text();
        if (!res.ok) throw errorFromResponse(res.status, text, res.headers);
        return JSON.parse(text) as never;
      } catch (e) {
        refusals.check(name, e);
        throw e;
      }
    },
  };
}
