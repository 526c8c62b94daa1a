/** Live events the board follows: anything that changes a night's cell. The board store coalesces a burst. */
import type { LiveEntries } from '../stores/live-event-table';
import { useBoardStore } from './board-store';

const reloadBoard = () => useBoardStore.getState().scheduleRefresh();

export const boardLive: LiveEntries = {
  'stay.changed': { receive: reloadBoard },
  'room.changed': { receive: reloadBoard },
  'block.changed': { receive: reloadBoard },
  reconnected: { receive: reloadBoard },
};
