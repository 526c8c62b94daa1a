import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_KIND_DEFS } from '../../../core/composition/import-kinds';
import { createImportService, type ImportService } from '../../../core/imports/import-service';
import type { ImportKind, ImportMode } from '../../../shared/contract/imports';
import { expectAppError } from '../../support/app-error';
import { aRoom } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let imports: ImportService;

beforeEach(async () => {
  t = await createTestCore();
  imports = createImportService(t.core.services, IMPORT_KIND_DEFS);
});
afterEach(async () => await t.close());

const run = (kind: ImportKind, csv: string | Uint8Array, opts: { dryRun?: boolean; mode?: ImportMode; mapping?: Record<string, string> } = {}) =>
  imports.run(csv, { kind, dryRun: opts.dryRun ?? false, mode: opts.mode ?? 'allOrNothing', ...(opts.mapping ? { mapping: opts.mapping } : {}) }, adminCtx);
const roomNumbers = async () => (await t.core.handlers['rooms:list']({ includeInactive: true }, deskCtx)).map((r) => r.number);

const ROOMS = 'Værelse;Kategori;Pladser;Pris;Etage\n101;Dobbeltværelse;2;1.125,50;1\n102;Enkeltværelse;1;850;1\n';
const BAD_ROOMS = 'Værelse;Kategori;Pladser;Pris;Etage\n101;Dobbeltværelse;2;1125;1\n102;Enkelt;x;850;1\n101;Suite;4;2500;2\n103;=HYPERLINK("x");2;900;1\n';

