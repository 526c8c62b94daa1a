/**
 * **The renderer's registry: a domain is one entry here** — its screens, its words, its live entries
 * and its settings sections. The screen registry (screens.ts), the dictionaries (dictionaries.ts),
 * the live map (live-map.ts) and the settings screen's sections (settings-sections.ts) are all read
 * off this list, in its order: the order of the header's links (a role lands on its first screen)
 * and of the settings screen's fieldsets. A domain whose section sits elsewhere on the settings
 * screen than its screen in the header has a second entry holding only that section (kept so that
 * the screens do not change); a new domain appends one entry at the end.
 *
 * A screen is named by its module (`<folder>/<file>`, a `.tsx` of renderer/src) and the component it
 * exports: screens.ts loads it as its own chunk when first opened; a settings section likewise, and
 * settings-sections.ts loads it with the settings screen. Plain data here, so neither joins the first
 * bundle, and the Node side's type check and tests (which read the words and the live map) never
 * compile a component.
 */
import { appointmentReasonsText } from '../appointments/appointment-reasons-text';
import { appointmentsLive } from '../appointments/appointments-live';
import { appointmentsNavText } from '../appointments/appointments-nav-text';
import { auditText } from '../audit/audit-text';
import { authText } from '../auth/auth-text';
import { boardLive } from '../board/board-live';
import { boardText } from '../board/board-text';
import { carsLive } from '../cars/cars-live';
import { carsText } from '../cars/cars-text';
import { clientText } from '../client/client-text';
import { myBookingsLive } from '../client/my-bookings-live';
import { deskLive } from '../desk/desk-live';
import { deskText } from '../desk/desk-text';
import { exportText } from '../export/export-text';
import type { DomainText } from '../i18n/domain-text';
import { importsLive } from '../imports/imports-live';
import { importsText } from '../imports/imports-text';
import { outboxLive } from '../outbox/outbox-live';
import { outboxText } from '../outbox/outbox-text';
import { printText } from '../print/print-text';
import { reportsNavText } from '../reports/reports-nav-text';
import { roomsLive } from '../rooms/rooms-live';
import { roomsText } from '../rooms/rooms-text';
import { networkText } from '../settings/network-text';
import { settingsLive } from '../settings/settings-live';
import { settingsText } from '../settings/settings-text';
import { stayDeskText } from '../stays/stay-desk-text';
import { staysLive } from '../stays/stays-live';
import { staysText } from '../stays/stays-text';
import { stockLive } from '../stock/stock-live';
import { stockText } from '../stock/stock-text';
import type { LiveEntries } from '../stores/live-event-table';
import { usersText } from '../users/users-text';
import type { ScreenEntry } from './screen-access';

/** One entry of the list: any of a domain's parts. */
export interface RendererDomain {
  readonly screens?: readonly ScreenEntry[];
  /** Its dictionaries of the first bundle (a lazily loaded one is typed in dictionaries.ts). */
  readonly text?: readonly DomainText<object>[];
  readonly live?: LiveEntries;
  /** Its sections of the settings screen, each named by its module and export (loaded with that screen's chunk). */
  readonly settings?: readonly SettingsSectionEntry[];
}

/** A settings section as an entry names it: its module (`<folder>/<file>`, a `.ts` of renderer/src) and export. */
export interface SettingsSectionEntry {
  readonly module: string;
  readonly section: string;
}

const DESK = ['staff', 'admin'] as const;
const ADMIN = ['admin'] as const;
const CLIENT = ['client'] as const;

