/**
 * Today's arrivals, departures and guests in house, as the board's headline: what is left to do, so
 * each count goes down as guests are checked in and out (live). Each counter opens its worklist
 * (desk/worklist-dialog.tsx, its own chunk, loaded on the first click).
 */
import { lazy, Suspense } from 'react';
import type { Board } from '../../../shared/contract/schemas';
import { useWorklistStore, type WorklistName } from '../desk/worklist-store';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

const WorklistDialog = lazy(() => import('../desk/worklist-dialog').then((m) => ({ default: m.WorklistDialog })));

export function BoardCounts({ board }: { board: Board }) {
  const t = useT();
  const f = useFormats();
  const open = useWorklistStore((s) => s.open);
  const items = [
    { key: 'board.arrivals', list: 'arrivals', value: board.counts.arrivals, testId: 'count-arrivals', tone: 'arrivals' },
    { key: 'board.departures', list: 'departures', value: board.counts.departures, testId: 'count-departures', tone: 'departures' },
    { key: 'board.inHouse', list: 'inHouse', value: board.counts.inHouse, testId: 'count-in-house', tone: 'in-house' },
  ] as const satisfies readonly { key: string; list: WorklistName; value: number; testId: string; tone: string }[];
  return (
    <section className="counts" aria-label={t('board.countsLabel')}>
      <div className="counts-date">
        <span className="counts-caption">{t('board.countsLabel')}</span>
        <span className="counts-today">{f.longDate(board.today)}</span>
      </div>
      {items.map((i) => (
        <button
          key={i.key}
          type="button"
          className={`count count-${i.tone}`}
          aria-haspopup="dialog"
          aria-label={t('work.open', { label: `${t(i.key)}: ${i.value}` })}
          onClick={() => useWorklistStore.getState().show(i.list)}
          data-testid={`open-${i.testId}`}
        >
          <span className="count-value" data-testid={i.testId}>
            {i.value}
          </span>
          <span className="count-label">{t(i.key)}</span>
        </button>
      ))}
      {open ? (
        <Suspense fallback={null}>
          <WorklistDialog />
        </Suspense>
      ) : null}
    </section>
  );
}
