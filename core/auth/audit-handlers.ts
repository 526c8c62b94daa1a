import type { auditCommands } from '../../shared/contract/audit';
import type { HandlersFor } from '../handler-types';
import type { AuditService } from './auth-types';

/** `audit:export` streams (core/export); only the list has a handler. */
export function auditHandlers({ audit }: { audit: AuditService }): HandlersFor<typeof auditCommands> {
  return { 'audit:list': (input) => audit.list(input) };
}
