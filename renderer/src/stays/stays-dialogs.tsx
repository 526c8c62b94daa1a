/** The stays' entries in the dialog registry (composition/dialogs.ts): which dialog shows each kind. */
import { lazy, Suspense } from 'react';
import type { DialogEntries } from '../ui/dialog-entries';
import { BlockDialog } from './block-dialog';
import { BlockFormDialog } from './block-form-dialog';
import { BookingDialog } from './booking-dialog';
import type {} from './stay-dialog-kinds';
import { StayDetailsDialog } from './stay-details-dialog';

// Opened by a drag on the board: loaded on first use, so the board's first bundle stays as it was.
const DragChangeDialog = lazy(() => import('./drag-change-dialog').then((m) => ({ default: m.DragChangeDialog })));

export const staysDialogs = {
  booking: (d, close) => <BookingDialog key={`${d.roomId}-${d.checkin}-${d.checkout}`} roomId={d.roomId} checkin={d.checkin} checkout={d.checkout} onClose={close} />,
  stay: (d, close) => <StayDetailsDialog key={d.id} id={d.id} onClose={close} />,
  block: (d, close) => <BlockDialog block={d.block} roomNumber={d.roomNumber} onClose={close} />,
  blockForm: (d, close) => <BlockFormDialog block={d.block} roomId={d.roomId} onClose={close} />,
  stayDrag: (d, close) => (
    <Suspense fallback={null}>
      <DragChangeDialog key={JSON.stringify(d)} change={d} onClose={close} />
    </Suspense>
  ),
} satisfies DialogEntries;
