/** Who may call a command: the signed-in roles, and `anonymous` for a caller with no token. */
import { z } from 'zod';

export const ROLES = ['admin', 'staff', 'client'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who may be calling: a signed-in role, or nobody (no token). The role matrix's columns. */
export const CALLER_ROLES = [...ROLES, 'anonymous'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** The desk: staff run it, admins too. */
export const DESK = ['admin', 'staff'] as const;
export const ADMIN = ['admin'] as const;
export const EVERYONE = ['admin', 'staff', 'client'] as const;