describe('import center: guest rooms', () => {
  it('imports a Danish CSV (`;`, decimal comma, BOM) through the rooms service, and saves the mapping', async () => {
    const summary = await run('guestRooms', `\ufeff${ROOMS}`);
    expect(summary).toMatchObject({ committed: true, delimiter: ';', encoding: 'utf-8', rows: 2, created: 2, unchanged: 0, failed: 0, errors: [] });
    const rooms = await t.core.handlers['rooms:list']({}, deskCtx);
    expect(rooms.map((r) => [r.number, r.category, r.capacity, r.nightlyRate, r.floor])).toEqual([[101, 'Dobbeltværelse', 2, 112_550, 1], [102, 'Enkeltværelse', 1, 85_000, 1]]);
    expect(t.events.filter((e) => e.type === 'room.changed')).toHaveLength(2);
    expect((await imports.kindInfo('guestRooms')).savedMapping).toEqual({ number: 'Værelse', category: 'Kategori', capacity: 'Pladser', nightlyRate: 'Pris', floor: 'Etage' });
  });

  it('changes nothing when the same file is imported again', async () => {
    await run('guestRooms', ROOMS);
    const again = await run('guestRooms', ROOMS);
    expect(again).toMatchObject({ committed: true, created: 0, unchanged: 2, failed: 0 });
    expect(await roomNumbers()).toEqual([101, 102]);
  });

  it('a dry run reports every row\'s errors with line, column and the domain\'s reason, and writes nothing', async () => {
    const summary = await run('guestRooms', BAD_ROOMS, { dryRun: true });
    expect(summary).toMatchObject({ committed: false, dryRun: true, rows: 4, created: 0, failed: 3 });
    expect(summary.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'Pladser', 'imports.badNumber'],
      [4, null, 'rooms.numberTaken'],
      [5, 'Kategori', 'imports.formula'],
    ]);
    expect(await roomNumbers()).toEqual([]);
    expect(t.events.filter((e) => e.type === 'room.changed')).toEqual([]);
  });

  it('all or nothing writes nothing when a row fails; valid-only writes the good rows, both audited', async () => {
    const refused = await run('guestRooms', BAD_ROOMS);
    expect(refused).toMatchObject({ committed: false, created: 0, failed: 3 });
    expect(await roomNumbers()).toEqual([]);
    const partial = await run('guestRooms', BAD_ROOMS, { mode: 'validOnly' });
    expect(partial).toMatchObject({ committed: true, created: 1, failed: 3 });
    expect(await roomNumbers()).toEqual([101]);
    const audit = await t.db.all<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'imports:run' ORDER BY id`);
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { kind: 'guestRooms', mode: 'allOrNothing', rows: 4, failed: 3, committed: false },
      { kind: 'guestRooms', mode: 'validOnly', rows: 4, created: 1, unchanged: 0, failed: 3 },
    ]);
  });

  it('reads Windows-1252 (æøå) and `,` with an English header', async () => {
    const bytes = Buffer.from('Room,Category,Capacity,Rate,Floor\n201,"K\xf8kkenv\xe6relse, stor",3,"1,250.00",2\n', 'latin1');
    const summary = await run('guestRooms', bytes);
    expect(summary).toMatchObject({ encoding: 'windows-1252', delimiter: ',', created: 1 });
    const [room] = await t.core.handlers['rooms:list']({}, deskCtx);
    expect(room).toMatchObject({ number: 201, category: 'Køkkenværelse, stor', nightlyRate: 125_000 });
  });

  it('uses the mapping sent over the header names it guesses', async () => {
    const csv = 'A;B;C;D;E\n301;Suite;4;3000;3\n';
    await expectAppError(async () => await run('guestRooms', csv), 'VALIDATION', /not a CSV of this kind/);
    const summary = await run('guestRooms', csv, { mapping: { number: 'A', category: 'B', capacity: 'C', nightlyRate: 'D', floor: 'E' } });
    expect(summary.created).toBe(1);
  });

  it('refuses a file that is not CSV, one without a required column, one too large, and a row too long, writing nothing', async () => {
    await expectAppError(async () => await run('guestRooms', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), 'VALIDATION', /not a CSV text file/);
    await expectAppError(async () => await run('guestRooms', 'Værelse;Kategori\n101;Suite\n'), 'VALIDATION', 'The file has no column for "capacity"');
    const big = imports.run(ROOMS, { kind: 'guestRooms', dryRun: false, mode: 'allOrNothing', limits: { maxBytes: 20, maxRowChars: 1000 } }, adminCtx);
    await expectAppError(async () => await big, 'PAYLOAD_TOO_LARGE');
    const longRow = `${ROOMS}103;${'x'.repeat(200_000)};2;900;1\n`;
    await expectAppError(async () => await run('guestRooms', longRow), 'VALIDATION', 'Row 4 is longer than 100000 characters');
    expect(await roomNumbers()).toEqual([]);
  });
});

describe('import center: other kinds', () => {
  it('imports future stays by room number, refusing an unknown room, a bad date and overlaps with a stay and with another row', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    await t.core.handlers['rooms:create'](aRoom({ number: 102 }), adminCtx);
    const csv = [
      'Værelse;Ankomst;Afrejse;Gæst;Personer;Pris',
      '101;10-06-2026;12-06-2026;Mette Hansen;2;2400,00',
      '102;2026-06-10;2026-06-13;Jens Jensen;1;',
      '101;11-06-2026;13-06-2026;Ole Olsen;1;',
      '999;10-06-2026;12-06-2026;Nobody;1;',
      '102;31-02-2026;02-03-2026;Bad Date;1;',
    ].join('\r\n');
    const dry = await run('stays', csv, { dryRun: true });
    expect(dry.errors.map((e) => [e.row, e.reason])).toEqual([[4, 'stays.roomTakenByStay'], [5, 'imports.unknownRoom'], [6, 'imports.badDate']]);
    const partial = await run('stays', csv, { mode: 'validOnly' });
    expect(partial).toMatchObject({ created: 2, failed: 3 });
    const stays = await t.db.all<{ guestName: string; price: number }>('SELECT guest_name AS "guestName", price FROM stays ORDER BY guest_name');
    expect(stays.map((s) => [s.guestName, Number(s.price)])).toEqual([['Jens Jensen', 3 * 119_500], ['Mette Hansen', 240_000]]);
    expect((await run('stays', csv, { mode: 'validOnly' })).created).toBe(0);
  });

  it('keeps the desk\'s search whole: imported guests are found, and after a refused import the desk\'s own stays still are', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const search = async (q: string) => (await t.core.handlers['desk:search']({ q, limit: 20 }, deskCtx)).items.map((h) => h.guestName);
    const csv = 'Værelse;Ankomst;Afrejse;Gæst;Telefon\n101;10-06-2026;12-06-2026;Mette Hansen;+45 20 12 34 56\n101;12-06-2026;14-06-2026;Ole Olsen;\n';
    const first = await run('stays', csv);
    expect(first.errors).toEqual([]);
    expect(first.created).toBe(2);
    expect(await search('hansen')).toEqual(['Mette Hansen']);
    expect(await search('2012')).toEqual(['Mette Hansen']);
    // Refused as a whole (a bad row) and a dry run: both rolled back, the search's upkeep with them.
    expect((await run('stays', 'Værelse;Ankomst;Afrejse;Gæst\n101;20-06-2026;22-06-2026;Ida Holm\n101;x;y;Bad\n')).committed).toBe(false);
    expect((await run('stays', 'Værelse;Ankomst;Afrejse;Gæst\n101;20-06-2026;22-06-2026;Ida Holm\n', { dryRun: true })).committed).toBe(false);
    expect(await search('holm')).toEqual([]);
    await t.core.handlers['stays:create']({ roomId: 1, guestName: 'Karen Blixen', checkin: '2026-07-01', checkout: '2026-07-03', guests: 1 } as never, deskCtx);
    expect(await search('blixen')).toEqual(['Karen Blixen']);
  });

  it('imports providers with hours, cars, stock resources and service rooms', async () => {
    const providers = 'Navn;E-mail;Minutter;Mandag;Tirsdag;Lørdag\nAnne Spa;anne@hotel.dk;60;09:00-17:00;9-15;lukket\n';
    expect((await run('providers', providers)).created).toBe(1);
    const [p] = await t.core.handlers['providers:list']({} as never, adminCtx) as unknown as { workingHours: unknown; appointmentMinutes: number }[];
    expect(p).toMatchObject({ appointmentMinutes: 60, workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '15:00' }, sat: null, sun: null } });
    expect((await run('cars', 'Nummerplade;Mærke;Model;Brændstof;Km;Dagspris\nAB 12 345;Toyota;Yaris;Hybrid;12.500;450,00\n')).created).toBe(1);
    expect((await run('stockResources', 'Navn;Antal\nEkstra seng;6\nBarneseng;3\n')).created).toBe(2);
    expect((await run('serviceRooms', 'Navn;Type;Timepris\nMødelokale A;meeting;500\n')).created).toBe(1);
    expect((await run('stockResources', 'Navn;Antal\nEkstra seng;6\nBarneseng;3\n'))).toMatchObject({ created: 0, unchanged: 2 });
  });
});
