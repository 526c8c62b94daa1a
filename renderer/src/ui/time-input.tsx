/**
 * **The one time field** of every screen: 24-hour `14:00` in both of the desk's languages (Danish,
 * and British English as the desk's English is), never the browser's `02:00 PM`. Typed (`14`,
 * `1400`, `14.00` become `14:00` on leaving the field) or picked from a list of times (its button or
 * Alt+↓; ↑/↓ move, Enter picks, Escape closes). Reports `HH:MM` when the text is a real time, ''
 * when empty, the text as typed otherwise (which the caller's check refuses).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { nearestTime, parseTimeText, timePattern, timesOfDay } from '../format/time-text';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { ClockIcon } from './field-icons';
import { refocus, useAnchoredPopover } from './use-anchored-popover';

export interface TimeInputProps {
  value: string;
  onChange(value: string): void;
  testId?: string;
  ariaLabel?: string;
  className?: string;
  disabled?: boolean;
  /** Minutes between the times offered in the list (default 30). */
  step?: number;
}

export function TimeInput({ value, onChange, testId, ariaLabel, className = 'input', disabled, step = 30 }: TimeInputProps) {
  const t = useT();
  const lang = useLocaleStore((s) => s.lang);
  const [text, setText] = useState(value);
  const field = useRef<HTMLSpanElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const times = useMemo(() => timesOfDay(step), [step]);
  const popover = useAnchoredPopover(field, () => refocus(field.current, input.current));

  // A value set from outside: show it; what is being typed is never rewritten.
  useEffect(() => {
    if (value === '') setText('');
    else if (parseTimeText(value) === value && parseTimeText(text) !== value) setText(value);
    // `text` is read, not followed.
  }, [value]);

  const pick = (time: string) => {
    setText(time);
    onChange(time);
    popover.hide();
  };

  const typed = (next: string) => {
    setText(next);
    onChange(next.trim() === '' ? '' : (parseTimeText(next) ?? next));
  };

  return (
    <span className="date-input time-input" ref={field}>
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={className}
        value={text}
        placeholder={timePattern(lang)}
        aria-label={ariaLabel}
        aria-haspopup="listbox"
        aria-expanded={popover.open}
        disabled={disabled}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && e.altKey) {
            e.preventDefault();
            popover.show();
          }
        }}
        onBlur={() => {
          const time = parseTimeText(text);
          if (time && time !== text) {
            setText(time);
            onChange(time);
          }
        }}
        data-testid={testId}
      />
      <button
        type="button"
        className="field-button"
        aria-label={t('time.pick')}
        title={t('time.pick')}
        tabIndex={-1}
        disabled={disabled}
        popoverTarget={popover.id}
        data-testid={testId ? `${testId}-pick` : undefined}
      >
        <ClockIcon />
      </button>
      <div id={popover.id} ref={popover.ref} popover="auto" className="field-popover time-popover">
        {popover.open ? (
          <TimeList times={times} value={value} label={t('time.pick')} onPick={pick} {...(testId ? { testId: `${testId}-list` } : {})} />
        ) : null}
      </div>
    </span>
  );
}

/** The list of times: opens on the chosen time (or the nearest offered) and takes the keyboard there. */
function TimeList({ times, value, label, onPick, testId }: { times: readonly string[]; value: string; label: string; onPick(time: string): void; testId?: string }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const at = nearestTime(times, value) ?? times[Math.floor(times.length / 2)];
    const option = list.current?.querySelector<HTMLElement>(`[data-time="${at}"]`);
    option?.scrollIntoView({ block: 'center' });
    option?.focus({ preventScroll: true });
    // Only on opening: the list is mounted each time it opens.
  }, []);
  return (
    <ul
      ref={list}
      className="time-list"
      role="listbox"
      aria-label={label}
      onKeyDown={(e) => {
        const options = [...(list.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
        const i = options.indexOf(document.activeElement as HTMLElement);
        const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 4, PageUp: -4 }[e.key];
        if (move !== undefined) {
          e.preventDefault();
          options[Math.max(0, Math.min(options.length - 1, i + move))]?.focus();
        } else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) {
          e.preventDefault();
          onPick(options[i]!.dataset.time!);
        }
      }}
      data-testid={testId}
    >
      {times.map((time) => (
        <li key={time} role="option" tabIndex={-1} aria-selected={time === value} className="time-option" data-time={time} onClick={() => onPick(time)}>
          {time}
        </li>
      ))}
    </ul>
  );
}
