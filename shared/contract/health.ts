/**
 * Health, public, for monitoring, Docker's HEALTHCHECK and a load balancer in front of several
 * servers (docs/postgresql.md): `/health` as ever (the server and its database work), and the two
 * probes a balancer tells apart: `/health/live` (the process answers: restart it if not) and
 * `/health/ready` (it can serve: the database answers and holds every migration of this release;
 * send it no traffic while not).
 */
import { z } from 'zod';
import { defineCommands } from './command-def';

/** `database`: the engine under this server and its version (`SQLite 3.51.3`, `PostgreSQL 15.18`). */
export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), database: z.string() });

export const LivenessSchema = z.object({ status: z.literal('alive'), version: z.string() });

export const ReadinessSchema = z.object({
  status: z.literal('ready'),
  version: z.string(),
  database: z.string(),
  /** This server's name when several share one PostgreSQL database (`--server-name`); null on SQLite. */
  server: z.string().nullable(),
  /** The migrations applied to the database, and this release's newest (all of whose are in). */
  migrations: z.object({ applied: z.number().int().min(0), latest: z.string() }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

export const healthCommands = defineCommands({
  'health:get': {
    summary: 'Liveness and versions', tags: ['Health'], roles: 'public',
    description: 'Answers 200 while the server and its database work, with the app\'s version and the database engine\'s; 503 with `Retry-After` while the database cannot be reached. No sign-in needed.',
    example: {},
    errors: ['UNAVAILABLE'],
    input: z.object({}), output: HealthSchema, http: { method: 'GET', path: '/health' },
  },
  'health:live': {
    summary: 'Alive: the process answers', tags: ['Health'], roles: 'public', ipc: false,
    description: 'A load balancer\'s (or an orchestrator\'s) liveness probe: 200 whenever this server\'s process answers, without asking the database, so a server that lost its database is drained (`/health/ready`), not restarted. No sign-in needed.',
    example: {},
    input: z.object({}), output: LivenessSchema, http: { method: 'GET', path: '/health/live' },
  },
  'health:ready': {
    summary: 'Ready: the database answers and is migrated', tags: ['Health'], roles: 'public', ipc: false,
    description: 'A load balancer\'s readiness probe: 200 while this server can serve (its database answers and holds every migration of this release), with the server\'s name; 503 with `Retry-After` while the database cannot be reached or is behind this release, so the balancer sends this server nothing until it is ready again. No sign-in needed.',
    example: {},
    errors: ['UNAVAILABLE'],
    input: z.object({}), output: ReadinessSchema, http: { method: 'GET', path: '/health/ready' },
  },
});
