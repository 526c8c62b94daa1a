/** A stay status as a small coloured label in the desk's language. */
import type { StayStatus } from '../../../shared/rules/stay-rules';
import { useT } from '../i18n/locale-store';

export function StatusPill({ status, testId }: { status: StayStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`pill pill-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
