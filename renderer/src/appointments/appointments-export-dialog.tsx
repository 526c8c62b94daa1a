/**
 * Appointments as CSV (the export registry's `appointments` export) in the shared export dialog
 * (export/export-dialog.tsx): the days of the start, and its own filters, status and kind.
 */
import { useState } from 'react';
import type { AppointmentKind, AppointmentStatus } from '../../../shared/contract/appointments';
import { ExportDialog } from '../export/export-dialog';
import { useT } from '../i18n/locale-store';
import { Field } from '../ui/field';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from './vocabulary';

export function AppointmentsExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [status, setStatus] = useState<AppointmentStatus | ''>('');
  const [kind, setKind] = useState<AppointmentKind | ''>('');

  return (
    <ExportDialog
      command="appointments:export"
      query={(choice) => ({ ...choice, ...(status ? { status } : {}), ...(kind ? { kind } : {}) })}
      title={t('appt.exportTitle')}
      testIdPrefix="appt-export"
      rangeHint={t('appt.exportRangeHint')}
      rangeOrderError={t('appt.rangeOrder')}
      onClose={onClose}
    >
      <Field label={t('appt.status')}>
        <select className="input" value={status} onChange={(e) => setStatus(e.target.value as AppointmentStatus | '')} data-testid="appt-export-status">
          <option value="">{t('appt.all')}</option>
          {APPOINTMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`appt.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('appt.kind')}>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value as AppointmentKind | '')} data-testid="appt-export-kind">
          <option value="">{t('appt.all')}</option>
          {APPOINTMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`appt.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
    </ExportDialog>
  );
}
