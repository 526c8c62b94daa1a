/** A list of calendar dates (a provider's days off, the days a generation skips): add with a date field, remove each. */
import { useState } from 'react';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { DateInput } from '../ui/date-input';

export function DateList({ label, dates, onChange, testId }: { label: string; dates: string[]; onChange(dates: string[]): void; testId: string }) {
  const t = useT();
  const f = useFormats();
  const [next, setNext] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(next) || dates.includes(next)) return;
    onChange([...dates, next].sort());
    setNext('');
  };
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{label}</legend>
      <div className="button-row button-row-start">
        <span className="toolbar-date">
          <DateInput className="input input-compact" ariaLabel={label} value={next} onChange={setNext} onEnter={add} testId={`${testId}-input`} />
        </span>
        <button type="button" className="button button-small" onClick={add} disabled={!next} data-testid={`${testId}-add`}>
          {t('appt.addDate')}
        </button>
      </div>
      {dates.length === 0 ? <p className="muted small">{t('appt.noDates')}</p> : null}
      <div className="slot-chips">
        {dates.map((d) => (
          <span key={d} className="date-chip" data-testid={`${testId}-${d}`}>
            {f.longDate(d)}
            <button type="button" className="icon-button" aria-label={t('appt.removeDate', { date: f.longDate(d) })} onClick={() => onChange(dates.filter((x) => x !== d))}>
              ×
            </button>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
