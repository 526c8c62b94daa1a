/**
 * Renders command-table.ts, the contract's routing facts as plain data: the preload and the
 * renderer's first bundle need every command's name, REST binding and flags, but must not load zod
 * and every schema (a sandboxed preload is one self-contained file; the board's first paint is
 * benchmarked). `npm run contract:table` writes it; tests/shared/contract/command-table.test.ts fails when
 * it differs from what this renders, so the two cannot drift.
 */
import { commandDef, commandNames } from './commands';

export interface CommandRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Callable over IPC from the desktop window. */
  ipc: boolean;
  /** Sent by the renderer's boot script. */
  boot?: true;
  /** A CSV export of the export registry. */
  export?: string;
  /** A file import: the file is the body (REST) or the open dialog's (desktop). */
  upload?: true;
  /** A write's live events: what the renderer refreshes after it (command-def.ts `emits`). */
  emits?: readonly string[];
}

export function commandRoutes(): Record<string, CommandRoute> {
  return Object.fromEntries(
    commandNames.map((name) => {
      const def = commandDef(name);
      const route: CommandRoute = { method: def.http.method, path: def.http.path, ipc: def.ipc !== false };
      if (def.boot) route.boot = true;
      if (def.export) route.export = def.export;
      if (def.upload) route.upload = true;
      if (def.emits) route.emits = def.emits;
      return [name, route];
    }),
  );
}

export function renderCommandTable(): string {
  const rows = Object.entries(commandRoutes()).map(([name, r]) => {
    const flags = [`method: '${r.method}'`, `path: '${r.path}'`, `ipc: ${r.ipc}`];
    if (r.boot) flags.push('boot: true');
    if (r.export) flags.push(`export: '${r.export}'`);
    if (r.upload) flags.push('upload: true');
    if (r.emits) flags.push(`emits: [${r.emits.map((e) => `'${e}'`).join(', ')}]`);
    return `  '${name}': { ${flags.join(', ')} },`;
  });
  return [
    '// Generated from the contract by `npm run contract:table` (shared/contract/command-table-source.ts).',
    '// Do not edit: tests/shared/contract/command-table.test.ts fails when this differs from the contract.',
    '/** Every command\'s REST binding and flags as plain data, for code that must not load zod. */',
    'export const COMMAND_TABLE = {',
    ...rows,
    '} as const;',
    '',
  ].join('\n');
}
