/**
 * A stay's extras in its dialog (an extra bed for room 204): what is lent to it, and "Add extra"
 * for any resource in stock. They come back by themselves when the stay checks out or is cancelled.
 */
import { useEffect, useState } from 'react';
import type { Stay } from '../../../shared/contract/stays';
import { canApply } from '../../../shared/rules/stay-rules';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { useStockStore } from './stock-store';
import './stock.css';

export function StayExtrasPanel({ stay }: { stay: Stay }) {
  const t = useT();
  const extras = useStockStore((s) => (s.extrasStayId === stay.id ? s.extras : []));
  const resources = useStockStore((s) => s.resources);
  const [resourceId, setResourceId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = canApply('check_out', stay.status) || canApply('check_in', stay.status);

  useEffect(() => {
    const store = useStockStore.getState();
    store.loadExtras(stay.id).catch(setError);
    if (!store.loaded) store.load().catch(() => undefined);
    return () => void useStockStore.getState().loadExtras(null);
  }, [stay.id]);

  const lendable = resources.filter((r) => r.active && r.availableQuantity > 0);
  const add = async () => {
    if (busy || !resourceId) return;
    setBusy(true);
    setError(null);
    try {
      const b = await useStockStore.getState().book({ resourceId: Number(resourceId), quantity: Number(quantity), stayId: stay.id });
      toast('success', t('stock.booked', { quantity: b.quantity, name: b.resourceName }));
      setResourceId('');
      setQuantity('1');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="actions-section" aria-label={t('stock.extras')} data-testid="stay-extras">
      <h3>{t('stock.extras')}</h3>
      <ErrorAlert error={error} testId="stay-extras-error" />
      {extras.length === 0 ? (
        <p className="muted" data-testid="stay-extras-empty">{t('stock.extrasEmpty')}</p>
      ) : (
        <ul className="stock-extras-list">
          {extras.map((b) => (
            <li key={b.id} data-testid={`stay-extra-${b.id}`} data-status={b.status}>
              {b.quantity} × {b.resourceName} · {t(`stock.status.${b.status}`)}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <div className="button-row button-row-start">
          <select className="input" value={resourceId} onChange={(e) => setResourceId(e.target.value)} aria-label={t('stock.name')} data-testid="stay-extra-resource">
            <option value="">{t('stock.addExtra')}…</option>
            {lendable.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({t('stock.leftCount', { n: r.availableQuantity })})
              </option>
            ))}
          </select>
          <input className="input stock-quantity-input" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} aria-label={t('stock.quantity')} data-testid="stay-extra-quantity" />
          <button type="button" className="button" disabled={busy || !resourceId} onClick={() => void add().catch((e: unknown) => toast('error', errorText(e, t)))} data-testid="stay-extra-add">
            {t('stock.addExtra')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
