/**
 * The Stock screen's dialogs: add a resource, restock, lend (to a guest or a stay, optionally due
 * back by a time), and a resource's history. Every refusal (409 not enough left, a name taken)
 * stays in the dialog with what was typed.
 */
import { useEffect, useState } from 'react';
import type { StockResource } from '../../../shared/contract/stock';
import { useT } from '../i18n/locale-store';
import { hotelToday } from '../stores/hotel-store';
import { DateInput } from '../ui/date-input';
import { TimeInput } from '../ui/time-input';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { CancelSubmit } from '../ui/cancel-submit';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { useStockStore } from './stock-store';

/** A whole number typed in a field, or NaN (the contract refuses it with its own words). */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function ResourceDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [total, setTotal] = useState('1');
  const { busy, error, submit } = useFormSubmit(false, async () => {
    const saved = await useStockStore.getState().create({ name, description, totalQuantity: whole(total) });
    toast('success', t('stock.created', { name: saved.name }));
    onClose();
  });
  return (
    <FormDialog
      title={t('stock.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="stock-resource-dialog"
      busy={busy}
      error={error}
      submitTestId="stock-resource-submit"
    >
      <Field label={t('stock.name')} wide>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} data-autofocus data-testid="stock-resource-name" />
      </Field>
      <Field label={t('stock.description')} wide>
        <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} data-testid="stock-resource-description" />
      </Field>
      <Field label={t('stock.total')}>
        <input className="input" inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} data-testid="stock-resource-total" />
      </Field>
    </FormDialog>
  );
}

export function RestockDialog({ resource, onClose }: { resource: StockResource; onClose(): void }) {
  const t = useT();
  const [total, setTotal] = useState(String(resource.totalQuantity));
  const [note, setNote] = useState('');
  const { busy, error, submit } = useFormSubmit(false, async () => {
    const saved = await useStockStore.getState().restock({ id: resource.id, totalQuantity: whole(total), ...(note.trim() ? { note: note.trim() } : {}) });
    toast('success', t('stock.restocked', { name: saved.name, total: saved.totalQuantity }));
    onClose();
  });
  return (
    <FormDialog
      title={t('stock.restockTitle', { name: resource.name })}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="stock-restock-dialog"
      busy={busy}
      error={error}
      submitTestId="stock-restock-submit"
    >
      <Field label={t('stock.total')} hint={t('stock.restockHint', { out: resource.outQuantity })}>
        <input className="input" inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} data-autofocus data-testid="stock-restock-total" />
      </Field>
      <Field label={t('stock.note')} wide>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} data-testid="stock-restock-note" />
      </Field>
    </FormDialog>
  );
}

/** Lends a resource: to a guest by name, or to a stay (then returned at its check-out). */
export function BookDialog({ resource, stayId, onClose }: { resource: StockResource; stayId?: number; onClose(): void }) {
  const t = useT();
  const [quantity, setQuantity] = useState('1');
  const [guest, setGuest] = useState('');
  const [stay, setStay] = useState(stayId ? String(stayId) : '');
  // "Return by": a date alone means the hotel's check-out time that day; a time makes it exact.
  const [returnDate, setReturnDate] = useState('');
  const [returnTime, setReturnTime] = useState('');
  const returnBy = returnDate === '' ? '' : returnTime === '' ? returnDate : `${returnDate}T${returnTime}`;
  const { busy, error, submit } = useFormSubmit(false, async () => {
    const n = whole(quantity);
    const b = await useStockStore.getState().book({
      resourceId: resource.id,
      quantity: n,
      ...(stay.trim() ? { stayId: whole(stay) } : {}),
      ...(guest.trim() ? { guestName: guest.trim() } : {}),
      ...(returnBy ? { returnBy } : {}),
    });
    toast('success', t('stock.booked', { quantity: b.quantity, name: b.resourceName }));
    onClose();
  });
  return (
    <Dialog
      title={t('stock.bookTitle', { name: resource.name })}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="stock-book-dialog"
      footer={<CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('stock.book')} submitTestId="stock-book-submit" />}
    >
      <ErrorAlert error={error} testId="stock-book-error" />
      <p className="muted">{t('stock.leftCount', { n: resource.availableQuantity })}</p>
      <div className="form-grid">
        <Field label={t('stock.quantity')}>
          <input className="input" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-autofocus data-testid="stock-book-quantity" />
        </Field>
        {stayId ? null : (
          <Field label={t('stock.stayId')}>
            <input className="input" inputMode="numeric" value={stay} onChange={(e) => setStay(e.target.value)} data-testid="stock-book-stay" />
          </Field>
        )}
        <Field label={t('stock.guest')} wide>
          <input className="input" value={guest} onChange={(e) => setGuest(e.target.value)} data-testid="stock-book-guest" />
        </Field>
        <Field label={t('stock.returnBy')} wide hint={stayId ? t('stock.extraReturnsHint') : undefined}>
          <span className="date-time">
            <DateInput value={returnDate} onChange={setReturnDate} min={hotelToday()} testId="stock-book-return-by" />
            <TimeInput value={returnTime} onChange={setReturnTime} ariaLabel={t('stock.returnByTime')} testId="stock-book-return-time" />
          </span>
        </Field>
      </div>
    </Dialog>
  );
}

export function HistoryDialog({ resource, onClose }: { resource: StockResource; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const movements = useStockStore((s) => (s.movements?.resourceId === resource.id ? s.movements.items : null));
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    useStockStore.getState().loadMovements(resource.id).catch(setError);
    return () => void useStockStore.getState().loadMovements(null);
  }, [resource.id]);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Dialog title={t('stock.historyTitle', { name: resource.name })} onClose={onClose} size="lg" testId="stock-history-dialog">
      <ErrorAlert error={error} />
      {movements === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stock.when')}</th>
                <th scope="col">{t('stock.change')}</th>
                <th scope="col" className="num">{t('stock.available')}</th>
                <th scope="col" className="num">{t('stock.total')}</th>
                <th scope="col">{t('stock.by')}</th>
                <th scope="col">{t('stock.note')}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((m) => (
                <tr key={m.id}>
                  <td>{f.instant(m.at)}</td>
                  <td>{t(`stock.kind.${m.kind}`)}</td>
                  <td className="num">
                    {m.availableAfter} ({signed(m.availableChange)})
                  </td>
                  <td className="num">{m.totalAfter}</td>
                  <td>{m.actor}</td>
                  <td>{m.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
