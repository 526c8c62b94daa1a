/**
 * The date field's calendar: react-day-picker (keyboard navigation and screen-reader labels are
 * its own, tested there), in the desk's language: Danish month and day names with Monday first, or
 * British English. Loaded only when a calendar is first opened, so the board's first bundle does not
 * carry it. Dates cross as ISO `YYYY-MM-DD`; the picker's Date objects are local midnights.
 */
import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import { da, enGB } from 'react-day-picker/locale';
import type { DateLang } from '../format/date-text';

function toDate(iso: string | undefined): Date | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

function toIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface DateCalendarProps {
  lang: DateLang;
  /** The chosen date (ISO), if any: shown and focused. */
  value: string;
  /** The hotel's today (ISO): marked, and where the calendar opens without a value. */
  today: string;
  /** No earlier date can be chosen (ISO). */
  min?: string;
  onPick(iso: string): void;
  testId?: string;
}

export default function DateCalendar({ lang, value, today, min, onPick, testId }: DateCalendarProps) {
  const selected = toDate(value);
  const first = toDate(min);
  return (
    <div data-testid={testId}>
    <DayPicker
      mode="single"
      required
      locale={lang === 'da' ? da : enGB}
      weekStartsOn={1}
      showOutsideDays
      fixedWeeks
      autoFocus
      today={toDate(today)}
      selected={selected}
      defaultMonth={selected ?? toDate(today)}
      disabled={first ? { before: first } : undefined}
      onSelect={(day) => {
        if (day) onPick(toIso(day));
      }}
    />
    </div>
  );
}
