/**
 * The boot script: a separate small entry that index.html loads `async` beside the app's bundle
 * (vite.config.ts adds the tag), so in a browser served by the host it sends the session check,
 * settings and board requests as soon as it has arrived (see transport/early-requests.ts), and the
 * host works on the board while the browser still fetches and evaluates the app. The host serves
 * files and answers on one thread, so the board can hold up the last of the bundle; measured on
 * the benchmark's board, the requests still leave ~20 ms earlier than from inside the bundle, the
 * board arrives 20–30 ms earlier, and the desk is interactive as early or earlier. main.tsx imports
 * this module too, so the app shares its pending answers (one module instance) and a dev server,
 * which has no separate entry, still sends them. Only for a signed-in desk: the API wants the
 * session's token. Inside Electron (`window.frontdesk`, IPC) there is nothing to send.
 *
 * Then, in Electron too, it has the first-use costs of ICU (i18n/warm-intl.ts) and of the desk's
 * fonts (ui/warm-fonts.ts) paid while the page waits for the app's bundle or the board's answer,
 * rather than in the board's first render and layout. ICU's data load, the dearest, is the page's
 * next task (a 0 ms timer): a page still loading is not always given an idle period, and in an idle
 * callback it came, in 2 of 5 traced loads, only after the board's first paint, beside the first
 * click. The rest, one idle callback each: never ahead of work that is waiting (all of them
 * at once delayed the bundle's evaluation on a busy machine); run late, they cost next to nothing
 * (docs/benchmarks.md, issue 22, "§2 Benchmark 5" and the thirty-seventh pass).
 */
import { boardQuery, periodFromHash } from './board/board-period';
import { earlyRequests, startEarlyGets } from './transport/early-requests';
import { readStoredToken } from './transport/session-token';
import { startLang } from './i18n/stored-lang';
import { ICU_DATA_WARM_UP, INTL_IDLE_WARM_UPS } from './i18n/warm-intl';
import { warmFonts } from './ui/warm-fonts';
import { whenIdle } from './ui/when-idle';

const token = !window.frontdesk && /^https?:$/.test(window.location.protocol) ? readStoredToken() : null;
if (token) startEarlyGets(earlyRequests(window.location.origin, boardQuery(periodFromHash(window.location.hash))), token);
/** At the latest this long after the boot script ran, idle or not (by then they are nearly free). */
const WARM_UP_BY_MS = 2000;
const lang = startLang();
setTimeout(() => ICU_DATA_WARM_UP(lang), 0);
for (const step of INTL_IDLE_WARM_UPS) whenIdle(() => step(lang), WARM_UP_BY_MS);
whenIdle(warmFonts, WARM_UP_BY_MS);
