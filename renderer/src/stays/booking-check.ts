/**
 * The booking dialog's fields checked by the contract's own `StayCreateSchema` (guests 1–20, the
 * lengths of name, e-mail, phone and notes, the price): the limits are written once, in
 * shared/contract/stays.ts, and the command is sent what the schema made of the fields (trimmed,
 * defaults filled in). Its own chunk, loaded by the dialog after its first frame or on the first
 * submit, so zod never enters the board's first bundle (docs/benchmarks.md §5).
 */
import type { z } from 'zod';
import { StayCreateSchema } from '../../../shared/contract/stays';
import { contractResolver } from '../forms/contract-resolver';
import type { FieldText } from '../forms/issue-text';
import type { MessageKey, Translate } from '../i18n/translate';

/** The dialog's fields as typed; the price already read as money (null: not an amount). */
export interface BookingTexts {
  roomId: string;
  checkin: string;
  checkout: string;
  guestName: string;
  email: string;
  phone: string;
  guests: string;
  price: number | null | undefined;
  notes: string;
  /** An admin's late entry of a stay that already ended (docs/stays-rules.md). */
  lateEntry?: boolean;
}

type StayCreateInput = z.output<typeof StayCreateSchema>;
export type BookingFieldName = keyof StayCreateInput;
export type BookingCheck = { ok: true; input: StayCreateInput } | { ok: false; errors: Partial<Record<BookingFieldName, string>> };

/** A whole number typed; empty is undefined (required), anything else NaN (not a number). */
function wholeNumber(text: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

const optional = (text: string) => text.trim() || undefined;

export function bookingInput(texts: BookingTexts) {
  return {
    roomId: texts.roomId ? Number(texts.roomId) : undefined,
    checkin: texts.checkin,
    checkout: texts.checkout,
    guestName: texts.guestName,
    guestEmail: optional(texts.email),
    guestPhone: optional(texts.phone),
    guests: wholeNumber(texts.guests),
    price: texts.price === null ? Number.NaN : texts.price,
    notes: optional(texts.notes),
    ...(texts.lateEntry ? { lateEntry: true } : {}),
  };
}

const LABELS: Record<BookingFieldName, MessageKey> = {
  roomId: 'booking.room',
  checkin: 'booking.checkin',
  checkout: 'booking.checkout',
  guestName: 'booking.guestName',
  guestEmail: 'booking.email',
  guestPhone: 'booking.phone',
  guests: 'booking.guests',
  price: 'booking.priceOverride',
  notes: 'booking.notes',
  lateEntry: 'booking.lateEntry',
};

export async function checkBooking(texts: BookingTexts, t: Translate): Promise<BookingCheck> {
  const fields = () => {
    const out = {} as Record<BookingFieldName, FieldText>;
    for (const name of Object.keys(LABELS) as BookingFieldName[]) out[name] = { label: t(LABELS[name]) };
    out.price.badValue = 'validation.money';
    return out;
  };
  const result = await contractResolver<BookingTexts, StayCreateInput>(StayCreateSchema, bookingInput, fields, () => t)(texts);
  if (Object.keys(result.errors).length === 0) return { ok: true, input: result.values as StayCreateInput };
  return { ok: false, errors: Object.fromEntries(Object.entries(result.errors).map(([name, e]) => [name, e.message])) };
}
