/**
 * A date field in the desk's language (format/date-text.ts): typed as text (`01.05.2026` in Danish,
 * `2026-05-01` in English, ISO in both), with a calendar button that opens the browser's own picker.
 * Reports ISO (`2026-05-01`) when the text is a whole, real date, '' when it is empty, and the text
 * as typed otherwise (which every caller's date check refuses), so a half-typed date is never taken
 * for a different one.
 */
import { useEffect, useRef, useState } from 'react';
import { datePattern, formatDateText, parseDateText } from '../format/date-text';
import { useLocaleStore, useT } from '../i18n/locale-store';

interface DateInputProps {
  value: string;
  onChange(value: string): void;
  testId?: string;
  ariaLabel?: string;
  className?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function DateInput({ value, onChange, testId, ariaLabel, className = 'input', required, autoFocus }: DateInputProps) {
  const t = useT();
  const lang = useLocaleStore((s) => s.lang);
  const [text, setText] = useState(() => formatDateText(value, lang));
  const picker = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // A value set from outside (the arrival moved the departure, a reset, the language changed): show it.
  // What is being typed is never rewritten: a half-typed date comes back as the text itself.
  useEffect(() => {
    const shown = parseDateText(text, lang);
    if (value === '') setText('');
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value) && (shown !== value || formatDateText(value, lang) !== text)) {
      if (shown !== value || document.activeElement !== input.current) setText(formatDateText(value, lang));
    }
    // `text` is read, not followed.
  }, [value, lang]);

  const typed = (next: string) => {
    setText(next);
    const iso = parseDateText(next, lang);
    onChange(next.trim() === '' ? '' : (iso ?? next));
  };

  return (
    <span className="date-input">
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={className}
        value={text}
        placeholder={datePattern(lang)}
        aria-label={ariaLabel}
        required={required}
        autoFocus={autoFocus}
        onChange={(e) => typed(e.target.value)}
        onBlur={() => {
          const iso = parseDateText(text, lang);
          if (iso) setText(formatDateText(iso, lang));
        }}
        data-testid={testId}
      />
      <button
        type="button"
        className="date-input-button"
        aria-label={t('date.pick')}
        title={t('date.pick')}
        tabIndex={-1}
        onClick={() => {
          const p = picker.current;
          if (!p) return;
          p.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
          try {
            p.showPicker();
          } catch {
            p.focus();
          }
        }}
      >
        📅
      </button>
      <input
        ref={picker}
        type="date"
        className="date-input-native"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          if (!e.target.value) return;
          setText(formatDateText(e.target.value, lang));
          onChange(e.target.value);
        }}
      />
    </span>
  );
}
