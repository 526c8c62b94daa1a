/**
 * Input builders for tests: a valid command input with sensible defaults, overridden where a test
 * cares. Shapes are the handlers' parsed inputs, so they go straight into `core.handlers[...]`.
 */
import type { ParsedInput } from '../../shared/contract/commands';

let nextRoomNumber = 101;

/** A room; each call takes the next free number (101, 102, …) unless one is given. */
export function aRoom(overrides: Partial<ParsedInput<'rooms:create'>> = {}): ParsedInput<'rooms:create'> {
  return {
    number: nextRoomNumber++,
    category: 'Standard double room',
    capacity: 2,
    nightlyRate: 119_500,
    floor: 1,
    housekeeping: 'clean',
    ...overrides,
  };
}

/** A two-night stay from 2026-05-01 (14:00) to 2026-05-03 (12:00) for one guest in room id 1. */
export function aStay(overrides: Partial<ParsedInput<'stays:create'>> = {}): ParsedInput<'stays:create'> {
  return {
    roomId: 1,
    checkin: '2026-05-01',
    checkout: '2026-05-03',
    guestName: 'Mette Hansen',
    guests: 1,
    ...overrides,
  };
}

/** A block of room id 1 over the nights of 2026-05-10 and 2026-05-11. */
export function aBlock(overrides: Partial<ParsedInput<'blocks:create'>> = {}): ParsedInput<'blocks:create'> {
  return { roomId: 1, from: '2026-05-10', to: '2026-05-12', reason: 'Maintenance', kind: 'blocked', ...overrides };
}

/** A seed-000 booking body (`POST /bookings`). */
export function aSeedBooking(overrides: Partial<ParsedInput<'stays:seedCreate'>> = {}): ParsedInput<'stays:seedCreate'> {
  return { roomnumber: 101, category: 'Standard double room', checkin: '2024-11-01T14:00:00', checkout: '2024-11-05T12:00:00', ...overrides };
}
