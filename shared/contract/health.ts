/** Liveness: public, for monitoring and Docker's HEALTHCHECK. */
import { z } from 'zod';
import { defineCommands } from './command-def';

/** `database`: the engine under this server and its version (`SQLite 3.51.3`, `PostgreSQL 15.18`). */
export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), database: z.string() });

export const healthCommands = defineCommands({
  'health:get': {
    summary: 'Liveness and versions', tags: ['Health'], roles: 'public',
    description: 'Answers 200 while the server and its database work, with the app\'s version and the database engine\'s; 503 with `Retry-After` while the database cannot be reached. No sign-in needed.',
    example: {},
    input: z.object({}), output: HealthSchema, http: { method: 'GET', path: '/health' },
  },
});
