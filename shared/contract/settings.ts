/** The hotel's settings and the LAN API's status. */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { ADMIN, DESK } from './roles';
import { answerShape, updateShape } from './settings-section';
import { SETTINGS_SECTIONS } from './settings-sections';

/** The hotel's settings: every section's (settings-sections.ts), in the list's order. */
export const SettingsSchema = z.object(answerShape(SETTINGS_SECTIONS));
export type Settings = z.infer<typeof SettingsSchema>;

/** What an update takes: every writable setting of every section, each optional. */
export const SettingsUpdateSchema = z.object(updateShape(SETTINGS_SECTIONS));
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const NetworkStatusSchema = z.object({
  lanEnabled: z.boolean(),
  /** Where the host listens now (127.0.0.1 while the LAN API is off); null when it does not listen. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** The addresses LAN clients use (this machine's IPv4 addresses), empty while the LAN API is off. */
  urls: z.array(z.string().meta({ format: 'uri' })),
  /** Why the LAN API cannot be switched on now (the default admin password), or null. */
  blockedReason: z.string().nullable(),
  /** Why the last change of address failed (the port is taken), or null. */
  error: z.string().nullable(),
  /**
   * The server this status and its LAN settings describe, when several servers share one database
   * (each keeps its own address and port); null for the one server of a SQLite file.
   */
  server: z.string().nullable(),
});
export type NetworkStatus = z.infer<typeof NetworkStatusSchema>;

export const settingsCommands = defineCommands({
  'settings:get': {
    summary: 'Hotel settings', tags: ['Settings'], roles: DESK, boot: true,
    description: 'The hotel\'s name, time zone, currency, language, check-in and check-out times, integrations and LAN switch.',
    example: {},
    input: z.object({}), output: SettingsSchema, http: { method: 'GET', path: '/api/v1/settings' },
  },
  'settings:update': {
    emits: ['settings.changed'],
    summary: 'Change hotel settings', tags: ['Settings'], roles: ADMIN, unbatched: true, errors: ['CONFLICT'],
    description:
      'Changes only the settings sent (at least one). Turning the LAN API on is refused (409) while the default admin password is unchanged. ' +
      'The time zone is fixed once the hotel has stays or room blocks (409): their local dates and times were agreed in it.',
    example: { hotelName: 'Hotel Nordlys', timeZone: 'Europe/Copenhagen', checkinTime: '15:00' },
    input: SettingsUpdateSchema, output: SettingsSchema, http: { method: 'PATCH', path: '/api/v1/settings' },
  },
  'network:status': {
    summary: 'Whether the LAN API is on, where the host listens, the URLs LAN clients use', tags: ['Settings'], roles: DESK,
    description: 'The LAN API\'s state: on or off, the address the host listens on, the URLs to give LAN clients, and why it cannot be switched on, if so.',
    example: {},
    input: z.object({}), output: NetworkStatusSchema, http: { method: 'GET', path: '/api/v1/network' },
  },
});

export const settingsEvents = {
  'settings.changed': { schema: z.object({ type: z.literal('settings.changed'), settings: SettingsSchema }), audience: () => ({ desk: true }) },
} as const satisfies EventDefs;
