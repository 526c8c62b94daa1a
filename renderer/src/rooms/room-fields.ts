/**
 * The room form's text fields as the contract's input: whole numbers parsed (text that is not one
 * stays NaN, so the schema calls it a bad number; an empty field stays undefined: required), the
 * rate as money in minor units. The limits themselves are the contract's (shared/contract/rooms.ts).
 * Pure: tested in Node.
 */
import type { Housekeeping } from '../../../shared/contract/rooms';

export interface RoomFormValues {
  number: string;
  category: string;
  capacity: string;
  nightlyRate: string;
  floor: string;
  housekeeping: Housekeeping;
}

export function wholeNumber(text: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function roomInput(values: RoomFormValues, parseMoney: (text: string) => number | null) {
  const rate = values.nightlyRate.trim();
  return {
    number: wholeNumber(values.number),
    category: values.category,
    capacity: wholeNumber(values.capacity),
    nightlyRate: rate ? (parseMoney(rate) ?? Number.NaN) : undefined,
    floor: wholeNumber(values.floor),
    housekeeping: values.housekeeping,
  };
}
