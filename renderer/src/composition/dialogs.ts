/**
 * **The dialog registry: a domain's dialogs are one entry here.** Each domain declares the kinds it
 * owns (`<domain>/<domain>-dialog-kinds.ts`) and which dialog shows each (`<domain>-dialogs.tsx`); the
 * shell's dialog host (app/dialog-host.tsx) shows the open one from this list. The type refuses a
 * kind without a dialog.
 */
import { deskDialogs } from '../desk/desk-dialogs';
import { exportDialogs } from '../export/export-dialogs';
import type { DialogEntries } from '../ui/dialog-entries';
import { staysDialogs } from '../stays/stays-dialogs';

export const DIALOGS: Required<DialogEntries> = { ...staysDialogs, ...exportDialogs, ...deskDialogs };
