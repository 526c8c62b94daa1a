/**
 * Stays as CSV: delimiter, Excel's BOM, an optional date range. In the desktop app the file goes
 * where the save dialog says; in a browser it downloads. The outcome is shown in the dialog.
 */
import { DateInput } from '../ui/date-input';
import { useEffect, useState } from 'react';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { useExportStore } from './export-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';

export function ExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  // Danish Excel expects semicolons; English Excel commas.
  const [delimiter, setDelimiter] = useState<',' | ';'>(useLocaleStore.getState().lang === 'da' ? ';' : ',');
  const [bom, setBom] = useState(true);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, outcome, error } = useExportStore();

  useEffect(() => {
    useExportStore.getState().reset();
    return () => useExportStore.getState().reset();
  }, []);

  const rangeError = from && to && to < from ? t('validation.datesOrder') : null;

  const submit = () => {
    if (busy || rangeError) return;
    // Headers and statuses in the language the desk is using (the accountants' CSV, issue 10 item 12).
    void useExportStore.getState().run({ delimiter, bom, from: from || undefined, to: to || undefined, lang: useLocaleStore.getState().lang });
  };

  const result =
    outcome === null ? null : outcome === 'downloaded' ? t('export.downloaded') : outcome.path === null ? t('export.cancelled') : t('export.saved', { path: outcome.path, rows: outcome.rows });

  return (
    <Dialog
      title={t('export.title')}
      onClose={onClose}
      onSubmit={submit}
      size="sm"
      testId="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || Boolean(rangeError)} data-testid="export-submit">
            {busy ? t('export.working') : t('export.submit')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} />
      {result ? (
        <p className={`alert ${outcome !== 'downloaded' && outcome?.path === null ? 'alert-info' : 'alert-success'}`} role="status" data-testid="export-result">
          {result}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('export.delimiter')}</legend>
        <label className="choice">
          <input type="radio" name="delimiter" checked={delimiter === ','} onChange={() => setDelimiter(',')} data-testid="export-comma" />
          {t('export.comma')}
        </label>
        <label className="choice">
          <input type="radio" name="delimiter" checked={delimiter === ';'} onChange={() => setDelimiter(';')} data-testid="export-semicolon" />
          {t('export.semicolon')}
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} data-testid="export-bom" />
        {t('export.bom')}
      </label>
      <fieldset className="fieldset">
        <legend>{t('export.range')}</legend>
        <div className="form-grid">
          <Field label={t('export.from')} hint={t('export.rangeHint')}>
            <DateInput value={from} onChange={setFrom} testId="export-from" />
          </Field>
          <Field label={t('export.to')} error={rangeError}>
            <DateInput value={to} onChange={setTo} testId="export-to" />
          </Field>
        </div>
      </fieldset>
    </Dialog>
  );
}
