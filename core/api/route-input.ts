/**
 * How a command's input travels over HTTP: split between the path parameters (`:id`) and either
 * the query string (GET, DELETE) or the JSON body. The route validates each part with its slice of
 * the input schema and merges them (path last, so `/stays/7` wins over a body's `id`).
 *
 * The input is a `z.object`, or, for a JSON body, a union of objects: one path served by one
 * command whose body is told apart by its fields (`POST /api/v1/bookings` takes seed 001's
 * `{provider_id, date, time}` or seed 003's `{timeslotId, roomId}`). Each option then holds the path
 * parameters; the body's slice is the same kind of union of the options without them (`z.xor`
 * stays exclusive and is documented as `oneOf`, `z.union` as `anyOf`).
 */
import { z } from 'zod';
import type { CommandDef } from '../../shared/contract/commands';

export type AnyObject = z.ZodObject<z.ZodRawShape>;

export const QUERY_METHODS = new Set(['GET', 'DELETE']);

export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

export interface InputParts {
  params?: AnyObject;
  /** The query string's or the body's slice; absent when the command takes nothing there. */
  rest?: z.ZodType;
  /** The field names the rest may carry (every option's, for a union). */
  restKeys: string[];
  /** A body method's fields that may also come in the query string (`http.query`), all optional there. */
  query?: AnyObject;
}

type ObjectUnion = z.ZodUnion<readonly AnyObject[]>;

function isObjectUnion(input: z.ZodType): input is ObjectUnion {
  return input instanceof z.ZodUnion && (input as z.ZodUnion).options.every((o) => o instanceof z.ZodObject);
}

/** The same kind of union (`xor`, `discriminatedUnion`, `union`) over other options. */
function unionLike(of: ObjectUnion, options: AnyObject[]): z.ZodType {
  const def = of._zod.def as { inclusive?: boolean; discriminator?: string };
  const list = options as [AnyObject, AnyObject, ...AnyObject[]];
  if (def.discriminator !== undefined) return z.discriminatedUnion(def.discriminator, list);
  return def.inclusive === false ? z.xor(list) : z.union(list);
}

/** Splits a command's input schema between the path parameters and the rest. */
export function splitInput(name: string, def: CommandDef): InputParts {
  const keys = pathParams(def.http.path);
  const mask = Object.fromEntries(keys.map((k) => [k, true])) as Record<string, true>;
  const checkPath = (o: AnyObject) => {
    for (const k of keys) if (!(k in o.shape)) throw new Error(`${name}: path parameter :${k} is not in the input schema`);
  };

  if (def.input instanceof z.ZodObject) {
    const input = def.input as AnyObject;
    checkPath(input);
    const params = keys.length ? (input.pick(mask) as AnyObject) : undefined;
    const rest = keys.length ? (input.omit(mask) as AnyObject) : input;
    const restKeys = Object.keys(rest.shape);
    const queryFields = def.http.query ?? {};
    if (Object.keys(queryFields).length && QUERY_METHODS.has(def.http.method)) throw new Error(`${name}: http.query is for a body method; ${def.http.method} reads the whole query`);
    for (const k of Object.keys(queryFields)) if (!(k in rest.shape)) throw new Error(`${name}: query field ${k} is not in the input schema`);
    const query = Object.keys(queryFields).length
      ? z.object(Object.fromEntries(Object.entries(queryFields).map(([k, schema]) => [k, schema.optional()])))
      : undefined;
    return { params, rest: restKeys.length ? rest : undefined, restKeys, ...(query ? { query } : {}) };
  }

  if (isObjectUnion(def.input)) {
    if (QUERY_METHODS.has(def.http.method)) throw new Error(`${name}: a union input needs a JSON body, not ${def.http.method}`);
    const options = def.input.options as readonly AnyObject[];
    options.forEach(checkPath);
    const params = keys.length ? (options[0]!.pick(mask) as AnyObject) : undefined;
    const rest = keys.length ? unionLike(def.input, options.map((o) => o.omit(mask) as AnyObject)) : def.input;
    const restKeys = [...new Set(options.flatMap((o) => Object.keys(o.shape).filter((k) => !keys.includes(k))))];
    return { params, rest, restKeys };
  }

  throw new Error(`${name}: an HTTP command's input must be a z.object or, for a JSON body, a union of z.objects`);
}
