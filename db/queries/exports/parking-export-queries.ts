/** The parking bookings' CSV chunks (core/parking/parking-export.ts: its columns in this order), filtered as the list is. */
import { parkingWhere } from '../parking-queries';
import { keysetChunk, type ChunkQuery } from './chunk-query';

const COLUMNS = ['b.id', 'b.space_id', 's.label', 'b.plate', 'b.guest_name', 'b.from_date', 'b.to_date', 'b.status', 'b.created_at'];

export function parkingChunk(f: { spaceId?: number | undefined; from?: string | undefined; to?: string | undefined }): ChunkQuery {
  return keysetChunk(COLUMNS, 'parking_bookings b JOIN parking_spaces s ON s.id = b.space_id', 'b.id', parkingWhere(f));
}
