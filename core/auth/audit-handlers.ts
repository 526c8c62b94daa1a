import type { auditCommands } from '../../shared/contract/audit';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

/** `audit:export` streams (core/export); only the list has a handler. */
export function auditHandlers({ audit }: CoreServices): HandlersFor<typeof auditCommands> {
  return { 'audit:list': (input) => audit.list(input) };
}
