/** An import under way tells its progress as live events: the import center's store takes those of its own run. */
import type { LiveEntries } from '../stores/live-event-table';
import { useImportsStore } from './imports-store';

export const importsLive: LiveEntries = {
  'import.progress': { receive: (e) => useImportsStore.getState().receiveProgress(e) },
};
