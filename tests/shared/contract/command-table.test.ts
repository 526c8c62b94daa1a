import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../../shared/contract/command-table';
import { renderCommandTable } from '../../../shared/contract/command-table-source';
import { commandDef, commandNames } from '../../../shared/contract/commands';

describe('the generated command table', () => {
  it('is exactly what the contract renders (run `npm run contract:table` after changing a command)', () => {
    const committed = readFileSync(new URL('../../../shared/contract/command-table.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderCommandTable());
  });

  it('holds every command with its binding and flags', () => {
    expect(Object.keys(COMMAND_TABLE)).toEqual(commandNames);
    for (const name of commandNames) {
      const def = commandDef(name);
      const row = COMMAND_TABLE[name] as { method: string; path: string; ipc: boolean; boot?: true; export?: string; upload?: true; emits?: readonly string[] };
      expect(row, name).toEqual({
        method: def.http.method,
        path: def.http.path,
        ipc: def.ipc !== false,
        ...(def.boot ? { boot: true } : {}),
        ...(def.export ? { export: def.export } : {}),
        ...(def.upload ? { upload: true } : {}),
        // A write's declared live events (issue 19 §2), which the renderer's stores reload by.
        ...(def.emits ? { emits: def.emits } : {}),
      });
    }
  });

  it('marks for the boot script only GETs without path parameters', () => {
    for (const name of commandNames.filter((n) => commandDef(n).boot)) {
      expect(commandDef(name).http.method, name).toBe('GET');
      expect(commandDef(name).http.path, name).not.toContain(':');
    }
  });
});
