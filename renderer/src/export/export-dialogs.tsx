/** The export domain's entry in the dialog registry (composition/dialogs.ts). */
import type { DialogEntries } from '../ui/dialog-entries';
import { StaysExportDialog } from './export-dialog';
import type {} from './export-dialog-kinds';

export const exportDialogs = {
  export: (_d, close) => <StaysExportDialog onClose={close} />,
} satisfies DialogEntries;
