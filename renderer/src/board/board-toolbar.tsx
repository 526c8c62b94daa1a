/** Period navigation, range, grouping and the desk's main buttons above the board. */
import { DateInput } from '../ui/date-input';
import { useT } from '../i18n/locale-store';
import { useBoardStore } from './board-store';
import { RANGE_CHOICES } from './board-period';
import { useUiStore } from '../stores/ui-store';

const SEGMENTS = [
  { days: 7, key: 'board.rangeWeek' },
  { days: 14, key: 'board.rangeTwoWeeks' },
  { days: 30, key: 'board.rangeMonth' },
] as const;

export function BoardToolbar() {
  const t = useT();
  const from = useBoardStore((s) => s.from);
  const days = useBoardStore((s) => s.days);
  const groupBy = useBoardStore((s) => s.groupBy);
  const loading = useBoardStore((s) => s.loading);
  const { shift, goToday, setFrom, setDays, setGroupBy } = useBoardStore.getState();
  const open = useUiStore((s) => s.open);

  return (
    <div className="toolbar" role="toolbar" aria-label={t('board.title')}>
      <div className="toolbar-group">
        <button type="button" className="button icon-button" onClick={() => shift(-1)} aria-label={t('board.prev')} title={t('board.prev')} data-testid="board-prev">
          ‹
        </button>
        <button type="button" className="button" onClick={goToday} data-testid="board-today">
          {t('board.today')}
        </button>
        <button type="button" className="button icon-button" onClick={() => shift(1)} aria-label={t('board.next')} title={t('board.next')} data-testid="board-next">
          ›
        </button>
        <span className="input-date">
          <DateInput ariaLabel={t('board.from')} value={from ?? ''} onChange={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && setFrom(v)} testId="board-from" />
        </span>
      </div>

      <div className="toolbar-group" role="group" aria-label={t('board.range')}>
        <div className="segmented">
          {SEGMENTS.map((s) => (
            <button key={s.days} type="button" aria-pressed={days === s.days} onClick={() => setDays(s.days)} data-testid={`board-range-${s.days}`}>
              {t(s.key)}
            </button>
          ))}
        </div>
        <select className="input" aria-label={t('board.range')} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="board-range">
          {RANGE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('board.rangeDays', { n })}
            </option>
          ))}
        </select>
      </div>

      <div className="toolbar-group" role="group" aria-label={t('board.groupBy')}>
        <span className="toolbar-label">{t('board.groupBy')}</span>
        <div className="segmented">
          <button type="button" aria-pressed={groupBy === 'floor'} onClick={() => setGroupBy('floor')} data-testid="board-group-floor">
            {t('board.groupFloor')}
          </button>
          <button type="button" aria-pressed={groupBy === 'category'} onClick={() => setGroupBy('category')} data-testid="board-group-category">
            {t('board.groupCategory')}
          </button>
        </div>
      </div>

      <span className={`spinner${loading ? ' is-on' : ''}`} aria-hidden="true" />

      <div className="toolbar-group toolbar-end">
        <button type="button" className="button" onClick={() => open({ kind: 'export' })} data-testid="export-open">
          {t('board.export')}
        </button>
        <button type="button" className="button button-primary" onClick={() => open({ kind: 'booking' })} data-testid="new-stay">
          {t('board.newStay')}
        </button>
      </div>
    </div>
  );
}
