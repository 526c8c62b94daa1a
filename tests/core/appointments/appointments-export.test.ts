/** The appointments export (core/appointments/appointments-export.ts) through the export worker, with its filters. */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPOINTMENT_CSV_COLUMNS, type AppointmentCsvQuery } from '../../../core/appointments/appointments-export';
import { streamCsvExport } from '../../../core/composition/csv-export';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  const h = t.core.handlers;
  const room = await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 2, hourlyRate: 90_000, isActive: true }, adminCtx);
  await h['timeslots:generate']({ roomId: room.id, startDate: '2026-05-04', endDate: '2026-05-05', slotDuration: 30, workingHours: { start: '09:00', end: '10:00' } }, adminCtx);
  await h['providers:create']({ name: 'Sofie Lund', email: 'sofie@example.dk', appointmentMinutes: 30, bufferMinutes: 0, price: 50_000, daysOff: [], active: true }, adminCtx);
  await h['appointments:deskCreate']({ timeslotId: 1, guestName: 'Mette Hansen', notes: '=HYPERLINK("x")' }, deskCtx);
  await h['appointments:deskCreate']({ timeslotId: 3, guestName: 'Jens Olsen' }, deskCtx);
  const p = await h['appointments:deskCreate']({ providerId: 1, date: '2026-05-05', time: '11:00', guestName: 'Ann Berg', guestEmail: 'ann@example.dk' }, deskCtx);
  await h['appointments:cancel']({ id: p.id }, deskCtx);
});
afterEach(async () => await t.close());

async function rows(query: AppointmentCsvQuery): Promise<Record<string, string>[]> {
  let text = '';
  for await (const piece of streamCsvExport(t.db.exportSource, 'appointments', query)) text += piece;
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: query.delimiter ?? ',' }).data;
}

describe('appointments CSV', () => {
  it('has both kinds in one file, with the columns named, times in the hotel\'s zone and formulas neutralised', async () => {
    const all = await rows({});
    expect(Object.keys(all[0]!)).toEqual([...APPOINTMENT_CSV_COLUMNS]);
    expect(all.map((r) => [r.id, r.kind, r.status, r.date, r.time])).toEqual([
      ['1', 'timeslot', 'pending', '2026-05-04', '09:00:00'],
      ['2', 'timeslot', 'pending', '2026-05-05', '09:00:00'],
      ['3', 'provider', 'cancelled', '2026-05-05', '11:00:00'],
    ]);
    expect(all[0]).toMatchObject({ start: '2026-05-04T09:00:00+02:00', room: 'Spa room 1', provider: '', guest_name: 'Mette Hansen', price: '45000' });
    expect(all[2]).toMatchObject({ provider: 'Sofie Lund', guest_email: 'ann@example.dk', price: '50000' });
    expect(all[0]!.notes!.startsWith('=')).toBe(false);
  });

  it('filters by status, kind, room, provider and the local dates of the start (both inclusive)', async () => {
    expect((await rows({ kind: 'provider' })).map((r) => r.id)).toEqual(['3']);
    expect((await rows({ status: 'pending', roomId: 1 })).map((r) => r.id)).toEqual(['1', '2']);
    expect((await rows({ providerId: 1 })).map((r) => r.id)).toEqual(['3']);
    expect((await rows({ from: '2026-05-05', to: '2026-05-05' })).map((r) => r.id)).toEqual(['2', '3']);
    expect((await rows({ from: '2026-05-04', to: '2026-05-04', delimiter: ';', bom: true })).map((r) => r.id)).toEqual(['1']);
  });
});
