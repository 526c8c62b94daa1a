/**
 * **The one date field** of every screen, in the desk's language (format/date-text.ts): typed as
 * text (`23.11.2026` in Danish, `2026-11-23` in English, ISO in both), or picked in a calendar in
 * that language (date-calendar.tsx, opened by its button or Alt+↓; Escape closes it). Never the
 * browser's `<input type=date>`, which shows `11/23/2026` in a Danish desk on an American browser.
 * Reports ISO (`2026-11-23`) when the text is a whole, real date, '' when it is empty, and the text
 * as typed otherwise (which every caller's date check refuses), so a half-typed date is never taken
 * for a different one.
 */
import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { datePattern, formatDateText, parseDateText, type DateLang } from '../format/date-text';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { hotelToday } from '../stores/hotel-store';
import { CalendarIcon } from './field-icons';
import { refocus, useAnchoredPopover } from './use-anchored-popover';

const DateCalendar = lazy(() => import('./date-calendar'));

export interface DateInputProps {
  value: string;
  onChange(value: string): void;
  testId?: string;
  ariaLabel?: string;
  /** Default `input`; `input input-compact` in toolbars. */
  className?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** Days before this one (ISO) cannot be picked in the calendar. */
  min?: string;
  disabled?: boolean;
  /** Enter in the field (a list's "add"). */
  onEnter?(): void;
  /** Marks the field for Dialog's first focus. */
  dataAutofocus?: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function DateInput({ value, onChange, testId, ariaLabel, className = 'input', required, autoFocus, min, disabled, onEnter, dataAutofocus }: DateInputProps) {
  const t = useT();
  const lang = useLocaleStore((s) => s.lang);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useShownText(value, lang, input);
  const field = useRef<HTMLSpanElement>(null);
  // Closed by a pick or by Escape: the keyboard goes on from the field (a click elsewhere keeps its focus).
  const popover = useAnchoredPopover(field, () => refocus(field.current, input.current));

  const typed = (next: string) => {
    setText(next);
    const iso = parseDateText(next, lang);
    onChange(next.trim() === '' ? '' : (iso ?? next));
  };

  return (
    <span className="date-input" ref={field}>
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={className}
        value={text}
        placeholder={datePattern(lang)}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        aria-expanded={popover.open}
        required={required}
        autoFocus={autoFocus}
        disabled={disabled}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && e.altKey) {
            e.preventDefault();
            popover.show();
          } else if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
        onBlur={() => {
          const iso = parseDateText(text, lang);
          if (iso) setText(formatDateText(iso, lang));
        }}
        data-autofocus={dataAutofocus ? true : undefined}
        data-testid={testId}
      />
      <button
        type="button"
        className="field-button"
        aria-label={t('date.pick')}
        title={t('date.pick')}
        tabIndex={-1}
        disabled={disabled}
        popoverTarget={popover.id}
        data-testid={testId ? `${testId}-pick` : undefined}
      >
        <CalendarIcon />
      </button>
      <div id={popover.id} ref={popover.ref} popover="auto" className="field-popover" role="dialog" aria-label={t('date.pick')}>
        {popover.open ? (
          <CalendarPanel
            lang={lang}
            value={value}
            min={min}
            testId={testId}
            onPick={(iso) => {
              setText(formatDateText(iso, lang));
              onChange(iso);
              popover.hide();
            }}
          />
        ) : null}
      </div>
    </span>
  );
}

/** The calendar, loaded the first time one opens; it opens on the field's date, or the hotel's today. */
function CalendarPanel({ lang, value, min, testId, onPick }: { lang: DateLang; value: string; min?: string; testId?: string; onPick(iso: string): void }) {
  const t = useT();
  return (
    <Suspense fallback={<p className="muted small">{t('common.loading')}</p>}>
      <DateCalendar
        lang={lang}
        value={ISO.test(value) ? value : ''}
        today={hotelToday()}
        {...(min && ISO.test(min) ? { min } : {})}
        onPick={onPick}
        {...(testId ? { testId: `${testId}-calendar` } : {})}
      />
    </Suspense>
  );
}

/**
 * The field's text: a value set from outside (the arrival moved the departure, a reset, the
 * language changed) is shown; what is being typed is never rewritten, so a half-typed date stays
 * as typed.
 */
function useShownText(value: string, lang: DateLang, input: RefObject<HTMLInputElement | null>) {
  const state = useState(() => formatDateText(value, lang));
  const [text, setText] = state;
  useEffect(() => {
    const shown = parseDateText(text, lang);
    if (value === '') setText('');
    else if (ISO.test(value) && (shown !== value || formatDateText(value, lang) !== text)) {
      if (shown !== value || document.activeElement !== input.current) setText(formatDateText(value, lang));
    }
    // `text` is read, not followed.
  }, [value, lang]);
  return state;
}
