/**
 * The pair of buttons every form ends with: Cancel, and the submit button that says "Saving…" and
 * stays disabled while the request is out (so a double click books once).
 */
import { useT } from '../i18n/locale-store';

interface CancelSubmitProps {
  onCancel(): void;
  busy: boolean;
  /** What the submit button says when idle ("Save", "Book"). */
  submitLabel: string;
  submitTestId: string;
  /** Disabled for another reason too (an invalid form). */
  disabled?: boolean;
  /**
   * What the first button says, where "Cancel" would be misread: in a stay's dialog, whose actions
   * include "Cancel stay", it goes back to the stay instead.
   */
  cancelLabel?: string;
}

export function CancelSubmit({ onCancel, busy, submitLabel, submitTestId, disabled = false, cancelLabel }: CancelSubmitProps) {
  const t = useT();
  return (
    <>
      <button type="button" className="button" onClick={onCancel} data-testid={`${submitTestId}-back`}>
        {cancelLabel ?? t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={disabled || busy} data-testid={submitTestId}>
        {busy ? t('common.saving') : submitLabel}
      </button>
    </>
  );
}
