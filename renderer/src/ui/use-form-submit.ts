/**
 * What every form does on submit: mark it submitted (field errors show from then on), stop if it is
 * invalid or already sending, send, and keep the refusal to show. On success `busy` stays on — a
 * dialog closes, and its button must not take a second click meanwhile; a form that stays on screen
 * calls `reset()`.
 */
import { useState } from 'react';

export interface FormSubmit {
  submitted: boolean;
  busy: boolean;
  error: unknown;
  submit(): Promise<void>;
  /** A field's message, once the form has been submitted. */
  show(message: string | null): string | null;
  /** Back to a fresh form (after a success that keeps it on screen). */
  reset(): void;
}

export function useFormSubmit(invalid: boolean, send: () => Promise<void>): FormSubmit {
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    submitted,
    busy,
    error,
    async submit() {
      setSubmitted(true);
      if (invalid || busy) return;
      setBusy(true);
      setError(null);
      try {
        await send();
      } catch (e) {
        setError(e);
        setBusy(false);
      }
    },
    show: (message) => (submitted ? message : null),
    reset() {
      setSubmitted(false);
      setBusy(false);
    },
  };
}
