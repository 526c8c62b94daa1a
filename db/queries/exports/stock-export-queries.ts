/**
 * The stock bookings' CSV chunk (core/stock/stock-export.ts: its columns in this order), filtered by
 * the bookings list's own filter (`stockBookingWhere`).
 */
import { stockBookingWhere, type StockBookingFilter } from '../stock-queries';
import { keysetChunk, type ChunkQuery } from './chunk-query';

const COLUMNS = [
  'b.id', 'b.resource_id', 'b.quantity', 'b.booked_at', 'r.name', 'b.status', 'b.guest_name', 'b.stay_id', 'g.number',
  'b.return_by', 'b.closed_at', 'b.created_by', 'b.notes',
];
const FROM = `stock_bookings b
      JOIN stock_resources r ON r.id = b.resource_id
      LEFT JOIN stays s ON s.id = b.stay_id
      LEFT JOIN guest_rooms g ON g.id = s.room_id`;

export function stockBookingsChunk(f: Omit<StockBookingFilter, 'limit' | 'offset'>): ChunkQuery {
  return keysetChunk(COLUMNS, FROM, 'b.id', stockBookingWhere(f));
}
