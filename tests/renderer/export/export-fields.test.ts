/** The export center's list (issue 17 §3): every export of the contract a role may run, with its filters read from the command. */
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../../renderer/src/export/export-fields';
import { commandDef, commandNames } from '../../../shared/contract/commands';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';

describe('exportEntries', () => {
  it('lists every file export of the contract for an admin: stays, audit log, appointments, cars, rentals, stock, the four reports', () => {
    const names = exportEntries('admin').map((e) => e.name).sort();
    // Every export command the window can run (a new domain's export needs no line here), these among them.
    expect(names).toEqual(commandNames.filter((n) => commandDef(n).export !== undefined && commandDef(n).ipc !== false).sort());
    expect(names).toEqual(expect.arrayContaining(['appointments:export', 'audit:export', 'cars:export', 'rentals:export', 'stays:export', 'stock:export',
      'reports:appointmentsExport', 'reports:fleetExport', 'reports:roomsExport', 'reports:stockExport']));
  });

  it('leaves out what the role may not run: staff see no audit log', () => {
    const names = exportEntries('staff').map((e) => e.name);
    expect(names).not.toContain('audit:export');
    expect(names).toContain('stays:export');
  });

  it('reads each export\'s filters from its command: dates, choices with their values, ids as text; the file\'s own options are not filters', () => {
    const stays = exportEntries('admin').find((e) => e.name === 'stays:export')!;
    expect(stays.takesLang).toBe(true);
    expect(stays.filters).toEqual([
      { key: 'from', kind: 'date' },
      { key: 'to', kind: 'date' },
      { key: 'status', kind: 'choice', options: [...STAY_STATUSES] },
      { key: 'roomId', kind: 'text' },
    ]);
    const cars = exportEntries('admin').find((e) => e.name === 'cars:export')!;
    expect(cars.takesLang).toBe(false);
    expect(cars.filters.map((f) => [f.key, f.kind])).toEqual([['fuel', 'text'], ['state', 'choice']]);
    const rooms = exportEntries('staff').find((e) => e.name === 'reports:roomsExport')!;
    expect(rooms.filters).toEqual([
      { key: 'period', kind: 'choice', options: ['day', 'monthToDate', 'yearToDate', 'range'] },
      { key: 'date', kind: 'date' },
      { key: 'from', kind: 'date' },
      { key: 'to', kind: 'date' },
    ]);
  });
});
