/** Liveness: public, for monitoring and Docker's HEALTHCHECK. */
import { z } from 'zod';
import { defineCommands } from './command-def';

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), sqlite: z.string() });

export const healthCommands = defineCommands({
  'health:get': {
    summary: 'Liveness and versions', tags: ['Health'], roles: 'public',
    description: 'Answers 200 while the server and its database work, with the app\'s and SQLite\'s versions. No sign-in needed.',
    example: {},
    input: z.object({}), output: HealthSchema, http: { method: 'GET', path: '/health' },
  },
});
