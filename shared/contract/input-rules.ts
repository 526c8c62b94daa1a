/**
 * The rules several commands share that no schema can state (CommandDef.rules), worded exactly as
 * the services word their 400s, each `error` a real message with example values.
 */
import type { InputRule } from './command-def';

/** A hotel-local wall time that a DST change skips (core/api/openapi-rules.ts adds it to every command taking a date-time). */
export const DST_GAP_RULE: InputRule = {
  when: 'a hotel-local wall time that a daylight saving change skips',
  error: '2026-03-29T02:30 does not exist in Europe/Copenhagen (daylight saving time change)',
};

/** A filter's hotel-local dates [from, to) (stays, blocks, rentals, the seed's bookings). */
export const PERIOD_RULE: InputRule = { when: '`from` and `to` both sent and `to` not after `from`', error: 'to (2026-06-01) must be after from (2026-06-05)' };

/** A stay's period: its instants, its hotel-local nights, and the hotel's longest stay. */
export const STAY_PERIOD_RULES: readonly InputRule[] = [
  { when: '`checkout` not after `checkin`', error: 'checkout must be after checkin' },
  { when: 'check-out on the day of check-in (no night)', error: 'checkout must be after checkin (at least one night)' },
  { when: 'more nights than the hotel\'s `maxStayNights`', error: 'A stay can be at most 30 nights' },
];

/** A stay that would end before now: only an admin's late entry (`lateEntry`) may. */
export const STAY_IN_PAST_RULE: InputRule = {
  when: 'the stay would end before now (without an admin\'s `lateEntry`)',
  error: 'The stay would end in the past (2026-05-01T12:00:00+02:00); only an admin can enter it, as a late entry',
};

/** More guests than the room sleeps. */
export const ROOM_CAPACITY_RULE: InputRule = { when: 'more guests than the room sleeps', error: 'Room 104 sleeps at most 2 guests' };
/** The room a stay goes into: in use, and with beds for its guests. */
export const BOOKABLE_ROOM_RULES: readonly InputRule[] = [{ when: 'the room is taken out of use', error: 'Room 104 is not in use' }, ROOM_CAPACITY_RULE];

/** A block's period. */
export const BLOCK_PERIOD_RULES: readonly InputRule[] = [
  { when: '`to` not after `from`', error: 'to must be after from' },
  { when: '`to` on the day of `from` (no night)', error: 'to must be after from (at least one night)' },
];

/** The password policy beyond its length (core/auth/password-policy.ts). */
export const NEW_PASSWORD_RULES: readonly InputRule[] = [
  { when: 'the new password is the username', error: 'The password must not be the username' },
  { when: 'the new password is one of the most common passwords', error: 'This password is one of the most common passwords; choose another' },
];

/** A provider's week: each day's `end` after its `start` (several days: one sentence each, joined by `; `). */
export const WEEK_HOURS_RULE: InputRule = {
  when: 'a day\'s `end` not after its `start`',
  error: 'workingHours.mon: end must be after start',
  also: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => `workingHours.${day}: end must be after start`),
};
