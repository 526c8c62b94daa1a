/**
 * The CSV export dialog every export with a dialog shares: delimiter, Excel's BOM, a date range, and
 * the domain's own filter fields (`children`, laid out beside the dates). In the desktop app the file
 * goes where the save dialog says; in a browser it downloads. The outcome is shown in the dialog.
 * The stays' export (`StaysExportDialog`, the board's) is here; another domain's is a few lines in its
 * own folder (`appointments/appointments-export-dialog.tsx`): its command, title, words and filters.
 */
import { DateInput } from '../ui/date-input';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useLocaleStore, useT } from '../i18n/locale-store';
import type { ExportCommand, ExportQuery } from '../transport/transport';
import { useExportStore } from './export-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';

/** What every export dialog asks: the file's shape and the range of days. */
export interface ExportChoice {
  delimiter: ',' | ';';
  bom: boolean;
  from?: string;
  to?: string;
}

export interface ExportDialogProps<K extends ExportCommand> {
  command: K;
  /** The export's query from the dialog's choice (its own filters added). */
  query(choice: ExportChoice): ExportQuery<K>;
  title: string;
  /** The prefix of every test id: `<prefix>-dialog`, `-submit`, `-result`, `-from`, `-to`, `-comma`, `-semicolon`, `-bom`. */
  testIdPrefix: string;
  rangeHint: string;
  /** What is wrong when the last day is before the first. */
  rangeOrderError: string;
  /** The range's fieldset legend; without one the dates and the filters stand in one grid. */
  rangeLegend?: string;
  /** The export's own filter fields, in the dates' grid. */
  children?: ReactNode;
  onClose(): void;
}

export function ExportDialog<K extends ExportCommand>({ command, query, title, testIdPrefix: p, rangeHint, rangeOrderError, rangeLegend, children, onClose }: ExportDialogProps<K>) {
  const t = useT();
  // Danish Excel expects semicolons; English Excel commas.
  const [delimiter, setDelimiter] = useState<',' | ';'>(useLocaleStore.getState().lang === 'da' ? ';' : ',');
  const [bom, setBom] = useState(true);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, outcome, error } = useExportStore();
  const radioName = useId();

  useEffect(() => {
    useExportStore.getState().reset();
    return () => useExportStore.getState().reset();
  }, []);

  const rangeError = from && to && to < from ? rangeOrderError : null;

  const submit = () => {
    if (busy || rangeError) return;
    void useExportStore.getState().run(query({ delimiter, bom, ...(from ? { from } : {}), ...(to ? { to } : {}) }), command);
  };

  const result =
    outcome === null ? null : outcome === 'downloaded' ? t('export.downloaded') : outcome.path === null ? t('export.cancelled') : t('export.saved', { path: outcome.path, rows: outcome.rows });

  const grid = (
    <div className="form-grid">
      <Field label={t('export.from')} hint={rangeHint}>
        <DateInput value={from} onChange={setFrom} testId={`${p}-from`} />
      </Field>
      <Field label={t('export.to')} error={rangeError}>
        <DateInput value={to} onChange={setTo} testId={`${p}-to`} />
      </Field>
      {children}
    </div>
  );

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      size="sm"
      testId={`${p}-dialog`}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || Boolean(rangeError)} data-testid={`${p}-submit`}>
            {busy ? t('export.working') : t('export.submit')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} />
      {result ? (
        <p className={`alert ${outcome !== 'downloaded' && outcome?.path === null ? 'alert-info' : 'alert-success'}`} role="status" data-testid={`${p}-result`}>
          {result}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('export.delimiter')}</legend>
        <label className="choice">
          <input type="radio" name={radioName} checked={delimiter === ','} onChange={() => setDelimiter(',')} data-testid={`${p}-comma`} />
          {t('export.comma')}
        </label>
        <label className="choice">
          <input type="radio" name={radioName} checked={delimiter === ';'} onChange={() => setDelimiter(';')} data-testid={`${p}-semicolon`} />
          {t('export.semicolon')}
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} data-testid={`${p}-bom`} />
        {t('export.bom')}
      </label>
      {rangeLegend ? (
        <fieldset className="fieldset">
          <legend>{rangeLegend}</legend>
          {grid}
        </fieldset>
      ) : (
        grid
      )}
    </Dialog>
  );
}

/** The board's export: stays for the accountants, headers and statuses in the desk's language (issue 10 item 12). */
export function StaysExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <ExportDialog
      command="stays:export"
      query={(choice) => ({ ...choice, lang: useLocaleStore.getState().lang })}
      title={t('export.title')}
      testIdPrefix="export"
      rangeHint={t('export.rangeHint')}
      rangeOrderError={t('validation.datesOrder')}
      rangeLegend={t('export.range')}
      onClose={onClose}
    />
  );
}
