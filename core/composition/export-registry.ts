/**
 * **Registry**: every CSV export, by the id its contract command names (`export: 'stays'`). A new
 * export is its own file in its domain's folder (columns + query, export-def.ts) and one line here;
 * the REST routes, the worker, the desktop's save dialog and the renderer's transport then serve it
 * as they serve the others. A command naming an id missing here does not compile.
 *
 * Loaded by the export's worker thread too: only export files here, nothing that loads zod or the host.
 */
import { appointmentsExport } from '../appointments/appointments-export';
import { auditExport } from '../auth/audit-export';
import { carsExport, rentalsExport } from '../cars/cars-export';
import { appointmentsReportExport, fleetReportExport, roomsReportExport, stockReportExport } from '../reports/report-exports';
import { deskStaysExport } from '../stays/desk-stays-export';
import { staysExport } from '../stays/stays-export';
import { stockBookingsExport } from '../stock/stock-export';
import type { ExportDef, ExportId } from '../export/export-def';

export const EXPORTS = {
  stays: staysExport,
  deskStays: deskStaysExport,
  audit: auditExport,
  appointments: appointmentsExport,
  cars: carsExport,
  rentals: rentalsExport,
  stockBookings: stockBookingsExport,
  roomsReport: roomsReportExport, appointmentsReport: appointmentsReportExport, stockReport: stockReportExport, fleetReport: fleetReportExport,
} satisfies Record<ExportId, ExportDef<never>>;

/** The filters (and options) export `I` takes: its command's parsed input. */
export type ExportQuery<I extends ExportId> = (typeof EXPORTS)[I] extends ExportDef<infer Q> ? Q : never;

/** The export `id` names (an unknown id is a programming error: the contract is checked at build time). */
export function exportDef(id: ExportId): ExportDef {
  const def = (EXPORTS as Record<string, ExportDef | undefined>)[id];
  if (!def) throw new Error(`No export ${id} in core/export/export-registry.ts`);
  return def;
}
