/**
 * A tab with no test driver attached: Chromium's DevTools protocol spoken directly over the browser's
 * debugging port (`--remote-debugging-port`, see `launchWithBare`), asking only for what a timed load
 * needs — the Page domain (for the init scripts and the load event), the window's size, and one
 * `Runtime.evaluate` that awaits the page's own marks. Playwright, which drives every other step of
 * benchmark 5, attaches its instrumentation to every page of its contexts (the Network, Runtime and Log
 * domains' events, its utility world in each frame, a CSP bypass); a desk's browser has none of that.
 * Measured side by side (board-load-cpu.ts `--driver both`), the driver costs a load of the board
 * 30–100 ms of CPU across Chromium's processes, 30–40 of it in the page's renderer, and a bare tab is
 * interactive in 0.81–0.93 × the driven tab's time (docs/benchmarks.md, forty-first pass). Each tab is a
 * fresh browser context, as benchmark 5's are, closed with it.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { freePort } from '../../tests/support/postgres-cluster';

/**
 * Chromium launched by Playwright with its debugging port open too, and a bare connection to it: one
 * browser whose tabs either driver can open.
 */
export async function launchWithBare(options: LaunchOptions): Promise<{ browser: Browser; bare: BareBrowser }> {
  const port = await freePort();
  const browser = await chromium.launch({ ...options, args: [...(options.args ?? []), `--remote-debugging-port=${port}`] });
  try {
    return { browser, bare: await connectBare(port) };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

interface Reply {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface BareTab {
  /** Navigates and resolves once the page's load event has fired. */
  navigate(url: string): Promise<void>;
  /** The value of `expression` in the page, promises awaited (as Playwright's `page.evaluate` of a string). */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the tab, and its browser context when it had one of its own. */
  close(): Promise<void>;
}

export interface BareTabOptions {
  viewport: { width: number; height: number };
  /** Scripts run in every document before its own (`Page.addScriptToEvaluateOnNewDocument`). */
  initScripts: string[];
  /** Time the new window is given before the first navigation (see board-render-bench.ts). */
  settleMs: number;
  /**
   * `fresh` (the default): a new off-the-record browser context, closed with the tab — no HTTP cache and
   * no V8 code cache from any earlier load. `profile`: a tab of the browser's own profile (its default
   * context), which keeps what earlier loads left there, as a desk's everyday browser does.
   */
  context?: 'fresh' | 'profile';
}

export interface BareBrowser {
  openTab(options: BareTabOptions): Promise<BareTab>;
  close(): void;
}

/** Connects to a browser launched with `--remote-debugging-port=<port>`. */
/** The browser's DevTools address, asked until its debugging port answers (a few seconds at most). */
async function debuggerUrl(port: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
      return version.webSocketDebuggerUrl;
    } catch (e) {
      if (attempt >= 50) throw new Error(`no DevTools endpoint on port ${port}`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function connectBare(port: number): Promise<BareBrowser> {
  const ws = new WebSocket(await debuggerUrl(port));
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`no DevTools connection on port ${port}`));
  });
  let nextId = 0;
  const replies = new Map<number, (reply: Reply) => void>();
  const events = new Set<(reply: Reply) => void>();
  ws.onmessage = (message) => {
    const reply = JSON.parse(String(message.data)) as Reply;
    if (reply.id !== undefined) replies.get(reply.id)?.(reply);
    else for (const listener of events) listener(reply);
  };
  const send = (method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    const id = ++nextId;
    ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => {
      replies.set(id, (reply) => {
        replies.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      });
    });
  };
  const nextEvent = (method: string, sessionId: string): Promise<void> =>
    new Promise((resolve) => {
      const listener = (e: Reply) => {
        if (e.method !== method || e.sessionId !== sessionId) return;
        events.delete(listener);
        resolve();
      };
      events.add(listener);
    });

  return {
    async openTab(options) {
      const fresh = options.context !== 'profile';
      const { browserContextId } = fresh ? await send('Target.createBrowserContext', { disposeOnDetach: true }) : { browserContextId: undefined };
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', ...(browserContextId ? { browserContextId } : {}) });
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      await send('Page.enable', {}, sessionId);
      await send('Emulation.setDeviceMetricsOverride', { ...options.viewport, deviceScaleFactor: 1, mobile: false }, sessionId);
      for (const source of options.initScripts) await send('Page.addScriptToEvaluateOnNewDocument', { source }, sessionId);
      await new Promise((r) => setTimeout(r, options.settleMs));
      return {
        async navigate(url) {
          const loaded = nextEvent('Page.loadEventFired', sessionId);
          const { errorText } = (await send('Page.navigate', { url }, sessionId)) as { errorText?: string };
          if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
          await loaded;
        },
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
            result: { value: T };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          };
          if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          return result.value;
        },
        async close() {
          if (fresh) await send('Target.disposeBrowserContext', { browserContextId });
          else await send('Target.closeTarget', { targetId });
        },
      };
    },
    close: () => ws.close(),
  };
}
