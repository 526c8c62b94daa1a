/**
 * The benchmark's Chromium: Debian's build driven by playwright-core, headless, with the browser's
 * own omnibox popup switched off. Chromium 156 headless opens a window per browser context, and
 * each window loads the omnibox popup's WebUI (chrome://omnibox-popup.top-chrome: a renderer process
 * of its own and ~150 script modules) while the page under test loads. In a trace of one board
 * load that renderer took ~300 ms of CPU in the first second, on a machine with 2 cores: work of
 * the browser's UI, not of the page, which a desk's browser did once when its window opened.
 * Puppeteer leaves these two features off by default for the same reason.
 *
 * Chromium reads only the last `--disable-features` switch, and Playwright passes its own list: so
 * that list is read back from a first, throwaway launch (`Browser.getBrowserCommandLine`, which
 * answers only with `--enable-automation`), and the browser is launched with both lists in one.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const DISABLED_BROWSER_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const DISABLE_FEATURES = '--disable-features=';

/** Playwright's own `--disable-features` switch, as the browser received it (undefined when there is none). */
async function playwrightDisableFeatures(): Promise<string | undefined> {
  const probe = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-automation'], headless: true });
  try {
    const cdp = await probe.newBrowserCDPSession();
    const { arguments: argv } = (await cdp.send('Browser.getBrowserCommandLine')) as { arguments: string[] };
    return argv.find((a) => a.startsWith(DISABLE_FEATURES));
  } finally {
    await probe.close();
  }
}

export interface BenchChromium {
  browser: Browser;
  /** The switches the benchmark adds to Playwright's, for the report. */
  args: string[];
}

export async function launchBenchChromium(): Promise<BenchChromium> {
  const playwrights = await playwrightDisableFeatures();
  const features = [...(playwrights ? playwrights.slice(DISABLE_FEATURES.length).split(',') : []), ...DISABLED_BROWSER_FEATURES];
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `${DISABLE_FEATURES}${features.join(',')}`],
    ignoreDefaultArgs: playwrights ? [playwrights] : [],
    headless: true,
  });
  return { browser, args: [...CHROMIUM_ARGS, `${DISABLE_FEATURES}(Playwright's list +) ${DISABLED_BROWSER_FEATURES.join(',')}`] };
}
