/**
 * Who may open which screen, read from a list of screens in the registry's shape: the first one a
 * role may open is where it lands. No other imports: pure, tested in Node (the registry itself
 * imports the screens' components, which Node's type check does not compile).
 */
import type { Role } from '../../../shared/contract/roles';

export interface ScreenAccess<Id extends string = string> {
  readonly id: Id;
  readonly roles: readonly Role[];
}

/** Where a screen's link goes: the desk's own links, the header's admin menu, a client's page. */
export type ScreenGroup = 'desk' | 'admin' | 'client';

/** A screen as a domain's entry declares it (composition/domains.ts): plain data, no component. */
export interface ScreenEntry extends ScreenAccess {
  /** The header link's words (a message key; screens.ts refuses one no dictionary has). */
  readonly label: string;
  readonly group: ScreenGroup;
  /** The module that exports the component, `<folder>/<file>` of renderer/src (a `.tsx`). */
  readonly module: string;
  /** The name it exports the component under. */
  readonly component: string;
}

/**
 * The screens a role may open, in the list's order. While the role is not yet known (a stored
 * token being checked) the desk is the likely answer, and staff's screens are the least it may see.
 */
export function screensIn<Id extends string>(screens: readonly ScreenAccess<Id>[], role: Role | null | undefined): Id[] {
  const as = role ?? 'staff';
  return screens.filter((s) => s.roles.includes(as)).map((s) => s.id);
}

/** The screen to show: the one asked for when the role may see it, the role's first screen otherwise. */
export function allowedIn<Id extends string>(screens: readonly ScreenAccess<Id>[], asked: string, role: Role | null | undefined, fallback: Id): Id {
  const open = screensIn(screens, role);
  return open.includes(asked as Id) ? (asked as Id) : (open[0] ?? fallback);
}
