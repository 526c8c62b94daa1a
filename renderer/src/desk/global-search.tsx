/**
 * Find anything (issue 10 item 9): the header's search over guests and stays (name, e-mail, phone,
 * stay number, room). `/` or Ctrl+K (⌘K) focuses it from anywhere; typing asks the desk
 * (`desk:search`, a trigram index, after a short pause); ↑/↓ move through the hits, Enter opens the
 * stay on the board (the board scrolls to its arrival and its details open), Escape closes.
 * A combobox with a listbox, as screen readers expect.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/contract/desk';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { StatusPill } from '../ui/status-pill';
import { showStayOnBoard, useWorklistStore } from './worklist-store';

const SEARCH_DELAY_MS = 150;
/** Whether the query can find anything: digits (a stay or room number), or a word of 3 characters. */
export function searchable(q: string): boolean {
  const text = q.trim().replace(/^#/, '');
  return /^\d+$/.test(text) || text.split(/\s+/).some((w) => [...w.replace(/[\s+\-().]/g, '')].length >= 3);
}

/** Whether a key press outside a text field asks for the search: `/`, or Ctrl+K / ⌘K anywhere. */
export function isSearchShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return true;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const el = e.target as HTMLElement | null;
  const typing = el?.closest?.('input, textarea, select, [contenteditable="true"]');
  return !typing;
}

type State = { kind: 'idle' } | { kind: 'short' } | { kind: 'searching' } | { kind: 'done'; result: SearchResult } | { kind: 'error'; error: unknown };

// eslint-disable-next-line max-lines-per-function -- the header's search box, its results list and their keyboard share one state
export function GlobalSearch() {
  const t = useT();
  const f = useFormats();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!q.trim()) return setState({ kind: 'idle' });
    if (!searchable(q)) return setState({ kind: 'short' });
    let current = true;
    setState({ kind: 'searching' });
    const timer = setTimeout(() => {
      useWorklistStore
        .getState()
        .search(q)
        .then((result) => {
          if (!current) return;
          setState({ kind: 'done', result });
          setActive(0);
        })
        .catch((error: unknown) => current && setState({ kind: 'error', error }));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  const hits = state.kind === 'done' ? state.result.items : [];
  const choose = (hit: SearchHit) => {
    setOpen(false);
    input.current?.blur();
    showStayOnBoard(hit.stayId, hit.checkinDate);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && q) setOpen(false);
      else {
        setQ('');
        input.current?.blur();
      }
    }
  };

  const showPopup = open && state.kind !== 'idle';
  return (
    <div className="global-search" role="search">
      <input
        ref={input}
        type="search"
        className="input global-search-input"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showPopup}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPopup && hits[active] ? `${listId}-${hits[active].stayId}` : undefined}
        placeholder={t('search.placeholder')}
        title={t('search.hint')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Closes once the focus has really gone (a click on a hit lands first); a blur that the focus
        // came back from (a dialog closing, Ctrl+K) leaves the list open.
        onBlur={() => setTimeout(() => document.activeElement !== input.current && setOpen(false), 150)}
        onKeyDown={onKeyDown}
        data-testid="global-search"
      />
      <kbd className="global-search-key" aria-hidden="true">/</kbd>
      {showPopup ? (
        <div className="global-search-popup" data-testid="search-popup">
          <div className="global-search-status muted small" role="status">
            {state.kind === 'short'
              ? t('search.tooShort')
              : state.kind === 'searching'
                ? t('search.searching')
                : state.kind === 'error'
                  ? errorText(state.error, t)
                  : hits.length === 0
                    ? t('search.none', { q: q.trim() })
                    : t('search.results', { n: hits.length })}
          </div>
          <ul id={listId} role="listbox" aria-label={t('search.label')} className="global-search-list">
            {hits.map((hit, i) => (
              <li
                key={hit.stayId}
                id={`${listId}-${hit.stayId}`}
                role="option"
                aria-selected={i === active}
                className={`global-search-hit${i === active ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(hit)}
                data-testid={`search-hit-${hit.stayId}`}
              >
                <span className="hit-name">{hit.guestName}</span>
                <StatusPill status={hit.status} />
                <span className="hit-detail muted small">
                  {t('search.hitRoom', { room: hit.roomNumber })} · {f.shortDate(hit.checkinDate)} → {f.shortDate(hit.checkoutDate)} · {t('search.hitStay', { id: hit.stayId })}
                  {hit.matched === 'email' && hit.guestEmail ? ` · ${hit.guestEmail}` : ''}
                  {hit.matched === 'phone' && hit.guestPhone ? ` · ${hit.guestPhone}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {state.kind === 'done' && state.result.more ? <div className="global-search-status muted small">{t('search.more')}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
