/** Shows the one open dialog, whichever screen opened it. */
import { lazy, Suspense } from 'react';
import { StaysExportDialog } from '../export/export-dialog';
import { useUiStore } from '../stores/ui-store';
import { BlockDialog } from '../stays/block-dialog';
import { BlockFormDialog } from '../stays/block-form-dialog';
import { BookingDialog } from '../stays/booking-dialog';
import { StayDetailsDialog } from '../stays/stay-details-dialog';

// Opened by a drag on the board: loaded on first use, so the board's first bundle stays as it was.
const DragChangeDialog = lazy(() => import('../stays/drag-change-dialog').then((m) => ({ default: m.DragChangeDialog })));

export function DialogHost() {
  const dialog = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.close);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'booking': return <BookingDialog key={`${dialog.roomId}-${dialog.checkin}-${dialog.checkout}`} roomId={dialog.roomId} checkin={dialog.checkin} checkout={dialog.checkout} onClose={close} />;
    case 'stay': return <StayDetailsDialog key={dialog.id} id={dialog.id} onClose={close} />;
    case 'block': return <BlockDialog block={dialog.block} roomNumber={dialog.roomNumber} onClose={close} />;
    case 'blockForm': return <BlockFormDialog block={dialog.block} roomId={dialog.roomId} onClose={close} />;
    case 'export': return <StaysExportDialog onClose={close} />;
    case 'stayDrag':
      return (
        <Suspense fallback={null}>
          <DragChangeDialog key={JSON.stringify(dialog)} change={dialog} onClose={close} />
        </Suspense>
      );
  }
}
