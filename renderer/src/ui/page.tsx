/**
 * **The one page frame every screen uses**: the same margins, the title as the page's `<h1>`, the
 * screen's own controls beside it (`head`: switches, counts, and its buttons, pushed right with
 * `push-right`), wrapping onto a second line rather than running out of the window. `full` is the
 * board's frame: edge to edge, its title for screen readers only, its content scrolling inside.
 */
import type { KeyboardEventHandler, ReactNode } from 'react';

export interface PageProps {
  /** The `<h1>`'s id, which names the page (`aria-labelledby`). */
  titleId: string;
  title: ReactNode;
  testId: string;
  /** What sits beside the title. */
  head?: ReactNode;
  /** The screen's own class (its CSS), beside `page`. */
  className?: string;
  layout?: 'padded' | 'full';
  onKeyDown?: KeyboardEventHandler<HTMLElement>;
  children: ReactNode;
}

export function Page({ titleId, title, testId, head, className, layout = 'padded', onKeyDown, children }: PageProps) {
  const classes = ['screen', 'page', `page-${layout}`, className].filter(Boolean).join(' ');
  return (
    <section className={classes} data-testid={testId} aria-labelledby={titleId} onKeyDown={onKeyDown}>
      {layout === 'full' ? (
        <h1 id={titleId} className="visually-hidden">
          {title}
        </h1>
      ) : (
        <div className="screen-head">
          <h1 id={titleId}>{title}</h1>
          {head}
        </div>
      )}
      {children}
    </section>
  );
}
