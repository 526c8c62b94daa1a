/**
 * A list as a table: its columns, each row's actions in the last column (edit, take out of use…),
 * a row out of use shown as such (`is-inactive`), and the lines under it (empty, loading). The
 * appointment setup's rooms and providers, the cars' inventory, the guest rooms and the users use
 * it; the create button stays with the screen, which places it.
 */
import type { ReactNode } from 'react';

export interface DataColumn<T> {
  header: ReactNode;
  /** A number: right-aligned, header too. */
  num?: boolean;
  /** The row's name: bold. */
  strong?: boolean;
  cell(row: T): ReactNode;
  /** The cell's own data attributes (a test id, a state to read). */
  data?(row: T): Record<`data-${string}`, string | number | boolean>;
}

const cellClass = (c: { num?: boolean; strong?: boolean }) => [c.num ? 'num' : '', c.strong ? 'strong' : ''].filter(Boolean).join(' ') || undefined;

interface DataTableProps<T> {
  rows: readonly T[];
  rowKey(row: T): string | number;
  rowTestId(row: T): string;
  columns: readonly DataColumn<T>[];
  actionsHeader: string;
  actions(row: T): ReactNode;
  /** A row out of use (greyed). */
  inactive?(row: T): boolean;
  testId?: string;
  /** Under the table: the empty and loading lines. */
  children?: ReactNode;
}

export function DataTable<T>({ rows, rowKey, rowTestId, columns, actionsHeader, actions, inactive, testId, children }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
            <th scope="col" className="actions-col">
              {actionsHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={inactive?.(row) ? 'is-inactive' : undefined} data-testid={rowTestId(row)}>
              {columns.map((c, i) => (
                <td key={i} className={cellClass(c)} {...c.data?.(row)}>
                  {c.cell(row)}
                </td>
              ))}
              <td className="actions-col">{actions(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
