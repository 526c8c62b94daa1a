/**
 * The desk's Stock screen: resources in stock and out of stock (and out of use), lend, restock,
 * history; what is lent out now with return / cancel; overdue loans; a CSV export of the loans.
 * Live: another desk's or a LAN client's booking reloads it.
 */
import { useEffect, useState } from 'react';
import type { StockBooking, StockResource } from '../../../shared/contract/stock';
import { errorText } from '../i18n/error-text';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { ActiveToggle } from '../ui/active-toggle';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { useRowAction } from '../ui/use-row-action';
import { BookDialog, HistoryDialog, ResourceDialog, RestockDialog } from './stock-dialogs';
import { useStockStore } from './stock-store';
import './stock.css';
import { Page } from '../ui/page';

type Open = { kind: 'add' } | { kind: 'book' | 'restock' | 'history'; resource: StockResource } | null;

// eslint-disable-next-line max-lines-per-function -- the resources table, their forms and the bookings panel share the screen's selection
export function StockScreen() {
  const t = useT();
  const { resources, loans, overdue, loaded, error, exporting, exportOutcome, exportError } = useStockStore();
  const [open, setOpen] = useState<Open>(null);
  const { busyKey: busyId, run: act } = useRowAction<string>();

  useEffect(() => {
    useStockStore.getState().load().catch(() => undefined);
    return () => useStockStore.getState().resetExport();
  }, []);

  useEffect(() => {
    if (exportOutcome !== null) toast('success', t('stock.exported'));
    else if (exportError) toast('error', errorText(exportError, t));
  }, [exportOutcome, exportError, t]);

  const store = useStockStore.getState;
  const toggle = (r: StockResource) =>
    act(
      `r${r.id}`,
      () => store().setActive(r.id, !r.active),
      (saved) => t(saved.active ? 'stock.reactivated' : 'stock.deactivated', { name: saved.name }),
    );
  const close = (b: StockBooking, how: 'return' | 'cancel') =>
    act(
      `b${b.id}`,
      () => (how === 'return' ? store().giveBack(b.id) : store().cancel(b.id)),
      (done) => t(how === 'return' ? 'stock.returned' : 'stock.cancelled', { quantity: done.quantity, name: done.resourceName }),
    );

  const active = resources.filter((r) => r.active);
  const inStock = active.filter((r) => r.availableQuantity > 0);
  const outOfStock = active.filter((r) => r.availableQuantity === 0);
  const inactive = resources.filter((r) => !r.active);

  const resourceColumns: DataColumn<StockResource>[] = [
    { header: t('stock.name'), strong: true, cell: (r) => r.name },
    { header: t('stock.description'), cell: (r) => r.description },
    { header: t('stock.available'), num: true, data: (r) => ({ 'data-testid': `stock-available-${r.id}` }), cell: (r) => r.availableQuantity },
    { header: t('stock.lentOut'), num: true, cell: (r) => r.outQuantity },
    { header: t('stock.total'), num: true, cell: (r) => r.totalQuantity },
  ];
  const resourceTable = (list: StockResource[], testId: string) => (
    <DataTable
      rows={list}
      rowTestId={(r) => `stock-row-${r.id}`}
      inactive={(r) => !r.active}
      columns={resourceColumns}
      actionsHeader={t('stock.actions')}
      testId={testId}
      actions={(r) => (
        <>
          {r.active ? (
            <button
              type="button"
              className="button button-small button-primary"
              disabled={r.availableQuantity === 0}
              onClick={() => setOpen({ kind: 'book', resource: r })}
              data-testid={`stock-book-${r.id}`}
            >
              {t('stock.book')}
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'restock', resource: r })} data-testid={`stock-restock-${r.id}`}>
            {t('stock.restock')}
          </button>
          <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'history', resource: r })} data-testid={`stock-history-${r.id}`}>
            {t('stock.history')}
          </button>
          <ActiveToggle
            active={r.active}
            busy={busyId === `r${r.id}`}
            onClick={() => void toggle(r)}
            deactivateLabel={t('stock.deactivate')}
            reactivateLabel={t('stock.reactivate')}
            testId={`stock-${r.active ? 'deactivate' : 'reactivate'}-${r.id}`}
          />
        </>
      )}
    >
      {loaded && list.length === 0 ? <p className="muted panel-center">{t('stock.none')}</p> : null}
    </DataTable>
  );

  return (
    <Page
      titleId="stock-title" title={t('stock.title')} testId="stock-screen"
      head={
        <>
          <button
            type="button"
            className="button push-right"
            disabled={exporting}
            onClick={() => void store().exportCsv({ delimiter: useLocaleStore.getState().lang === 'da' ? ';' : ',', bom: true })}
            data-testid="stock-export"
          >
            {t('stock.export')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'add' })} data-testid="stock-add">
            {t('stock.add')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="stock-error" />
      {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      {loaded && resources.length === 0 ? <p className="muted panel-center">{t('stock.empty')}</p> : null}

      <h2>{t('stock.inStock')}</h2>
      {resourceTable(inStock, 'stock-in-stock')}
      <h2>{t('stock.outOfStock')}</h2>
      {resourceTable(outOfStock, 'stock-out-of-stock')}
      {inactive.length ? (
        <>
          <h2>{t('stock.inactiveList')}</h2>
          {resourceTable(inactive, 'stock-inactive')}
        </>
      ) : null}

      <h2>{t('stock.overdue')}</h2>
      <LoanTable loans={overdue} empty={t('stock.noOverdue')} testId="stock-overdue" busyId={busyId} onClose={close} />
      <h2>{t('stock.loans')}</h2>
      <LoanTable loans={loans} empty={t('stock.noLoans')} testId="stock-loans" busyId={busyId} onClose={close} />

      {open?.kind === 'add' ? <ResourceDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'book' ? <BookDialog resource={open.resource} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'restock' ? <RestockDialog resource={open.resource} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'history' ? <HistoryDialog resource={open.resource} onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}

export function LoanTable({
  loans,
  empty,
  testId,
  busyId,
  onClose,
}: {
  loans: StockBooking[];
  empty: string;
  testId: string;
  busyId: string | null;
  onClose(b: StockBooking, how: 'return' | 'cancel'): void;
}) {
  const t = useT();
  const f = useFormats();
  if (loans.length === 0) return <p className="muted" data-testid={`${testId}-empty`}>{empty}</p>;
  const columns: DataColumn<StockBooking>[] = [
    { header: t('stock.name'), strong: true, cell: (b) => b.resourceName },
    { header: t('stock.quantity'), num: true, cell: (b) => b.quantity },
    { header: t('stock.guest'), cell: (b) => b.guestName ?? t('common.none') },
    { header: t('stock.room'), cell: (b) => b.roomNumber ?? '' },
    { header: t('stock.bookedAt'), cell: (b) => f.instant(b.bookedAt) },
    {
      header: t('stock.returnBy'),
      cell: (b) => (
        <>
          {b.returnBy ? f.instant(b.returnBy) : ''}
          {b.overdue ? <span className="stock-overdue-badge">{t('stock.overdueBadge')}</span> : null}
        </>
      ),
    },
  ];
  return (
    <DataTable
      rows={loans}
      rowTestId={(b) => `${testId}-row-${b.id}`}
      columns={columns}
      actionsHeader={t('stock.actions')}
      testId={testId}
      actions={(b) => (
        <>
          <button type="button" className="button button-small button-primary" disabled={busyId === `b${b.id}`} onClick={() => onClose(b, 'return')} data-testid={`stock-return-${b.id}`}>
            {t('stock.return')}
          </button>
          <button type="button" className="button button-small button-quiet-danger" disabled={busyId === `b${b.id}`} onClick={() => onClose(b, 'cancel')} data-testid={`stock-cancel-${b.id}`}>
            {t('stock.cancel')}
          </button>
        </>
      )}
    />
  );
}
