/** A labelled form control with its hint and its own error line. */
import type { ReactNode } from 'react';

interface FieldProps {
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  wide?: boolean;
  /** A checkbox: the control sits before its label, on one line. */
  inline?: boolean;
}

export function Field({ label, children, hint, error, wide, inline }: FieldProps) {
  if (inline) {
    return (
      <label className={`field field-inline${error ? ' has-error' : ''}`}>
        <span className="choice">
          {children}
          <span className="field-label">{label}</span>
        </span>
        {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
      </label>
    );
  }
  return (
    <label className={`field${wide ? ' field-wide' : ''}${error ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error ? <span className="field-error">{error}</span> : hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}
