/** What the colours mean, and the board's keys. */
import { useT } from '../i18n/locale-store';

const ITEMS = ['booked', 'checked_in', 'checked_out', 'no_show', 'block'] as const;

export function BoardLegend() {
  const t = useT();
  return (
    <footer className="legend" aria-label={t('board.legend')}>
      {ITEMS.map((s) => (
        <span key={s} className="legend-item">
          <span className={`legend-swatch bar-${s}`} aria-hidden="true" />
          {t(`status.${s}`)}
        </span>
      ))}
      <span className="legend-item">
        <span className="legend-swatch legend-no-nights" aria-hidden="true" />
        {t('board.noNightsLegend')}
      </span>
      <span className="legend-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd>
        <kbd>←</kbd>
        <kbd>→</kbd> · <kbd>Enter</kbd> · <kbd>O</kbd> · <kbd>H</kbd> {t('hk.label')}
      </span>
    </footer>
  );
}
