/**
 * GETs without input that the start-up makes besides the boot script's early ones, written out so
 * they do not load the contract's request builders (zod) before the board is on screen: `auth:me`
 * confirms a stored token while the board loads. tests/renderer pins them to the contract.
 */
import type { CommandName } from '../../../shared/contract/commands';

export const PLAIN_GET_PATHS: Partial<Record<CommandName, string>> = { 'auth:me': '/api/v1/me' };
