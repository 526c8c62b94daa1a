/**
 * Today's arrivals, departures and guests in house, as the board's headline: what is left to do, so
 * each count goes down as guests are checked in and out (live). Each counter opens its worklist, a
 * dialog of the registry (`worklist`: desk/desk-dialogs.tsx, its own chunk, loaded on the first click).
 */
import type { Board } from '../../../shared/contract/board';
import type {} from '../desk/desk-dialog-kinds';
import type { WorklistName } from '../desk/worklist-store';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useUiStore } from '../stores/ui-store';

export function BoardCounts({ board }: { board: Board }) {
  const t = useT();
  const f = useFormats();
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
          onClick={() => useUiStore.getState().open({ kind: 'worklist', list: i.list })}
          data-testid={`open-${i.testId}`}
        >
          <span className="count-value" data-testid={i.testId}>
            {i.value}
          </span>
          <span className="count-label">{t(i.key)}</span>
        </button>
      ))}
    </section>
  );
}
