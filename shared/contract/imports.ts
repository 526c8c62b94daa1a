/**
 * The import center (issue 17 §3): guest rooms, service rooms, providers, cars, stock resources and
 * future stays from a CSV a hotel already has (another system's export, a spreadsheet saved as CSV).
 * A dry run checks every row through the desk's own services in a transaction that is rolled back;
 * the import then writes all rows or none, or (chosen explicitly) only the valid ones. docs/imports.md.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import type { EventDefs } from './event-def';
import { ADMIN } from './roles';
import { QueryBoolSchema, QueryBoolTextSchema } from './primitives';

export const IMPORT_KINDS = ['guestRooms', 'serviceRooms', 'providers', 'cars', 'stockResources', 'stays'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/** `allOrNothing`: one bad row and nothing is written. `validOnly`: the good rows are written, the bad ones reported. */
export const IMPORT_MODES = ['allOrNothing', 'validOnly'] as const;
export const ImportModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportModeSchema>;

/** The largest CSV text the JSON command takes (the API's body limit is 1 MiB); larger files go as a file (`imports:runFile`). */
export const MAX_IMPORT_TEXT = 1_000_000;
/** The largest CSV file `imports:runFile` takes (an upload's body, or the file chosen on the desktop): 64 MiB. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The caller's own name for one import under way (a random id it makes before it sends the import),
 * so it can follow the import's `import.progress` events and cancel it (`imports:cancel`) before
 * the answer arrives. Each user's ids are their own.
 */
export const ImportJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8–64 letters, digits, - or _')
  .meta({ description: 'Your own id for this import (8–64 letters, digits, `-`, `_`), to follow its progress and cancel it.', example: 'b7e1c2d4-import' });

/** Which header of the file holds each field (`number` → `Værelse`); unmapped fields are guessed from the header. */
export const ImportMappingSchema = z
  .record(z.string().regex(/^[A-Za-z]{1,40}$/, 'expected a field name'), z.string().max(200))
  .refine((m) => Object.keys(m).length <= 40, 'at most 40 mapped fields')
  .meta({ description: 'Field → the file\'s column header, e.g. `{"number": "Værelse"}`. Fields left out are guessed from the header (Danish and English names).' });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const ImportRunSchema = z.object({
  kind: ImportKindSchema,
  csv: z.string().min(1, 'csv is required').max(MAX_IMPORT_TEXT).meta({ description: 'The file\'s text: `,` or `;` separated, a header line first.' }),
  dryRun: QueryBoolSchema.default(false).meta({ description: 'Check every row in a transaction that is rolled back: nothing is written. Also `?dryRun=true` in the query string.' }),
  mode: ImportModeSchema.default('allOrNothing'),
  mapping: ImportMappingSchema.optional(),
  jobId: ImportJobIdSchema.optional(),
});
export type ImportRun = z.input<typeof ImportRunSchema>;

/** The mapping as the query string carries it: a JSON object's text (`{"number":"Værelse"}`). */
export const MAPPING_TEXT_MESSAGE = 'expected a JSON object of field → column header';
export const ImportMappingTextSchema = z
  .string()
  .max(8_000)
  .regex(/^\s*\{[\s\S]*\}\s*$/, MAPPING_TEXT_MESSAGE)
  .transform((text, ctx) => {
    try {
      const value = JSON.parse(text) as unknown;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // said below
    }
    ctx.addIssue({ code: 'custom', message: MAPPING_TEXT_MESSAGE });
    return z.NEVER;
  })
  .pipe(ImportMappingSchema)
  .meta({ description: 'Field → the file\'s column header, as JSON text: `{"number":"Værelse"}`. Fields left out are guessed from the header.' });

/** `imports:runFile`: the file is the body (REST) or the one chosen in the desktop's open dialog; the rest is here. */
export const ImportFileRunSchema = z.object({
  kind: ImportKindSchema,
  // Described in the command's text: a `.meta()` here would document it as a boolean only, not as the query's text.
  dryRun: QueryBoolSchema.optional(),
  mode: ImportModeSchema.default('allOrNothing'),
  mapping: ImportMappingTextSchema.optional(),
  jobId: ImportJobIdSchema.optional(),
});
export type ImportFileRun = z.input<typeof ImportFileRunSchema>;

