/**
 * **The contract's registry: a domain is one entry here** — its commands, its live events, its
 * settings sections and, for a new section of the API document, its tag. `commands` (commands.ts),
 * `liveEvents` (events.ts), `SETTINGS_SECTIONS` (settings-sections.ts) and `TAGS` (tags.ts) are all
 * read off this one list, in its order: the order of the API document's paths and of the command
 * table (commands), and the order answers list the settings in (settings). A domain whose settings
 * sit elsewhere in the answers than its commands in the document has a second entry holding only
 * those sections (kept so that no answer changes); a new domain appends one entry at the end.
 *
 * The settings domain's own commands and event (settings.ts) answer with every section, so they are
 * built over this list and cannot be in it: its entry says `settingsDomain`, and commands.ts and
 * events.ts put them there. Then `npm run contract:table`.
 */
import { appointmentAdminCommands } from './appointment-admin';
import { appointmentBookingCommands } from './appointment-bookings';
import { appointmentSettings } from './appointment-settings';
import { appointmentEvents } from './appointments';
import { auditCommands } from './audit';
import { authCommands } from './auth';
import { blockCommands, blockEvents } from './blocks';
import { boardCommands } from './board';
import { carSettings } from './car-settings';
import { carCommands, carEvents } from './cars';
import type { CommandDef } from './command-def';
import { deskCommands } from './desk';
import type { EventDefs } from './event-def';
import { healthCommands } from './health';
import { hotelSettings, lanSettings } from './hotel-settings';
import { importCommands, importEvents } from './imports';
import { deliverySettings, emailSettings } from './outbox-settings';
import { outboxCommands, outboxEvents } from './outbox';
import { printSettings } from './print-settings';
import { printCommands } from './print';
import { providerCommands } from './providers';
import { rentalCommands, rentalEvents } from './rentals';
import { reportSettings } from './report-settings';
import { reportCommands } from './reports';
import { roomCommands, roomEvents } from './rooms';
import { seedBookingCommands } from './seed-bookings';
import { serviceRoomCommands, serviceRoomEvents } from './service-rooms';
import type { SettingsSectionDef } from './settings-section';
import { stayDeskCommands } from './stay-desk';
import { staySettings, stayRuleSettings } from './stay-settings';
import { stayCommands, stayEvents } from './stays';
import { stockSeedCommands } from './stock-seed';
import { stockCommands, stockEvents } from './stock';
import { userCommands } from './users';

/** One entry of the list: any of a domain's parts (each checked here, its literal types kept). */
export interface ContractDomain {
  readonly commands?: Readonly<Record<string, CommandDef>>;
  readonly events?: EventDefs;
  readonly settings?: readonly SettingsSectionDef[];
  /** New sections of the API document (name → description), listed after tags.ts's own. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The place of the settings domain's commands and event (settings.ts), built over every section. */
  readonly settingsDomain?: true;
}

export const CONTRACT_DOMAINS = [
  { commands: healthCommands },
  { commands: authCommands },
  { commands: userCommands },
  { commands: auditCommands },
  { settingsDomain: true, settings: [hotelSettings] },
  { commands: roomCommands, events: roomEvents },
  { commands: seedBookingCommands },
  { commands: stayCommands, events: stayEvents, settings: [staySettings] },
  { commands: stayDeskCommands },
  { commands: blockCommands, events: blockEvents },
  { commands: boardCommands },
  { commands: outboxCommands, events: outboxEvents, settings: [deliverySettings] },
  { settings: [lanSettings] },
  { commands: serviceRoomCommands, events: serviceRoomEvents },
  { commands: providerCommands },
  { commands: appointmentBookingCommands, events: appointmentEvents, settings: [appointmentSettings] },
  { commands: appointmentAdminCommands },
  { settings: [reportSettings] },
  { commands: carCommands, events: carEvents, settings: [carSettings] },
  { settings: [emailSettings] },
  { settings: [stayRuleSettings] },
  { commands: rentalCommands, events: rentalEvents },
  { commands: stockSeedCommands },
  { commands: stockCommands, events: stockEvents },
  { commands: deskCommands },
  { commands: printCommands, settings: [printSettings] },
  { commands: importCommands, events: importEvents },
  { commands: reportCommands },
] as const satisfies readonly ContractDomain[];

type Entry = (typeof CONTRACT_DOMAINS)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Flat<T> = { [K in keyof T]: T[K] };
/** The entries' `part`s merged into one object type (the parts' own keys and types). */
export type MergedPart<P extends 'commands' | 'events' | 'tags'> = Flat<UnionToIntersection<Entry extends infer E ? (E extends Readonly<Record<P, infer V>> ? V : never) : never>>;
/** Every entry's settings sections, as one union. */
export type SectionOfDomains = Entry extends infer E ? (E extends { readonly settings: readonly (infer S)[] } ? S : never) : never;

/** The entries' `part`s merged in the list's order; `place` gives what an entry without one holds there. */
export function mergedPart(part: 'commands' | 'events' | 'tags', place: (entry: ContractDomain) => object = () => ({})): object {
  return Object.assign({}, ...(CONTRACT_DOMAINS as readonly ContractDomain[]).map((entry) => entry[part] ?? place(entry)));
}
