/**
 * The reports' tables: the figures of a period beside the same days last year (a row per figure),
 * and a row per thing (a category, a service room or provider, a resource, a car) with its columns.
 * Presentational: the views (`*-report-view.tsx`) say which figures and how each is written.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-store';
import type { MessageKey } from '../i18n/translate';

export interface FigureRow<F> {
  key: string;
  label: MessageKey;
  value: (f: F) => number;
  show: (n: number) => string;
}

export interface PeriodFigures {
  from: string;
  to: string;
}

/** Figure | this period | last year. `span` names a period (`1. maj – 31. maj`). */
export function FiguresTable<F extends PeriodFigures>(props: { rows: FigureRow<F>[]; current: F; lastYear: F; span: (f: F) => string }) {
  const t = useT();
  const { rows, current, lastYear, span } = props;
  return (
    <table className="table" data-testid="report-table">
      <thead>
        <tr>
          <th>{t('reports.figure')}</th>
          <th className="num" data-testid="report-current-period">{span(current)}</th>
          <th className="num" data-testid="report-last-year-period">{`${t('reports.lastYear')}: ${span(lastYear)}`}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`report-row-${r.key}`}>
            <th scope="row">{t(r.label)}</th>
            <td className="num">{r.show(r.value(current))}</td>
            <td className="num">{r.show(r.value(lastYear))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface Column<T> {
  label: MessageKey;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
}

/** A row per thing, its name first. */
export function ThingsTable<T>(props: { title: MessageKey; nameLabel: MessageKey; rows: readonly T[]; name: (row: T) => string; rowKey: (row: T) => string; columns: Column<T>[]; testId: string }) {
  const t = useT();
  const { title, nameLabel, rows, name, rowKey, columns, testId } = props;
  return (
    <>
      <h2>{t(title)}</h2>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t(nameLabel)}</th>
            {columns.map((c) => (
              <th key={c.label} className={c.num === false ? undefined : 'num'}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row">{name(row)}</th>
              {columns.map((c) => (
                <td key={c.label} className={c.num === false ? undefined : 'num'}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
