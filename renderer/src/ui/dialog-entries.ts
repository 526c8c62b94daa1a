/**
 * A domain's entries in the dialog registry (composition/dialogs.ts): for each of its kinds, the
 * dialog shown (`close` closes it). Apart from ui-store.ts so that the stores, which Node's type check
 * compiles, import no React types.
 */
import type { ReactNode } from 'react';
import type { DialogKind, DialogOf } from '../stores/ui-store';

export type DialogEntries = { readonly [K in DialogKind]?: (dialog: DialogOf<K>, close: () => void) => ReactNode };
