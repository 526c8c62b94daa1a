/** How the reports write their figures, in the user's language: percentages, counts, a period's name. */
import { useMemo } from 'react';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

export function useReportFormat() {
  const t = useT();
  const f = useFormats();
  return useMemo(() => {
    const pct = (n: number) => `${(n * 100).toLocaleString(f.locale, { maximumFractionDigits: 1 })} %`;
    const num = (n: number) => n.toLocaleString(f.locale, { maximumFractionDigits: 1 });
    /** A period's name: one day, or `from – to`. */
    const span = (x: { from: string; to: string }) => (x.from === x.to ? f.shortDate(x.from) : t('reports.thisPeriod', { from: f.shortDate(x.from), to: f.shortDate(x.to) }));
    /** A percentage axis: 0–100. */
    const pctAxis = (v: number) => `${num(v)} %`;
    return { t, f, pct, num, span, pctAxis, money: f.money };
  }, [t, f]);
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
