/**
 * Admin: the import center (docs/imports.md). Choose what to import and a CSV file → the columns,
 * guessed from the header, can be changed → a dry run lists every row's errors → import all or
 * nothing, or only the valid rows → the summary. The host parses and checks; this screen only shows,
 * with the run's progress as it goes and a cancel (docs/imports.md).
 */
import { useEffect, type ChangeEvent } from 'react';
import { IMPORT_KINDS, IMPORT_MODES, type ImportKind, type ImportRowError, type ImportSummary } from '../../../shared/contract/imports';
import { reasonText } from '../i18n/error-text';
import { useIntlLocale, useT } from '../i18n/locale-store';
import type { MessageKey } from '../i18n/translate';
import { ErrorAlert } from '../ui/error-alert';
import { Page } from '../ui/page';
import { choosesInDialog, useImportsStore } from './imports-store';

function Counts({ s }: { s: ImportSummary }) {
  const t = useT();
  const valid = s.rows - s.failed - s.unchanged;
  return <p data-testid="import-counts">{t('imports.previewCounts', { rows: s.rows, valid, unchanged: s.unchanged, failed: s.failed })}</p>;
}

function Mapping() {
  const t = useT();
  const { info, preview, mapping, running } = useImportsStore();
  const busy = running !== null;
  if (!info || !preview) return null;
  return (
    <section className="panel" aria-labelledby="import-mapping">
      <h2 id="import-mapping">{t('imports.mapping')}</h2>
      <table className="table" data-testid="import-mapping">
        <thead><tr><th>{t('imports.field')}</th><th>{t('imports.column')}</th></tr></thead>
        <tbody>
          {info.fields.map((f) => (
            <tr key={f.field}>
              <td>{f.field}{f.required ? <span className="muted"> ({t('imports.required')})</span> : null}</td>
              <td>
                <select value={mapping[f.field] ?? ''} disabled={busy} data-testid={`import-map-${f.field}`} aria-label={f.field}
                  onChange={(e) => void useImportsStore.getState().setColumn(f.field, e.target.value)}>
                  <option value="">{t('imports.notMapped')}</option>
                  {preview.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Preview() {
  const t = useT();
  const { preview, mode, running } = useImportsStore();
  const busy = running !== null;
  if (!preview) return null;
  return (
    <section className="panel" aria-labelledby="import-preview" data-testid="import-preview">
      <h2 id="import-preview">{t('imports.preview')}</h2>
      <Counts s={preview} />
      {preview.errors.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="import-errors">
            <thead><tr><th scope="col" className="num">{t('imports.row')}</th><th scope="col">{t('imports.column')}</th><th scope="col">{t('imports.error')}</th></tr></thead>
            <tbody>
              {preview.errors.map((e: ImportRowError, i) => (
                <tr key={i} data-testid={`import-error-${e.row}`}>
                  <td className="num">{e.row}</td><td>{e.column ?? ''}</td><td className="error-text">{reasonText(e, t) ?? e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p data-testid="import-no-errors">{t('imports.noErrors')}</p>}
      <fieldset>
        <legend>{t('imports.mode')}</legend>
        {IMPORT_MODES.map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="import-mode" value={m} checked={mode === m} data-testid={`import-mode-${m}`} onChange={() => useImportsStore.getState().setMode(m)} />
            {t(`imports.mode.${m}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button primary" disabled={busy} data-testid="import-run" onClick={() => void useImportsStore.getState().runImport()}>
        {t('imports.run')}
      </button>
    </section>
  );
}

function Result() {
  const t = useT();
  const { result } = useImportsStore();
  if (!result) return null;
  const text = result.committed ? t('imports.done', { created: result.created, unchanged: result.unchanged, failed: result.failed }) : t('imports.refused', { failed: result.failed });
  return <div role="status" className={result.committed ? 'alert alert-success' : 'alert alert-error'} data-testid="import-result">{text}</div>;
}

/** The run under way: what it has read, checked and written so far, and its cancel (a dry run or the import). */
function Running() {
  const t = useT();
  const locale = useIntlLocale();
  const { running, progress, cancelling } = useImportsStore();
  if (!running) return null;
  const n = (value: number) => value.toLocaleString(locale);
  const phase = progress?.phase === 'committing' ? t('imports.committing') : running === 'dryRun' ? t('imports.checking') : t('imports.importing');
  return (
    <div role="status" className="panel" data-testid="import-busy">
      <p>{phase}</p>
      <progress
        aria-label={phase}
        data-testid="import-progress"
        {...(progress?.totalBytes ? { max: progress.totalBytes, value: progress.bytes } : {})}
      />
      {progress ? (
        <p className="small" data-testid="import-progress-counts">
          {t('imports.progress', { rows: n(progress.rows), created: n(progress.created), unchanged: n(progress.unchanged), failed: n(progress.failed) })}
        </p>
      ) : null}
      <button type="button" className="button" disabled={cancelling} data-testid="import-cancel" onClick={() => void useImportsStore.getState().cancel()}>
        {cancelling ? t('imports.cancelling') : t('imports.cancel')}
      </button>
    </div>
  );
}

/** The file: the desktop's open dialog, or a browser's file field. */
function FileChoice() {
  const t = useT();
  const locale = useIntlLocale();
  const { kind, file, running } = useImportsStore();
  const desktop = choosesInDialog();
  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) await useImportsStore.getState().setFile({ name: chosen.name, bytes: chosen.size, blob: chosen });
  };
  const size = file ? (file.bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 }) : '';
  return (
    <>
      {desktop ? (
        <button type="button" className="button" disabled={running !== null} data-testid="import-choose" onClick={() => void useImportsStore.getState().chooseFile(t('imports.openTitle'))}>
          {t('imports.chooseFile')}
        </button>
      ) : (
        <label>
          {t('imports.file')}
          <input key={kind} type="file" accept=".csv,text/csv,text/plain" disabled={running !== null} data-testid="import-file" onChange={(e) => void chooseFile(e)} />
        </label>
      )}
      <p className="muted small" data-testid="import-file-name">{file ? t('imports.fileChosen', { name: file.name, size }) : t('imports.fileHint')}</p>
    </>
  );
}

export function ImportsScreen() {
  const t = useT();
  const { kind, running, cancelled, error } = useImportsStore();
  useEffect(() => void useImportsStore.getState().setKind(useImportsStore.getState().kind), []);
  return (
    <Page titleId="imports-title" title={t('imports.title')} testId="imports-screen">
      <div className="form-row">
        <label>
          {t('imports.kind')}
          <select value={kind} disabled={running !== null} data-testid="import-kind" onChange={(e) => void useImportsStore.getState().setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`imports.kind.${k}` as MessageKey)}</option>)}
          </select>
        </label>
        <FileChoice />
      </div>
      <Running />
      {cancelled ? <p role="status" data-testid="import-cancelled">{t('imports.cancelled')}</p> : null}
      <ErrorAlert error={error} testId="import-error" />
      <Result />
      <Mapping />
      <Preview />
    </Page>
  );
}
