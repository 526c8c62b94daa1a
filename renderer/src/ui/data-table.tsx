/**
 * A list as a table: its columns, each row's actions in the last column (edit, take out of use…),
 * a row out of use shown as such (`is-inactive`), and the lines under it (empty, loading). The
 * appointment setup's rooms and providers, the cars' inventory, the guest rooms, the users, stock
 * the outbox's dead messages and the guest's own appointments use it; the create button stays with the screen, which places it.
 */
import type { ReactNode } from 'react';

type DataAttributes = Record<`data-${string}`, string | number | boolean>;

export interface DataColumn<T> {
  header: ReactNode;
  /** A number: right-aligned, header too. */
  num?: boolean;
  /** The row's name: bold. */
  strong?: boolean;
  /** The cell's own class besides those (`error-text`). */
  className?: string;
  cell(row: T): ReactNode;
  /** The cell's own data attributes (a test id, a state to read). */
  data?(row: T): DataAttributes;
}

const cellClass = (c: { num?: boolean; strong?: boolean; className?: string }) => [c.num ? 'num' : '', c.strong ? 'strong' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;

interface DataTableProps<T extends { id: string | number }> {
  rows: readonly T[];
  rowTestId(row: T): string;
  columns: readonly DataColumn<T>[];
  actionsHeader: string;
  actions(row: T): ReactNode;
  /** A row out of use (greyed). */
  inactive?(row: T): boolean;
  /** The row's own data attributes (its state, for a test to read). */
  rowData?(row: T): DataAttributes;
  testId?: string;
  /** Under the table: the empty and loading lines. */
  children?: ReactNode;
}

export function DataTable<T extends { id: string | number }>({ rows, rowTestId, columns, actionsHeader, actions, inactive, rowData, testId, children }: DataTableProps<T>) {
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
            <tr key={row.id} className={inactive?.(row) ? 'is-inactive' : undefined} data-testid={rowTestId(row)} {...rowData?.(row)}>
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
