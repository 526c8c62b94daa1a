/** A users row as the contract shows it: instants in the hotel's zone, never a hash. */
import type { UserRecord } from '../../db/queries/user-queries';
import type { User } from '../../shared/contract/auth';
import { formatInstant } from '../../shared/time';

export function toUser(r: UserRecord, zone: string): User {
  return {
    id: r.id,
    username: r.username,
    email: r.email,
    role: r.role,
    active: r.active,
    mustChangePassword: r.mustChangePassword,
    createdAt: formatInstant(r.createdAt, zone),
    lastLoginAt: r.lastLoginAt === null ? null : formatInstant(r.lastLoginAt, zone),
  };
}
