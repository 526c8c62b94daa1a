/**
 * **The screen registry**, read off the renderer's domain list (domains.ts: a domain's screens are
 * in its entry). Each screen says who may open it (roles), where it sits in the header (`group`), its
 * label and the module that exports it. The header's links, the URL hash (`#/<id>`), the screen a role
 * lands on and a client's My bookings all read this list; nothing else names screens. Every screen is
 * its own chunk, loaded when first opened (the modules below are found by Vite at build time, each a
 * dynamic import), unless it is in the first bundle (`first-bundle-screens.ts`: the board only, for
 * its time-to-interactive). Who may open what is decided in screen-access.ts (pure, tested in Node).
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/contract/roles';
import type { MessageKey } from '../i18n/translate';
import { partOf, type PartOf } from './domains';
import { allowedIn, screensIn, type ScreenAccess, type ScreenGroup } from './screen-access';

export type { ScreenGroup } from './screen-access';

export interface ScreenDef {
  /** The URL hash's name (`#/rooms`) and the link's test id (`nav-rooms`). */
  readonly id: string;
  readonly label: MessageKey;
  readonly roles: readonly Role[];
  readonly group: ScreenGroup;
  readonly load: () => Promise<ComponentType>;
}

/** Every screen module of renderer/src, each a lazy chunk (Vite's glob import: nothing loads until called). */
const SCREEN_MODULES = import.meta.glob<Record<string, ComponentType>>(['../*/*-screen.tsx', '../board/front-desk-board.tsx', '!../auth/*', '!../settings/settings-screen.tsx']);
/** The same by `<folder>/<file>` (Vite names this folder's own modules `./<file>.tsx`). */
const byModule = new Map(Object.entries(SCREEN_MODULES).map(([path, load]) => [path.replace(/^\.\//, '../composition/').replace(/^\.\.\/|\.tsx$/g, ''), load]));

/** A label no dictionary has does not compile here (`Type '"nav.x"' does not satisfy the constraint 'never'`). */
type NoneLeft<T extends never> = T;
export type UnknownScreenLabels = NoneLeft<Exclude<PartOf<'screens'>['label'], MessageKey>>;

export const SCREEN_REGISTRY: readonly ScreenDef[] = partOf('screens').map((s) => ({
  id: s.id,
  label: s.label as MessageKey,
  roles: s.roles,
  group: s.group,
  load: async () => {
    const load = byModule.get(s.module);
    const component = load ? (await load())[s.component] : undefined;
    if (!component) throw new Error(`No screen ${s.component} in renderer/src/${s.module}.tsx`);
    return component;
  },
}));

export type Screen = PartOf<'screens'>['id'];

export const SCREENS: readonly Screen[] = SCREEN_REGISTRY.map((s) => s.id as Screen);

const byId = new Map<string, ScreenDef>(SCREEN_REGISTRY.map((s) => [s.id, s]));

export function screenDef(id: Screen): ScreenDef {
  return byId.get(id)!;
}

/** The screens a role may open, in the registry's order; the first is where the role lands. */
export function screensFor(role: Role | null | undefined): readonly Screen[] {
  return screensIn<Screen>(SCREEN_REGISTRY as readonly ScreenAccess<Screen>[], role);
}

/**
 * The screen to show: the one asked for (the URL hash's name, stores/ui-store.ts) when it exists and
 * the role may see it, the role's first screen otherwise.
 */
export function allowedScreen(asked: string, role: Role | null | undefined): Screen {
  return allowedIn<Screen>(SCREEN_REGISTRY as readonly ScreenAccess<Screen>[], asked, role, 'board');
}
