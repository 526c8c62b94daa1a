/** Today's arrivals, departures and guests in house, as the board's headline. */
import type { Board } from '../../../shared/contract/schemas';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

export function BoardCounts({ board }: { board: Board }) {
  const t = useT();
  const f = useFormats();
  const items = [
    { key: 'board.arrivals', value: board.counts.arrivals, testId: 'count-arrivals', tone: 'arrivals' },
    { key: 'board.departures', value: board.counts.departures, testId: 'count-departures', tone: 'departures' },
    { key: 'board.inHouse', value: board.counts.inHouse, testId: 'count-in-house', tone: 'in-house' },
  ] as const;
  return (
    <section className="counts" aria-label={t('board.countsLabel')}>
      <div className="counts-date">
        <span className="counts-caption">{t('board.countsLabel')}</span>
        <span className="counts-today">{f.longDate(board.today)}</span>
      </div>
      {items.map((i) => (
        <div key={i.key} className={`count count-${i.tone}`}>
          <span className="count-value" data-testid={i.testId}>
            {i.value}
          </span>
          <span className="count-label">{t(i.key)}</span>
        </div>
      ))}
    </section>
  );
}
