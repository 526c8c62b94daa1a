/** Users and their roles (SPEC §3.5): seed 002's `GET/POST /users/` exactly, and the app's own users API. */
import { z } from 'zod';
import { EmailSchema, PasswordInputSchema, UserSchema, UsernameSchema } from './auth';
import { defineCommands } from './command-def';
import { IdSchema } from './primitives';
import { ADMIN, RoleSchema } from './roles';

export const SeedUserSchema = z.object({ id: z.number().int(), username: z.string(), email: z.string() });
export const SeedUserCreateSchema = z.object({
  username: UsernameSchema,
  email_address: EmailSchema,
  password: PasswordInputSchema,
  confirm_password: PasswordInputSchema,
});

export const UserCreateSchema = z.object({
  username: UsernameSchema,
  email: EmailSchema,
  password: PasswordInputSchema,
  role: RoleSchema,
});
export const UserUpdateSchema = z.object({
  id: IdSchema,
  email: EmailSchema.optional(),
  role: RoleSchema.optional(),
  active: z.boolean().optional(),
});
export const UserIdSchema = z.object({ id: IdSchema });
export const PasswordResetSchema = z.object({ id: IdSchema, newPassword: PasswordInputSchema });

export const userCommands = defineCommands({
  'users:seedList': {
    summary: 'Users (seed 002)', tags: ['users (seed 002)'], roles: ADMIN,
    input: z.object({}), output: z.array(SeedUserSchema), http: { method: 'GET', path: '/users/' },
  },
  'users:seedCreate': {
    summary: 'Create a user (seed 002): 201; 400 when the passwords differ; 409 when the name or e-mail is taken. Admin only, or anyone (as a client) while self-registration is on',
    tags: ['users (seed 002)'], roles: ADMIN, openWhen: 'selfRegistration', async: true,
    input: SeedUserCreateSchema, output: SeedUserSchema, http: { method: 'POST', path: '/users/', status: 201 },
  },
  'users:list': {
    summary: 'Users with their roles', tags: ['users'], roles: ADMIN,
    input: z.object({}), output: z.array(UserSchema), http: { method: 'GET', path: '/api/v1/users' },
  },
  'users:create': {
    summary: 'Create a user with a role', tags: ['users'], roles: ADMIN, async: true,
    input: UserCreateSchema, output: UserSchema, http: { method: 'POST', path: '/api/v1/users', status: 201 },
  },
  'users:update': {
    summary: 'Change a user\'s e-mail or role, or (de)activate it (ends its sessions)', tags: ['users'], roles: ADMIN, selfAudited: true,
    input: UserUpdateSchema, output: UserSchema, http: { method: 'PATCH', path: '/api/v1/users/:id' },
  },
  'users:resetPassword': {
    summary: 'Set a new password that the user must change at next sign-in; ends its sessions', tags: ['users'], roles: ADMIN, async: true,
    input: PasswordResetSchema, output: UserSchema, http: { method: 'POST', path: '/api/v1/users/:id/password' },
  },
});
