/**
 * Cancelling shows its refund first: the host's quote by the hotel's policy on what was paid
 * (`GET /api/v1/bookings/:id/refund`), then the cancellation on a second, explicit click. The desk's
 * panel and a client's My appointments both use it.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { RefundQuoteSchema } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { useAppointmentsStore } from './appointments-store';

type Quote = z.infer<typeof RefundQuoteSchema>;

interface RefundConfirmProps {
  id: number;
  cancel(id: number): Promise<{ refundAmount: number }>;
  onDone(): void;
  onKeep(): void;
}

export function RefundConfirm({ id, cancel, onDone, onKeep }: RefundConfirmProps) {
  const t = useT();
  const f = useFormats();
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    useAppointmentsStore
      .getState()
      .refundQuote(id)
      .then(
        (q) => live && setQuote(q),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [id]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await cancel(id);
      toast('success', t('appt.cancelled', { refund: f.money(done.refundAmount) }));
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="confirm appt-refund" role="group" aria-label={t('appt.cancelTitle')} data-testid="appt-refund">
      <ErrorAlert error={error} testId="appt-refund-error" />
      {quote ? (
        <p className="strong" data-testid="appt-refund-amount" data-amount={quote.refundAmount}>
          {quote.paid === 0
            ? t('appt.refundNothingPaid')
            : t('appt.refundQuote', { refund: f.money(quote.refundAmount), percent: quote.percent, paid: f.money(quote.paid) })}
        </p>
      ) : error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <div className="button-row button-row-start">
        <button type="button" className="button button-danger" disabled={!quote || busy} onClick={() => void confirm()} data-testid="appt-cancel-confirm">
          {busy ? t('common.saving') : t('appt.cancelConfirm')}
        </button>
        <button type="button" className="button" onClick={onKeep} data-testid="appt-cancel-keep" data-autofocus>
          {t('appt.cancelKeep')}
        </button>
      </div>
    </div>
  );
}
