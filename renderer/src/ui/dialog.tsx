/**
 * A modal on the native `<dialog>`: the browser keeps focus inside and Escape closes. Focus starts
 * on the element marked `data-autofocus` and returns to what opened the dialog (the board keeps its
 * keyboard cursor). With `onSubmit` the body and footer form one `<form>`, so Enter submits.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n/locale-store';

export interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  onSubmit?(): void;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}

export function Dialog({ title, onClose, children, footer, onSubmit, size = 'md', testId }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A stay bar can vanish while its dialog is open (cancelled); then its focusable container takes focus.
    const fallback = opener?.parentElement?.closest<HTMLElement>('[tabindex="0"]') ?? null;
    if (d && !d.open) d.showModal();
    // React's autoFocus runs before showModal, while the dialog is still hidden; focus afterwards.
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
      else if (fallback?.isConnected) fallback.focus();
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };

  const body = (
    <>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {onSubmit ? (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
