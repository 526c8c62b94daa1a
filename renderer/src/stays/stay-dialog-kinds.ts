/**
 * The stays' dialogs any screen may open (the board, the worklists, a drag), by kind: what each needs.
 * Which component shows each is `stays-dialogs.tsx`. Type-only: import it as `import type {} from …`
 * where a kind is opened, so a Node type check sees the kinds too.
 */
import type { BoardBlock } from '../../../shared/contract/board';

declare module '../stores/ui-store' {
  interface Dialogs {
    booking: { roomId?: number; checkin?: string; checkout?: string };
    stay: { id: number };
    block: { block: BoardBlock; roomNumber: number };
    blockForm: { block?: BoardBlock; roomId?: number };
    /** A stay dragged on the board to another room (`roomId`) or to new dates: confirmed, with the price question. */
    stayDrag: { stayId: number; roomId?: number; checkin?: string; checkout?: string };
  }
}

export {};
