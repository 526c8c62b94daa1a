/**
 * The audit log as the core writes and the admin reads it. `record` inserts synchronously on the one
 * writer connection, so inside a service's transaction the row commits or rolls back with the change
 * it describes. Times come out in the hotel's zone; the date filters are hotel-local dates.
 */
import { insertAuditRow, listAuditRows, type AuditRecordRow, type AuditRowFilter } from '../../db/queries/audit-queries';
import type { AuditEntry } from '../../shared/contract/audit';
import { formatInstant } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { auditDetailJson } from './audit-detail';
import { auditRowFilter, type AuditFilterInput } from './audit-filter';
import type { AuditService } from './auth-types';

export function createAuditService(deps: CoreDeps, settings: SettingsService): AuditService {
  const db = deps.db;

  const rowFilter = (f: AuditFilterInput): AuditRowFilter => auditRowFilter(f, settings.get().timeZone);

  const toEntry = (r: AuditRecordRow, zone: string): AuditEntry => ({
    id: r.id,
    at: formatInstant(r.at, zone),
    actor: r.actor,
    role: r.role,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    detail: r.detail,
    via: r.via,
    address: r.address,
  });

  return {
    async record(ctx, entry) {
      await insertAuditRow(db, {
        at: deps.clock(),
        actorId: ctx.actor.userId ?? null,
        actor: ctx.actor.username,
        role: ctx.actor.role,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        detail: auditDetailJson(entry.detail),
        via: ctx.via,
        address: ctx.address ?? null,
      });
    },

    async list(query) {
      const zone = settings.get().timeZone;
      // One row more than asked tells whether an older page exists.
      const rows = await listAuditRows(db, rowFilter(query), query.beforeId ?? null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      return {
        entries: page.map((r) => toEntry(r, zone)),
        nextBeforeId: rows.length > query.limit ? page[page.length - 1]!.id : null,
      };
    },

  };
}