/** How far an import under way has come (the `import.progress` event). */
export const ImportProgressSchema = z.object({
  /** `checking`: rows are read, checked and written (in the import's transaction); `committing`: the last step. */
  phase: z.enum(['checking', 'committing']),
  /** Bytes of the file read so far, and the file's size when it is known (a file, an upload). */
  bytes: z.number().int(),
  totalBytes: z.number().int().optional(),
  /** Data rows read and checked so far; of them created (in the transaction until it commits), unchanged and failed. */
  rows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const ImportRowErrorSchema = z.object({
  /** The file's line of the row: the header is line 1. */
  row: z.number().int(),
  /** The file's column header the error is about, when it is about one. */
  column: z.string().nullable(),
  /** The stable refusal code (`rooms.numberTaken`, `imports.badDate`), translated by the renderer. */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The English message, as the API says it. */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportSummarySchema = z.object({
  kind: ImportKindSchema,
  dryRun: z.boolean(),
  mode: ImportModeSchema,
  /** Whether anything was written (false for a dry run and for an all-or-nothing run with errors). */
  committed: z.boolean(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  columns: z.array(z.string()),
  /** The mapping used: field → column header. */
  mapping: z.record(z.string(), z.string()),
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows already in the database (same natural key): left as they are, so a re-import changes nothing. */
  unchanged: z.number().int(),
  failed: z.number().int(),
  /** Every failing row's errors, at most 10 000. */
  errors: z.array(ImportRowErrorSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportFieldSchema = z.object({ field: z.string(), required: z.boolean(), headers: z.array(z.string()) });
export const ImportKindInfoSchema = z.object({
  kind: ImportKindSchema,
  fields: z.array(ImportFieldSchema),
  /** The mapping saved by the last import of this kind (field → header), empty before the first. */
  savedMapping: z.record(z.string(), z.string()),
});
export type ImportKindInfo = z.infer<typeof ImportKindInfoSchema>;

const RUN_RULES = [
  { when: 'the text holds binary data (a NUL character)', error: 'The file is not a CSV text file (it holds binary data)' },
  { when: 'no column of the header names a field of the kind', error: 'The file is not a CSV of this kind: no column of its header names a field' },
  { when: 'a required field has no column', error: 'The file has no column for "capacity"' },
  { when: 'a row is longer than 100 000 characters', error: 'Row 3 is longer than 100000 characters' },
  { when: 'the import was cancelled (`imports:cancel`)', error: 'The import was cancelled: nothing was written' },
  { when: 'another import of yours runs with the same `jobId`', error: 'An import with this jobId is already running' },
] as const;

const RUN_DESCRIPTION =
  'Imports guest rooms, service rooms, providers, cars, stock resources or future stays from CSV (UTF-8 with or without BOM, or Windows-1252; ' +
  '`,` or `;`; decimal comma; dates `dd-mm-yyyy` or ISO). Every row is checked by the same rules as the desk (a taken room number, an overlap ' +
  'with a stay or with another row of the file); `dryRun: true` checks in a transaction that is rolled back. `allOrNothing` writes nothing ' +
  'when any row fails; `validOnly` writes the good rows. A row whose natural key exists already (room number, plate, e-mail, name, or the same ' +
  'stay) is left unchanged, so importing a file twice changes nothing. A cell starting with `=` or `@`, or with `+` or `-` and more than a number ' +
  'after it (a phone number `+45 20 12 34 56` is data), is a formula and is refused. The answer lists each failing row\'s line, column and reason. With a `jobId`, the caller hears the import\'s ' +
  '`import.progress` events on its live feed and may cancel it (`POST /api/v1/imports/jobs/{jobId}/cancel`): a cancelled import writes nothing. Audited.';

export const importCommands = defineCommands({
  'imports:kind': {
    summary: 'An import kind\'s fields and saved mapping', tags: ['Imports'], roles: ADMIN,
    description: 'The fields a CSV of this kind may carry, the header names guessed for each (Danish and English), and the column mapping the last import of this kind saved.',
    example: { kind: 'guestRooms' },
    input: z.object({ kind: ImportKindSchema }), output: ImportKindInfoSchema, http: { method: 'GET', path: '/api/v1/imports/:kind' },
  },
  'imports:run': {
    emits: ['room.changed', 'stay.changed', 'appointmentSetup.changed', 'car.changed', 'stock.changed'],
    summary: 'Import a CSV text (or check it: dry run)', tags: ['Imports'], roles: ADMIN, async: true, selfAudited: true,
    errors: ['PAYLOAD_TOO_LARGE', 'CONFLICT'],
    description: `${RUN_DESCRIPTION} The CSV travels as JSON text here (at most 1 000 000 characters); a larger file goes as the body of \`POST /api/v1/imports/{kind}/file\`.`,
    example: { kind: 'guestRooms', csv: 'Værelse;Kategori;Pladser;Pris;Etage\n101;Dobbeltværelse;2;1125,00;1\n', dryRun: true, mode: 'allOrNothing' },
    input: ImportRunSchema, output: ImportSummarySchema, http: {
      method: 'POST',
      path: '/api/v1/imports/:kind',
      query: { dryRun: QueryBoolTextSchema.meta({ description: '`true` (or `1`): a dry run, whatever the body says; `false`/`0`: not.' }) },
    },
    rules: RUN_RULES,
  },
  'imports:runFile': {
    emits: ['room.changed', 'stay.changed', 'appointmentSetup.changed', 'car.changed', 'stock.changed'],
    summary: 'Import a CSV file, streamed (or check it: dry run)', tags: ['Imports'], roles: ADMIN, async: true, selfAudited: true,
    errors: ['PAYLOAD_TOO_LARGE', 'CONFLICT'],
    description:
      `${RUN_DESCRIPTION} The file is the request's body (\`Content-Type: text/csv\`, at most 64 MiB, read as it streams: a larger one is ` +
      'refused with 413 and nothing is written); the options are in the query string (`dryRun=true` checks only; default false). In the desktop app the file is the one chosen in the open dialog.',
    example: { kind: 'stays', dryRun: true, mode: 'allOrNothing', jobId: 'b7e1c2d4-import' },
    input: ImportFileRunSchema, output: ImportSummarySchema, http: { method: 'POST', path: '/api/v1/imports/:kind/file' },
    upload: { contentType: 'text/csv', maxBytes: MAX_IMPORT_FILE_BYTES },
    rules: [...RUN_RULES, { when: '`mapping` is not the text of a JSON object (field → column header)', error: `mapping: ${MAPPING_TEXT_MESSAGE}` }],
  },
  'imports:cancel': {
    emits: [],
    summary: 'Cancel an import under way', tags: ['Imports'], roles: ADMIN,
    // Never waits for the database's writer, which the import it cancels holds: not a batched write.
    async: true, selfAudited: true,
    description: 'Stops your import (or dry run) named by its `jobId`: it is rolled back between two rows and writes nothing; its own request then answers 400 "The import was cancelled: nothing was written". `cancelled: false` when no import of yours by that id is running (it finished, or never was).',
    example: { jobId: 'b7e1c2d4-import' },
    input: z.object({ jobId: ImportJobIdSchema }), output: z.object({ cancelled: z.boolean() }),
    http: { method: 'POST', path: '/api/v1/imports/jobs/:jobId/cancel' },
  },
});

export const importEvents = {
  /** An import under way, told to the user who started it (on every window and feed of theirs), a few times a second. */
  'import.progress': {
    schema: z.object({ type: z.literal('import.progress'), jobId: z.string(), userId: z.number().int().nullable(), progress: ImportProgressSchema }),
    audience: (e: { userId: number | null }) => ({ ownerId: e.userId }),
  },
} as const satisfies EventDefs;
