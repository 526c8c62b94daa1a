/** The parking bookings as CSV (`parking:export`), filtered as the list is. Runs in the export worker: no zod, no drizzle, nothing of the host. */
import { parkingChunk } from '../../db/queries/exports/parking-export-queries';
import type { ParkingExportQuery } from '../../shared/contract/parking';
import { AppError } from '../../shared/errors';
import { defineExport } from '../export/export-def';

export const parkingExport = defineExport<Partial<ParkingExportQuery>>({
  fileName: 'parking',
  title: 'Export parking bookings',
  columns: ['booking_id', 'space_id', 'space', 'plate', 'guest_name', 'from', 'to', 'status', 'created_at'],
  check(query) {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`);
    }
  },
  chunkQuery: (query) => parkingChunk({ spaceId: query.spaceId, from: query.from, to: query.to }),
});
