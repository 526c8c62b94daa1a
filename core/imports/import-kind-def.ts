/**
 * What a kind of import is (the kinds themselves: core/composition/import-kinds.ts, the list that names
 * the domains whose records can be imported): its fields with the header names guessed for them, the
 * contract schema its rows are checked against, its natural key and how it reads what is stored and
 * saves a row through the domain's own service.
 */
import type { z } from 'zod';
import type { ImportKind } from '../../shared/contract/imports';
import type { CallContext } from '../context';

export type FieldType = 'text' | 'integer' | 'money' | 'date' | 'boolean' | 'hours';

export interface FieldDef {
  field: string;
  type: FieldType;
  required: boolean;
  /** Header names that map to this field, compared without case, spaces, dots, dashes or underscores. */
  headers: readonly string[];
}

/** What is stored already, read once inside the import's transaction. */
export interface Existing {
  keys: Set<string>;
  rooms: Map<number, { id: number; capacity: number }>;
}

/** One kind of import; `S` is the core's services, which its `load` and `save` call (core/composition/import-kinds.ts). */
export interface KindDef<S = never> {
  fields: readonly FieldDef[];
  schema: z.ZodType;
  load(s: S, nowMs: number): Promise<Existing>;
  /** The row's natural key, from its checked input. */
  keyOf(input: Record<string, unknown>): string;
  /**
   * Whether the domain's service itself refuses a second record with the same key (a taken room number,
   * plate, e-mail or name; an overlapping stay): then a repeated row of the file is refused by that
   * rule; otherwise (service rooms) the import refuses it as a repeated row.
   */
  serviceRefusesRepeat: boolean;
  save(s: S, input: never, ctx: CallContext): Promise<unknown>;
}

/** Every kind, by the contract's name for it. */
export type ImportKinds<S> = Record<ImportKind, KindDef<S>>;
