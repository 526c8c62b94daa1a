/** A labelled form control with its hint and its own error line. */
import type { ReactNode } from 'react';

interface FieldProps {
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  wide?: boolean;
}

export function Field({ label, children, hint, error, wide }: FieldProps) {
  return (
    <label className={`field${wide ? ' field-wide' : ''}${error ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}
