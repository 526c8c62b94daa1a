/** The audit log (SPEC §3.5): who did what, when and from where; append-only; filtered and exported by admins. */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateSchema, ExportResultSchema, IdParamSchema, InstantSchema, queryInt, TextSchema } from './primitives';
import { ADMIN } from './roles';

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** ISO 8601 instant in the hotel's zone. */
  at: InstantSchema,
  actor: z.string(),
  role: z.string(),
  /** The command (`stays:create`) or sign-in event (`auth:login`, `auth:loginFailed`). */
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** JSON with secrets removed. */
  detail: z.string(),
  via: z.string(),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditFilterSchema = z.object({
  actor: TextSchema(64).optional(),
  action: TextSchema(64).optional(),
  entity: TextSchema(64).optional(),
  /** Hotel-local dates, inclusive. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export const AuditQuerySchema = AuditFilterSchema.extend({
  limit: queryInt(1, 500).default(100),
  /** Paging backwards: entries older than this id. */
  beforeId: IdParamSchema.optional(),
});
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), nextBeforeId: z.number().int().nullable() });
export const AuditExportQuerySchema = AuditFilterSchema.extend({
  delimiter: z.enum([',', ';']).default(','),
  bom: z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]).default(false),
});

export const auditCommands = defineCommands({
  'audit:list': {
    summary: 'The audit log, newest first, filtered', tags: ['Audit log'], roles: ADMIN, inclusiveDates: true,
    description: 'A page of the audit log, newest first, filtered by who, what, on which kind of record and the hotel-local dates; page backwards with `beforeId`.',
    example: { actor: 'anna.desk', action: 'stays:cancel', from: '2026-06-01', to: '2026-06-30', limit: 50 },
    input: AuditQuerySchema, output: AuditPageSchema, http: { method: 'GET', path: '/api/v1/audit' },
  },
  'audit:export': {
    summary: 'The audit log as CSV', tags: ['Exports', 'Audit log'], roles: ADMIN, export: 'audit', inclusiveDates: true,
    description: 'The audit log as a CSV download, filtered like the list; the desktop app writes the same file where the user chooses.',
    example: { from: '2026-06-01', to: '2026-06-30', delimiter: ';', bom: true },
    input: AuditExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/audit.csv' },
  },
});
