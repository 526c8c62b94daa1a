/**
 * The export center (issue 17 §3; docs/printing.md): every CSV export the user's role may run, in
 * one screen, each with its filters (read from the contract: export-fields.ts), the delimiter and
 * Excel's BOM. The desktop app asks where to save; a browser downloads. The buttons on the domain
 * screens still work; this is the one place that has them all.
 */
import { useMemo, useState } from 'react';
import { commands } from '../../../shared/contract/commands';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { isMessageKey, type MessageKey } from '../i18n/translate';
import { useSessionStore } from '../stores/session-store';
import type { ExportQuery } from '../transport/transport';
import { DateInput } from '../ui/date-input';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Page } from '../ui/page';
import { exportEntries, type ExportEntry } from './export-fields';
import { useExportStore } from './export-store';

const LABELS: Record<string, MessageKey> = {
  'stays:export': 'exports.stays',
  'audit:export': 'exports.audit',
  'appointments:export': 'exports.appointments',
  'cars:export': 'exports.cars',
  'rentals:export': 'exports.rentals',
  'stock:export': 'exports.stock',
  'reports:roomsExport': 'exports.roomsReport', 'reports:appointmentsExport': 'exports.appointmentsReport', 'reports:stockExport': 'exports.stockReport', 'reports:fleetExport': 'exports.fleetReport',
};

function testIdOf(name: string): string {
  return name.replace(':export', '').replace(/^reports:(\w+)Export$/, 'report-$1');
}

function ExportCard({ entry }: { entry: ExportEntry }) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>({});
  const [delimiter, setDelimiter] = useState<',' | ';'>(useLocaleStore.getState().lang === 'da' ? ';' : ',');
  const [bom, setBom] = useState(true);
  const { busy, running, outcome, error } = useExportStore();
  const id = testIdOf(entry.name);
  const label = LABELS[entry.name];
  const title = label ? t(label) : commands[entry.name].summary;
  const fieldLabel = (key: string) => {
    const k = `exports.field.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
  const rangeError = values.from && values.to && values.to < values.from ? t('exports.rangeOrder') : null;
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const run = () => {
    if (busy || rangeError) return;
    const filters = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const query = { ...filters, delimiter, bom, ...(entry.takesLang ? { lang: useLocaleStore.getState().lang } : {}) } as ExportQuery<typeof entry.name>;
    void useExportStore.getState().run(query, entry.name);
  };
  const mine = running === entry.name;
  const result = !mine || outcome === null ? null : outcome === 'downloaded' ? t('export.downloaded') : outcome.path === null ? t('export.cancelled') : t('export.saved', { path: outcome.path, rows: outcome.rows });

  return (
    <section className="card export-card" aria-labelledby={`export-${id}-title`} data-testid={`exports-${id}`}>
      <h2 id={`export-${id}-title`}>{title}</h2>
      {mine ? <ErrorAlert error={error} testId={`exports-${id}-error`} /> : null}
      {result ? (
        <p className="alert alert-success" role="status" data-testid={`exports-${id}-result`}>
          {result}
        </p>
      ) : null}
      <div className="form-grid">
        {entry.filters.map((f) => (
          <Field key={f.key} label={fieldLabel(f.key)} error={f.key === 'to' ? rangeError : null}>
            {f.kind === 'date' ? (
              <DateInput value={values[f.key] ?? ''} onChange={(v) => set(f.key, v)} testId={`exports-${id}-${f.key}`} />
            ) : f.kind === 'choice' ? (
              <select className="input" value={values[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)} data-testid={`exports-${id}-${f.key}`}>
                <option value="">{t('exports.any')}</option>
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input className="input" value={values[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value.trim())} data-testid={`exports-${id}-${f.key}`} />
            )}
          </Field>
        ))}
        <Field label={t('export.delimiter')}>
          <select className="input" value={delimiter} onChange={(e) => setDelimiter(e.target.value === ';' ? ';' : ',')} data-testid={`exports-${id}-delimiter`}>
            <option value=",">{t('export.comma')}</option>
            <option value=";">{t('export.semicolon')}</option>
          </select>
        </Field>
        <Field label={t('export.bom')} inline>
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} data-testid={`exports-${id}-bom`} />
        </Field>
      </div>
      <button type="button" className="button button-primary" disabled={busy || Boolean(rangeError)} onClick={run} data-testid={`exports-${id}-run`}>
        {mine && busy ? t('export.working') : t('exports.run')}
      </button>
    </section>
  );
}

export function ExportCenterScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.user?.role);
  const entries = useMemo(() => exportEntries(role), [role]);
  return (
    <Page titleId="exports-title" title={t('exports.title')} testId="exports-screen">
      <p>{t('exports.intro')}</p>
      <div className="export-center">
        {entries.map((e) => (
          <ExportCard key={e.name} entry={e} />
        ))}
      </div>
    </Page>
  );
}
