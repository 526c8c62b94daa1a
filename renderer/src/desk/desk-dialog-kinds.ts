/**
 * The desk's dialogs other screens open by kind: a worklist, from the board's counters. Which component
 * shows it is `desk-dialogs.tsx`. Type-only: import it as `import type {} from …` where the kind is
 * opened, so a Node type check sees it too.
 */
import type { WorklistName } from './worklist-store';

declare module '../stores/ui-store' {
  interface Dialogs {
    /** Today's arrivals, departures or guests in house, on the tab `list`. */
    worklist: { list: WorklistName };
  }
}

export {};
