/** A refusal shown where it happened (inside the dialog or form), announced to screen readers. */
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';

export function ErrorAlert({ error, testId = 'dialog-error' }: { error: unknown; testId?: string }) {
  const t = useT();
  if (error === null || error === undefined) return null;
  return (
    <div role="alert" className="alert alert-error" data-testid={testId}>
      {typeof error === 'string' ? error : errorText(error, t)}
    </div>
  );
}
