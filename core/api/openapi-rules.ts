/**
 * The 400s no schema can state, in the API document (issue 18 item 5): each operation's rules across
 * fields, against the clock or against the records (CommandDef.rules) are listed in its description,
 * and each rule's message is an example of its 400 answer, so a client (and the document-driven
 * fuzzer, tests/integration/openapi-fuzz.test.ts) knows every refusal a valid-looking input can meet.
 * An operation that takes a date-time (DateTimeInputSchema) also states the DST rule: a hotel-local
 * wall time that a daylight saving change skips does not exist, and is refused.
 */
import type { z } from 'zod';
import type { CommandDef, InputRule } from '../../shared/contract/command-def';
import { DST_GAP_RULE } from '../../shared/contract/input-rules';
import { DateTimeInputSchema } from '../../shared/contract/primitives';

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  element?: z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Whether the input holds a DateTimeInputSchema field, under optional, nullable, default, union or array. */
export function takesDateTime(schema: z.ZodType): boolean {
  if (schema === DateTimeInputSchema) return true;
  const d = defOf(schema);
  const inner = [d.innerType, d.in, d.element, ...(d.options ?? []), ...Object.values(d.shape ?? {})];
  return inner.some((s) => s !== undefined && takesDateTime(s));
}

/** The command's rules, the DST rule added where it takes a date-time. */
export function rulesOf(def: CommandDef): InputRule[] {
  return [...(def.rules ?? []), ...(takesDateTime(def.input) ? [DST_GAP_RULE] : [])];
}

type Json = Record<string, unknown>;

/** Adds the rules to the operation's description and their messages to its 400 answer's examples. */
export function describeRules(def: CommandDef, schema: Json): void {
  const rules = rulesOf(def);
  if (rules.length === 0) return;
  const lines = rules.map((r) => `- ${r.when}: \`${r.error}\``);
  schema.description = `${String(schema.description ?? '')}\n\n**Also refused with 400** (beyond what the schema states):\n${lines.join('\n')}`;
  const response = schema.response as Record<string, Json> | undefined;
  const bad = response?.['400'];
  if (!response || !bad) return;
  const examples = Object.fromEntries(
    rules.flatMap((r, i) => [r.error, ...(r.also ?? [])].map((error, j) => [`rule${i + 1}${j ? `-${j + 1}` : ''}`, { summary: r.when, value: { error } }])),
  );
  response['400'] = { ...bad, 'x-examples': examples };
}
