/** An appointment's status and its payment as small coloured labels in the desk's language. */
import type { Appointment } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';

export function ApptStatusPill({ status, testId }: { status: Appointment['status']; testId?: string }) {
  const t = useT();
  return (
    <span className={`pill appt-pill appt-status-${status}`} data-status={status} data-testid={testId}>
      {t(`appt.status.${status}`)}
    </span>
  );
}

export function PaymentPill({ appointment, testId }: { appointment: Pick<Appointment, 'paymentStatus' | 'paymentMethod'>; testId?: string }) {
  const t = useT();
  const { paymentStatus, paymentMethod } = appointment;
  return (
    <span className={`pill appt-pill appt-pay-${paymentStatus}`} data-payment={paymentStatus} data-testid={testId}>
      {t(`appt.payment.${paymentStatus}`)}
      {paymentStatus === 'paid' && paymentMethod ? ` · ${t(`appt.method.${paymentMethod}`)}` : ''}
    </span>
  );
}
