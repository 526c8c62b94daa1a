/**
 * **The screen registry: a domain's screen is one line here.** Each entry says who may open it
 * (roles), where it sits in the header (`group`), its label and how to load it. The header's links,
 * the URL hash (`#/<id>`), the screen a role lands on and a client's My bookings all read this
 * list; nothing else names screens. Every `load` is a dynamic import, so a screen is its own chunk
 * unless it is in the first bundle (`first-bundle-screens.ts`: the board only, for its
 * time-to-interactive). Who may open what is decided in screen-access.ts (pure, tested in Node).
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/contract/roles';
import type { MessageKey } from '../i18n/translate';
import { allowedIn, screensIn } from './screen-access';

/** Where a screen's link goes: the desk's own links, the header's admin menu, a client's page. */
export type ScreenGroup = 'desk' | 'admin' | 'client';

export interface ScreenDef {
  /** The URL hash's name (`#/rooms`) and the link's test id (`nav-rooms`). */
  readonly id: string;
  readonly label: MessageKey;
  readonly roles: readonly Role[];
  readonly group: ScreenGroup;
  readonly load: () => Promise<ComponentType>;
}

export const SCREEN_REGISTRY = [
  { id: 'board', label: 'nav.board', roles: ['staff', 'admin'], group: 'desk', load: () => import('../board/front-desk-board').then((m) => m.FrontDeskBoard) },
  { id: 'appointments', label: 'nav.appointments', roles: ['staff', 'admin'], group: 'desk', load: () => import('../appointments/appointments-screen').then((m) => m.AppointmentsScreen) },
  { id: 'stock', label: 'nav.stock', roles: ['staff', 'admin'], group: 'desk', load: () => import('../stock/stock-screen').then((m) => m.StockScreen) },
  { id: 'cars', label: 'nav.cars', roles: ['staff', 'admin'], group: 'desk', load: () => import('../cars/cars-screen').then((m) => m.CarsScreen) },
  { id: 'print', label: 'nav.print', roles: ['staff', 'admin'], group: 'desk', load: () => import('../print/print-screen').then((m) => m.PrintScreen) },
  { id: 'exports', label: 'nav.exports', roles: ['staff', 'admin'], group: 'desk', load: () => import('../export/export-center-screen').then((m) => m.ExportCenterScreen) },
  { id: 'rooms', label: 'nav.rooms', roles: ['admin'], group: 'admin', load: () => import('../rooms/rooms-screen').then((m) => m.RoomsScreen) },
  { id: 'users', label: 'nav.users', roles: ['admin'], group: 'admin', load: () => import('../users/users-screen').then((m) => m.UsersScreen) },
  { id: 'settings', label: 'nav.settings', roles: ['admin'], group: 'admin', load: () => import('./settings-screen').then((m) => m.ComposedSettingsScreen) },
  { id: 'audit', label: 'nav.audit', roles: ['admin'], group: 'admin', load: () => import('../audit/audit-screen').then((m) => m.AuditScreen) },
  { id: 'imports', label: 'nav.imports', roles: ['admin'], group: 'admin', load: () => import('../imports/imports-screen').then((m) => m.ImportsScreen) },
  { id: 'outbox', label: 'nav.outbox', roles: ['admin'], group: 'admin', load: () => import('../outbox/outbox-screen').then((m) => m.OutboxScreen) },
  { id: 'reports', label: 'nav.reports', roles: ['staff', 'admin'], group: 'desk', load: () => import('../reports/reports-screen').then((m) => m.ReportsScreen) },
  { id: 'my-bookings', label: 'nav.myBookings', roles: ['client'], group: 'client', load: () => import('../client/my-bookings-screen').then((m) => m.MyBookingsScreen) },
  { id: 'appointment-setup', label: 'nav.appointmentSetup', roles: ['admin'], group: 'admin', load: () => import('../appointments/setup-screen').then((m) => m.AppointmentSetupScreen) },
  { id: 'my-appointments', label: 'nav.myAppointments', roles: ['client'], group: 'client', load: () => import('../appointments/my-appointments-screen').then((m) => m.MyAppointmentsScreen) },
] as const satisfies readonly ScreenDef[];

export type Screen = (typeof SCREEN_REGISTRY)[number]['id'];

export const SCREENS: readonly Screen[] = SCREEN_REGISTRY.map((s) => s.id);

const byId = new Map<string, ScreenDef>(SCREEN_REGISTRY.map((s) => [s.id, s]));

export function screenDef(id: Screen): ScreenDef {
  return byId.get(id)!;
}

/** The screens a role may open, in the registry's order; the first is where the role lands. */
export function screensFor(role: Role | null | undefined): readonly Screen[] {
  return screensIn<Screen>(SCREEN_REGISTRY, role);
}

/**
 * The screen to show: the one asked for (the URL hash's name, stores/ui-store.ts) when it exists and
 * the role may see it, the role's first screen otherwise.
 */
export function allowedScreen(asked: string, role: Role | null | undefined): Screen {
  return allowedIn<Screen>(SCREEN_REGISTRY, asked, role, 'board');
}
