/**
 * GETs the desk makes in its first moments besides the boot script's early ones, written out so
 * they do not load the contract's request builders (zod): `auth:me` confirms a stored token while
 * the board loads, and `rooms:free` is the booking dialog's first request after a click on the
 * board (loading the contract then put ~20 ms of script before the dialog's first frame). Their
 * input, if any, goes in the query string: no path parameters. tests/renderer pins them to the contract.
 */
import type { CommandName } from '../../../shared/contract/commands';

export const PLAIN_GET_PATHS: Partial<Record<CommandName, string>> = { 'auth:me': '/api/v1/me', 'rooms:free': '/api/v1/rooms/free' };
