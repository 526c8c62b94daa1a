/**
 * Admin: the audit log — who did what to which record, when and from where — newest first. The
 * filters apply on submit; "Load more" pages back; Export CSV writes the same filter's entries.
 */
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/audit';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { actionLabel, auditActions, detailPairs } from './audit-actions';
import { auditRangeInvalid, EMPTY_AUDIT_FILTER, type AuditFilter } from './audit-query';
import { useAuditStore } from './audit-store';
import { ErrorAlert } from '../ui/error-alert';
import { DateInput } from '../ui/date-input';
import { Field } from '../ui/field';
import { Page } from '../ui/page';

function AuditRow({ e, instant, lang }: { e: AuditEntry; instant(iso: string): string; lang: 'en' | 'da' }) {
  const detail = detailPairs(e.detail);
  return (
    <tr data-testid={`audit-row-${e.id}`} data-action={e.action}>
      <td className="nowrap">{instant(e.at)}</td>
      <td className="strong">{e.actor}</td>
      <td>{e.role}</td>
      <td title={e.action} data-testid="audit-action">
        {actionLabel(e.action, lang)}
      </td>
      <td>
        {e.entity}
        {e.entityId ? <span className="muted"> #{e.entityId}</span> : null}
      </td>
      <td className="audit-detail" title={e.detail}>
        {typeof detail === 'string' ? (
          detail
        ) : (
          <ul className="audit-pairs" data-testid="audit-detail">
            {detail.map((p) => (
              <li key={p.key}>
                <span className="muted">{p.key}:</span> {p.value}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="nowrap">
        {e.via}
        {e.address ? <div className="muted small">{e.address}</div> : null}
      </td>
    </tr>
  );
}

// eslint-disable-next-line max-lines-per-function -- the audit log's filter form, table and export share the screen's filter state
export function AuditScreen() {
  const t = useT();
  const f = useFormats();
  const lang = useLocaleStore((s) => s.lang);
  const { entries, nextBeforeId, loaded, loading, error, exporting, exportOutcome, exportError } = useAuditStore();
  const [draft, setDraft] = useState<AuditFilter>(() => useAuditStore.getState().filter);
  const rangeInvalid = auditRangeInvalid(draft);

  useEffect(() => {
    useAuditStore.getState().load().catch(() => undefined);
  }, []);

  const apply = (filter: AuditFilter) => {
    if (auditRangeInvalid(filter)) return;
    useAuditStore.getState().load(filter).catch(() => undefined);
  };
  const field = (key: keyof AuditFilter, label: string, type = 'text') => (
    <Field label={label} error={key === 'to' && rangeInvalid ? t('validation.datesOrder') : null}>
      {type === 'date' ? (
        <DateInput value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} testId={`audit-filter-${key}`} />
      ) : (
        <input type={type} className="input" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`audit-filter-${key}`} />
      )}
    </Field>
  );
  const exportResult =
    exportOutcome === null ? null : exportOutcome === 'downloaded' ? t('export.downloaded') : exportOutcome.path === null ? t('export.cancelled') : t('export.saved', { path: exportOutcome.path, rows: exportOutcome.rows });

  return (
    <Page
      titleId="audit-title" title={t('audit.title')} testId="audit-screen"
      head={
        <>
          <span className="muted">{t('audit.shown', { n: entries.length })}</span>
          <button
            type="button"
            className="button push-right"
            disabled={exporting}
            // Danish Excel expects semicolons; English Excel commas.
            onClick={() => void useAuditStore.getState().exportCsv({ delimiter: useLocaleStore.getState().lang === 'da' ? ';' : ',', bom: true })}
            data-testid="audit-export"
          >
            {exporting ? t('export.working') : t('audit.export')}
          </button>
        </>
      }
    >
      {exportResult ? (
        <p className="alert alert-success" role="status" data-testid="audit-export-result">
          {exportResult}
        </p>
      ) : null}
      <ErrorAlert error={exportError} testId="audit-export-error" />
      <form
        className="panel fieldset settings-section audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
        aria-label={t('audit.filters')}
      >
        <div className="form-grid form-grid-5">
          {field('actor', t('audit.who'))}
          <Field label={t('audit.action')}>
            <select className="input" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} data-testid="audit-filter-action">
              <option value="">{t('audit.anyAction')}</option>
              {auditActions(lang).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          </Field>
          {field('entity', t('audit.record'))}
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
        </div>
        <div className="button-row button-row-start">
          <button type="submit" className="button button-primary" disabled={rangeInvalid} data-testid="audit-apply">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTER);
              apply(EMPTY_AUDIT_FILTER);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} testId="audit-error" />
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.role')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.record')}</th>
              <th scope="col">{t('audit.details')}</th>
              <th scope="col">{t('audit.via')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <AuditRow key={e.id} e={e} instant={f.instant} lang={lang} />
            ))}
          </tbody>
        </table>
        {loaded && entries.length === 0 ? <p className="muted panel-center">{t('audit.empty')}</p> : null}
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </div>
      <div className="button-row button-row-start">
        {nextBeforeId !== null ? (
          <button type="button" className="button" disabled={loading} onClick={() => void useAuditStore.getState().loadMore().catch(() => undefined)} data-testid="audit-more">
            {loading ? t('common.loading') : t('audit.loadMore')}
          </button>
        ) : loaded && entries.length > 0 ? (
          <span className="muted">{t('audit.end')}</span>
        ) : null}
      </div>
    </Page>
  );
}
