/**
 * What main.tsx installs before the app runs, for store tests in Node: the words (the composition's
 * dictionaries) and the live map, so a store's change reloads exactly the views the app's would.
 * Import it after browser-globals.ts.
 */
import '../../renderer/src/composition/dictionaries';
import { LIVE_MAP } from '../../renderer/src/composition/live-map';
import { installLiveMap } from '../../renderer/src/stores/live-event-table';

installLiveMap(LIVE_MAP);
