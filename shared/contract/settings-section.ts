/**
 * A settings section (issue 19 §3): the settings one domain owns, each written once — its field in
 * the answer (`GET /api/v1/settings`, `settings.changed`), what `PATCH /api/v1/settings` takes for it
 * (its limits, so the API document states them), its value on the first start, and the few facts the
 * settings service must know of it. A domain declares its section beside its contract
 * (`shared/contract/<domain>-settings.ts`) and names it in its entry of the contract's registry
 * (domains.ts, read by `settings-sections.ts`); the schemas, the defaults and the service are built
 * from the list, and the renderer's form from its own domains' entries (renderer/src/composition/domains.ts).
 */
import { z } from 'zod';

export interface SettingDef {
  /** Its field in answers and events (none for a write-only setting: a password). */
  answer?: z.ZodType;
  /** What an update takes for it, with its limits (none for one the service derives); made optional unless it is already. */
  update?: z.ZodType;
  /** Its value on the first start, or a function for one read from the machine (the time zone). */
  default?: unknown;
  /** Kept per server when several servers share one database (where each one's API listens). */
  perServer?: true;
  /** A URL that may carry a password: shown as `***` in every answer, event and audit row. */
  secretInUrl?: true;
  /** Derived by the service from what is stored, never stored itself (whether a password is set). */
  derived?: true;
}

/** A section: its settings by name, in the order answers list them. */
export type SettingsSectionDef = Readonly<Record<string, SettingDef>>;

/** Checks a section's shape while keeping each setting's schemas' types. */
export function settingsSection<const S extends SettingsSectionDef>(section: S): S {
  return section;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Flat<T> = { [K in keyof T]: T[K] };
type AnswerOf<S> = S extends unknown ? { [K in keyof S as S[K] extends { answer: z.ZodType } ? K : never]: S[K] extends { answer: infer A } ? A : never } : never;
type UpdateOf<S> = S extends unknown ? { [K in keyof S as S[K] extends { update: z.ZodType } ? K : never]: S[K] extends { update: infer U extends z.ZodType } ? (U extends z.ZodOptional ? U : z.ZodOptional<U>) : never } : never;

/** The answer's shape: every section's answered settings, in the sections' order. */
export type AnswerShape<L extends readonly SettingsSectionDef[]> = Flat<UnionToIntersection<AnswerOf<L[number]>>>;
/** The update's shape: every section's writable settings, each optional. */
export type UpdateShape<L extends readonly SettingsSectionDef[]> = Flat<UnionToIntersection<UpdateOf<L[number]>>>;

/** Every setting of the sections, `[name, def]`, in order. */
export function settingDefs(sections: readonly SettingsSectionDef[]): [string, SettingDef][] {
  return sections.flatMap((section) => Object.entries(section));
}

export function answerShape<const L extends readonly SettingsSectionDef[]>(sections: L): AnswerShape<L> {
  return Object.fromEntries(settingDefs(sections).flatMap(([key, def]) => (def.answer ? [[key, def.answer]] : []))) as AnswerShape<L>;
}

export function updateShape<const L extends readonly SettingsSectionDef[]>(sections: L): UpdateShape<L> {
  return Object.fromEntries(settingDefs(sections).flatMap(([key, def]) => (def.update ? [[key, def.update instanceof z.ZodOptional ? def.update : def.update.optional()]] : []))) as UpdateShape<L>;
}
