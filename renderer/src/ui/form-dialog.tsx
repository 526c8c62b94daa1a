/**
 * A dialog that is one form: the refusal on top (kept in the dialog with everything typed), the
 * fields in the form grid, what goes under them (`below`), and Cancel + the submit button at the
 * foot. The add/change dialogs (cars, rooms, users, appointment providers and service rooms, stock,
 * a car's reservation, a block, timeslot generation) use it.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-store';
import { CancelSubmit } from './cancel-submit';
import { Dialog, type DialogProps } from './dialog';
import { ErrorAlert } from './error-alert';

interface FormDialogProps extends Omit<DialogProps, 'children' | 'footer' | 'onSubmit' | 'testId'> {
  onSubmit(): void;
  busy: boolean;
  /** The refusal to show, or null. */
  error: unknown;
  testId: string;
  submitTestId: string;
  /** What the submit button says; "Save" unless told. */
  submitLabel?: string;
  /** The submit button disabled for another reason too (nothing to do yet). */
  submitDisabled?: boolean;
  /** The refusal's own test id, where it has one (else ErrorAlert's `dialog-error`). */
  errorTestId?: string;
  /** The fields, laid out in the form grid. */
  children: ReactNode;
  /** Under the grid: a hint, a fieldset. */
  below?: ReactNode;
}

export function FormDialog({ busy, error, submitTestId, submitLabel, submitDisabled, errorTestId, children, below, ...dialog }: FormDialogProps) {
  const t = useT();
  const footer = <CancelSubmit onCancel={dialog.onClose} busy={busy} submitLabel={submitLabel ?? t('common.save')} submitTestId={submitTestId} disabled={submitDisabled} />;
  return (
    <Dialog {...dialog} footer={footer}>
      <ErrorAlert error={error} testId={errorTestId} />
      <div className="form-grid">{children}</div>
      {below}
    </Dialog>
  );
}
