/** Shows the one open dialog, whichever screen opened it: its kind's entry in the dialog registry. */
import type { ReactNode } from 'react';
import { DIALOGS } from '../composition/dialogs';
import { useUiStore, type Dialog } from '../stores/ui-store';

export function DialogHost() {
  const dialog = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.close);
  if (!dialog) return null;
  // The registry's type ties each kind to its own entry; looked up by a kind only known at run time.
  const show = DIALOGS[dialog.kind] as (d: Dialog, close: () => void) => ReactNode;
  return show(dialog, close);
}
