/**
 * For the benchmarks' tab tests (bare-tab.test.ts, static-copy.test.ts): a local HTTP server answering
 * with `handler`, and Debian's Chromium launched with a bare connection beside Playwright's
 * (bench/support/bare-tab.ts). Close it after the suite.
 */
import { createServer, type RequestListener } from 'node:http';
import { launchWithBare, type BareBrowser } from '../../bench/support/bare-tab';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';

export interface BarePages {
  /** The server's `http://127.0.0.1:<port>`. */
  origin: string;
  bare: BareBrowser;
  close(): Promise<void>;
}

export async function startBarePages(handler: RequestListener): Promise<BarePages> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const { browser, bare } = await launchWithBare({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    return {
      origin,
      bare,
      async close() {
        bare.close();
        await browser.close();
        await new Promise((r) => server.close(r));
      },
    };
  } catch (e) {
    await new Promise((r) => server.close(r));
    throw e;
  }
}