export const RENDERER_DOMAINS = [
  { screens: [{ id: 'board', label: 'nav.board', roles: DESK, group: 'desk', module: 'board/front-desk-board', component: 'FrontDeskBoard' }], text: [boardText], live: boardLive },
  { settings: [{ module: 'settings/hotel-settings', section: 'hotelSettingsSection' }] },
  { text: [staysText, stayDeskText], live: staysLive, settings: [{ module: 'stays/stays-settings', section: 'staysSettingsSection' }] },
  {
    screens: [{ id: 'appointments', label: 'nav.appointments', roles: DESK, group: 'desk', module: 'appointments/appointments-screen', component: 'AppointmentsScreen' }],
    text: [appointmentsNavText, appointmentReasonsText], live: appointmentsLive, settings: [{ module: 'appointments/appointments-settings', section: 'appointmentsSettingsSection' }],
  },
  { screens: [{ id: 'stock', label: 'nav.stock', roles: DESK, group: 'desk', module: 'stock/stock-screen', component: 'StockScreen' }], text: [stockText], live: stockLive },
  { screens: [{ id: 'cars', label: 'nav.cars', roles: DESK, group: 'desk', module: 'cars/cars-screen', component: 'CarsScreen' }], text: [carsText], live: carsLive },
  { settings: [{ module: 'reports/reports-settings', section: 'reportsSettingsSection' }] },
  { screens: [{ id: 'print', label: 'nav.print', roles: DESK, group: 'desk', module: 'print/print-screen', component: 'PrintScreen' }], text: [printText], settings: [{ module: 'print/print-settings', section: 'printSettingsSection' }] },
  { screens: [{ id: 'exports', label: 'nav.exports', roles: DESK, group: 'desk', module: 'export/export-center-screen', component: 'ExportCenterScreen' }], text: [exportText] },
  { screens: [{ id: 'rooms', label: 'nav.rooms', roles: ADMIN, group: 'admin', module: 'rooms/rooms-screen', component: 'RoomsScreen' }], text: [roomsText], live: roomsLive },
  { screens: [{ id: 'users', label: 'nav.users', roles: ADMIN, group: 'admin', module: 'users/users-screen', component: 'UsersScreen' }], text: [usersText] },
  {
    screens: [{ id: 'settings', label: 'nav.settings', roles: ADMIN, group: 'admin', module: 'composition/settings-screen', component: 'ComposedSettingsScreen' }],
    text: [settingsText, networkText], live: settingsLive,
  },
  { screens: [{ id: 'audit', label: 'nav.audit', roles: ADMIN, group: 'admin', module: 'audit/audit-screen', component: 'AuditScreen' }], text: [auditText] },
  { screens: [{ id: 'imports', label: 'nav.imports', roles: ADMIN, group: 'admin', module: 'imports/imports-screen', component: 'ImportsScreen' }], text: [importsText], live: importsLive },
  {
    screens: [{ id: 'outbox', label: 'nav.outbox', roles: ADMIN, group: 'admin', module: 'outbox/outbox-screen', component: 'OutboxScreen' }],
    text: [outboxText], live: outboxLive, settings: [{ module: 'outbox/outbox-settings', section: 'integrationsSettingsSection' }],
  },
  { settings: [{ module: 'cars/cars-settings', section: 'carsSettingsSection' }] },
  { settings: [{ module: 'outbox/outbox-settings', section: 'outboxSettingsSection' }] },
  { settings: [{ module: 'settings/hotel-settings', section: 'lanSettingsSection' }] },
  { settings: [{ module: 'outbox/outbox-settings', section: 'emailSettingsSection' }] },
  { screens: [{ id: 'reports', label: 'nav.reports', roles: DESK, group: 'desk', module: 'reports/reports-screen', component: 'ReportsScreen' }], text: [reportsNavText] },
  { screens: [{ id: 'my-bookings', label: 'nav.myBookings', roles: CLIENT, group: 'client', module: 'client/my-bookings-screen', component: 'MyBookingsScreen' }], text: [clientText], live: myBookingsLive },
  {
    screens: [
      { id: 'appointment-setup', label: 'nav.appointmentSetup', roles: ADMIN, group: 'admin', module: 'appointments/setup-screen', component: 'AppointmentSetupScreen' },
      { id: 'my-appointments', label: 'nav.myAppointments', roles: CLIENT, group: 'client', module: 'appointments/my-appointments-screen', component: 'MyAppointmentsScreen' },
    ],
  },
  { text: [deskText], live: deskLive },
  { text: [authText] },
] as const;

type Entry = (typeof RENDERER_DOMAINS)[number];
/** The entries' `part` items, as one union (their literal types kept). */
export type PartOf<P extends 'screens' | 'text'> = Entry extends infer E ? (E extends unknown ? (P extends keyof E ? (E[P] extends readonly (infer T)[] ? T : never) : never) : never) : never;

/** The entries' `part`, in the list's order. */
export function partOf<P extends keyof RendererDomain>(part: P): Item<P>[] {
  return (RENDERER_DOMAINS as readonly RendererDomain[]).flatMap((entry) => (entry[part] ?? []) as Item<P> | readonly Item<P>[]);
}
type Item<P extends keyof RendererDomain> = NonNullable<RendererDomain[P]> extends readonly (infer T)[] ? T : NonNullable<RendererDomain[P]>;
