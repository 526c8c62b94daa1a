/**
 * A menu in the header (the admin screens, the signed-in user): a button that opens a list below it
 * (ui/use-anchored-popover.ts), so the header keeps one row from 1280 px wide up. Keyboard: Enter or
 * Space opens it on its first item, ↑/↓ (Home/End) move, Enter follows, Escape closes and returns to
 * the button. Choosing an item closes it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useAnchoredPopover } from '../ui/use-anchored-popover';

export interface HeaderMenuProps {
  /** The button's content. */
  label: ReactNode;
  /** The button's accessible name when its content does not say it all. */
  ariaLabel?: string;
  title?: string;
  /** The button looks current (an admin screen is open). */
  current?: boolean;
  className?: string;
  testId: string;
  /** Extra attributes on the button (the user's role). */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}

const ITEMS = '[role="menuitem"]:not([disabled])';

export function HeaderMenu({ label, ariaLabel, title, current, className = '', testId, data, children }: HeaderMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const popover = useAnchoredPopover(button);

  useEffect(() => {
    if (popover.open) popover.ref.current?.querySelector<HTMLElement>(ITEMS)?.focus();
  }, [popover.open, popover.ref]);

  const move = (key: string) => {
    const items = [...(popover.ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    if (items.length === 0) return false;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[key];
    if (next === undefined) return false;
    items[(next + items.length) % items.length]!.focus();
    return true;
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`header-menu-button${current ? ' is-current' : ''} ${className}`}
        popoverTarget={popover.id}
        aria-haspopup="menu"
        aria-expanded={popover.open}
        aria-label={ariaLabel}
        title={title}
        data-testid={testId}
        {...data}
      >
        {label}
        <span className="header-menu-caret" aria-hidden="true" />
      </button>
      <div
        id={popover.id}
        ref={popover.ref}
        popover="auto"
        role="menu"
        aria-label={ariaLabel ?? (typeof label === 'string' ? label : undefined)}
        className="anchored-popover header-menu"
        data-testid={`${testId}-menu`}
        onKeyDown={(e) => {
          if (move(e.key)) e.preventDefault();
        }}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest(ITEMS)) popover.hide();
        }}
      >
        {children}
      </div>
    </>
  );
}
