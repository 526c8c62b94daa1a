/**
 * The command shapes several domains repeat, built once: "one record by id, or 404" and seed 003's
 * paginated list (`page`, `limit` → `{items, total, page, limit}`). Each builder returns the same
 * plain CommandDef fields a domain would write by hand, in the same order, so the routes, the API
 * document and the command table are what they were; a domain still spreads nothing and adds any
 * other flag it needs next to the call.
 */
import { z } from 'zod';
import type { CommandDef } from './command-def';
import { type IdParamSchema, queryInt } from './primitives';

/** What every command says about itself in its own words. */
type CommandDoc = Pick<CommandDef, 'summary' | 'tags' | 'roles' | 'description'>;

// ---- one record by id, or 404 -------------------------------------------------------------------

/** `GET path` (ending in `:id`): the record, or 404 (NOT_FOUND) when there is none. */
export function getByIdCommand<const D extends CommandDoc, I extends z.ZodObject<{ id: typeof IdParamSchema }>, O extends z.ZodType>(
  d: D & { exampleId: number; input: I; output: O; path: string },
) {
  return {
    summary: d.summary, tags: d.tags as D['tags'], roles: d.roles, errors: ['NOT_FOUND'] as const, description: d.description,
    example: { id: d.exampleId },
    input: d.input, output: d.output, http: { method: 'GET' as const, path: d.path },
  };
}

// ---- seed 003's paginated list ------------------------------------------------------------------

/** The page, from 1. */
export const PageNumberSchema = queryInt(1, 1_000_000).default(1);
/** Items per page, `fallback` when not sent (above 100 is read as 100, by the services). */
export const pageLimitSchema = (fallback: number) =>
  queryInt(1, 1_000_000).default(fallback).meta({
    description: `Items per page (default ${fallback}). Any value up to 1000000 is taken, but at most 100 are served: above 100 reads as 100, and the answer's \`limit\` says so.`,
  });

/** A list's query: its filters, then `page` and `limit` (default `defaultLimit`). */
export function pageQuerySchema<S extends z.ZodRawShape>(filters: S, defaultLimit: number) {
  return z.object({ ...filters, page: PageNumberSchema, limit: pageLimitSchema(defaultLimit) });
}

/** A page of `item`: `{items, total, page, limit}`. */
export function pageSchema<I extends z.ZodType>(item: I) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), limit: z.number().int() });
}

type PageQuery = z.ZodObject<{ page: typeof PageNumberSchema; limit: z.ZodType }>;
type Page = z.ZodObject<{ items: z.ZodArray; total: z.ZodNumber; page: z.ZodNumber; limit: z.ZodNumber }>;

/** `GET path` with a pageQuerySchema in, a pageSchema out. */
export function pageListCommand<const D extends CommandDoc, I extends PageQuery, O extends Page>(
  d: D & { example: Record<string, unknown>; input: I; output: O; path: string },
) {
  return {
    summary: d.summary, tags: d.tags as D['tags'], roles: d.roles, description: d.description, example: d.example,
    input: d.input, output: d.output, http: { method: 'GET' as const, path: d.path },
  };
}
