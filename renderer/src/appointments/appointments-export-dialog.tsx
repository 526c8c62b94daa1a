/**
 * Appointments as CSV (the export registry's `appointments` export): delimiter, Excel's BOM, the
 * days of the start, status and kind. A save dialog in the desktop app, a download in a browser.
 */
import { useState } from 'react';
import type { AppointmentKind, AppointmentStatus } from '../../../shared/contract/appointments';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { transport } from '../transport/current-transport';
import type { ExportOutcome } from '../transport/transport';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from './vocabulary';

export function AppointmentsExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [delimiter, setDelimiter] = useState<',' | ';'>(useLocaleStore.getState().lang === 'da' ? ';' : ',');
  const [bom, setBom] = useState(true);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<AppointmentStatus | ''>('');
  const [kind, setKind] = useState<AppointmentKind | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);

  const rangeError = from && to && to < from ? t('appt.rangeOrder') : null;

  const submit = async () => {
    if (busy || rangeError) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      setOutcome(
        await transport().exportCsv('appointments:export', {
          delimiter,
          bom,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(status ? { status } : {}),
          ...(kind ? { kind } : {}),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const result =
    outcome === null ? null : outcome === 'downloaded' ? t('export.downloaded') : outcome.path === null ? t('export.cancelled') : t('export.saved', { path: outcome.path, rows: outcome.rows });

  return (
    <Dialog
      title={t('appt.exportTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="appt-export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || Boolean(rangeError)} data-testid="appt-export-submit">
            {busy ? t('export.working') : t('export.submit')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} />
      {result ? (
        <p className={`alert ${outcome !== 'downloaded' && outcome?.path === null ? 'alert-info' : 'alert-success'}`} role="status" data-testid="appt-export-result">
          {result}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('export.delimiter')}</legend>
        <label className="choice">
          <input type="radio" name="appt-delimiter" checked={delimiter === ','} onChange={() => setDelimiter(',')} />
          {t('export.comma')}
        </label>
        <label className="choice">
          <input type="radio" name="appt-delimiter" checked={delimiter === ';'} onChange={() => setDelimiter(';')} />
          {t('export.semicolon')}
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
        {t('export.bom')}
      </label>
      <div className="form-grid">
        <Field label={t('export.from')} hint={t('appt.exportRangeHint')}>
          <input type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="appt-export-from" />
        </Field>
        <Field label={t('export.to')} error={rangeError}>
          <input type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="appt-export-to" />
        </Field>
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
      </div>
    </Dialog>
  );
}
