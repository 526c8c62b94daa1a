/** The desk's entries in the dialog registry (composition/dialogs.ts). */
import { lazy, Suspense } from 'react';
import type { DialogEntries } from '../ui/dialog-entries';
import type {} from './desk-dialog-kinds';

// Loaded on the first click of a counter: the board's first bundle stays as it was.
const WorklistDialog = lazy(() => import('./worklist-dialog').then((m) => ({ default: m.WorklistDialog })));

export const deskDialogs = {
  worklist: (d, close) => (
    <Suspense fallback={null}>
      <WorklistDialog list={d.list} onClose={close} />
    </Suspense>
  ),
} satisfies DialogEntries;
