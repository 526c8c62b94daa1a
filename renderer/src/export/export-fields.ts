/**
 * The export center's list (issue 17 §3): every export the contract declares (a command with the
 * `export` flag that the window can run), who may run it, and its filters read from the command's
 * input schema, so an export registered later (a report's) appears with its filters and no change
 * here. `delimiter`, `bom` and `lang` are the center's own controls, not filters.
 */
import type { Role } from '../../../shared/contract/roles';
import { commands, commandNames } from '../../../shared/contract/commands';
import { isFileExport, type FileExportName } from '../../../shared/contract/ipc-channels';

export type FilterKind = 'date' | 'choice' | 'text';
export interface ExportFilter {
  key: string;
  kind: FilterKind;
  /** The values of a choice. */
  options?: readonly string[];
}
export interface ExportEntry {
  name: FileExportName;
  roles: readonly Role[];
  filters: ExportFilter[];
  /** Whether it takes `lang` (headers in the desk's language). */
  takesLang: boolean;
}

/** Options of the file, not filters of its rows. */
const OWN_CONTROLS = new Set(['delimiter', 'bom', 'lang']);

interface SchemaLike {
  def?: { type?: string; innerType?: SchemaLike; entries?: Record<string, string>; options?: SchemaLike[] };
  _zod?: { def: SchemaLike['def'] };
  shape?: Record<string, SchemaLike>;
}

function defOf(s: SchemaLike): NonNullable<SchemaLike['def']> {
  return s.def ?? s._zod?.def ?? {};
}

/** Optional and default wrappers off. */
function unwrap(s: SchemaLike): SchemaLike {
  let at = s;
  for (let d = defOf(at); (d.type === 'optional' || d.type === 'default') && d.innerType; d = defOf(at)) at = d.innerType;
  return at;
}

function filterOf(key: string, schema: SchemaLike): ExportFilter {
  if (key === 'from' || key === 'to' || key === 'date') return { key, kind: 'date' };
  const def = defOf(unwrap(schema));
  if (def.type === 'enum' && def.entries) return { key, kind: 'choice', options: Object.values(def.entries) };
  return { key, kind: 'text' };
}

/** The exports a role may run, in the contract's order, each with its filters. */
export function exportEntries(role: Role | null | undefined): ExportEntry[] {
  const entries: ExportEntry[] = [];
  for (const name of commandNames) {
    if (!isFileExport(name)) continue;
    const def = commands[name];
    const roles = def.roles as readonly Role[];
    if (role && !roles.includes(role)) continue;
    const shape = (def.input as unknown as SchemaLike).shape ?? {};
    const keys = Object.keys(shape);
    entries.push({ name, roles, takesLang: keys.includes('lang'), filters: keys.filter((k) => !OWN_CONTROLS.has(k)).map((k) => filterOf(k, shape[k]!)) });
  }
  return entries;
}
