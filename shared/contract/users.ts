/** Users and their roles (SPEC §3.5): seed 002's `GET/POST /users/` exactly, and the app's own users API. */
import { z } from 'zod';
import { EmailSchema, NewPasswordSchema, UserSchema, UsernameSchema } from './auth';
import { defineCommands } from './command-def';
import { NEW_PASSWORD_RULES } from './input-rules';
import { IdParamSchema } from './primitives';
import { ADMIN, RoleSchema } from './roles';

export const SeedUserSchema = z.object({ id: z.number().int(), username: z.string(), email: z.string() });
export const SeedUserCreateSchema = z.object({
  username: UsernameSchema,
  email_address: EmailSchema,
  password: NewPasswordSchema,
  confirm_password: NewPasswordSchema,
});

export const UserCreateSchema = z.object({
  username: UsernameSchema,
  email: EmailSchema,
  password: NewPasswordSchema,
  role: RoleSchema,
});
export const UserUpdateSchema = z.object({
  id: IdParamSchema,
  email: EmailSchema.optional(),
  role: RoleSchema.optional(),
  active: z.boolean().optional(),
});
export const PasswordResetSchema = z.object({ id: IdParamSchema, newPassword: NewPasswordSchema });

export const userCommands = defineCommands({
  'users:seedList': {
    summary: 'Users', tags: ['Users'], roles: ADMIN,
    description: 'Every user as `{id, username, email}` (the original booking system\'s shape).',
    example: {},
    input: z.object({}), output: z.array(SeedUserSchema), http: { method: 'GET', path: '/users/' },
  },
  'users:seedCreate': {
    emits: [],
    summary: 'Create a user', tags: ['Users'], roles: ADMIN, openWhen: 'selfRegistration', async: true, errors: ['CONFLICT'],
    description:
      'Creates a user: 201; 400 when the passwords differ or break the policy; 409 when the name or e-mail is taken. Admins only, ' +
      'or anyone (creating a `client`) while self-registration is on.',
    example: { username: 'jens.olsen', email_address: 'jens.olsen@example.dk', password: 'Fjordudsigt-2026', confirm_password: 'Fjordudsigt-2026' },
    input: SeedUserCreateSchema, output: SeedUserSchema, http: { method: 'POST', path: '/users/', status: 201 },
    rules: [{ when: '`confirm_password` is not `password`', error: 'password and confirm_password do not match' }, ...NEW_PASSWORD_RULES],
  },
  'users:list': {
    summary: 'Users with their roles', tags: ['Users'], roles: ADMIN,
    description: 'Every user with role, state and last sign-in.',
    example: {},
    input: z.object({}), output: z.array(UserSchema), http: { method: 'GET', path: '/api/v1/users' },
  },
  'users:create': {
    emits: [],
    summary: 'Create a user with a role', tags: ['Users'], roles: ADMIN, async: true, errors: ['CONFLICT'],
    description: 'Creates a desk user (staff), a manager (admin) or a LAN client; 409 when the name or e-mail is taken.',
    example: { username: 'anna.desk', email: 'anna@hotel-nordlys.dk', password: 'Morgenvagt-2026', role: 'staff' },
    input: UserCreateSchema, output: UserSchema, http: { method: 'POST', path: '/api/v1/users', status: 201 },
    rules: NEW_PASSWORD_RULES,
  },
  'users:update': {
    emits: [],
    summary: 'Change a user\'s e-mail or role, or (de)activate it', tags: ['Users'], roles: ADMIN, selfAudited: true, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Changes only the fields sent (at least one); a role change or deactivation ends the user\'s sessions at once. The last active admin cannot be demoted (409).',
    example: { id: 5, role: 'staff', active: true },
    input: UserUpdateSchema, output: UserSchema, http: { method: 'PATCH', path: '/api/v1/users/:id' },
  },
  'users:resetPassword': {
    emits: [],
    summary: 'Set a new password that the user must change at next sign-in', tags: ['Users'], roles: ADMIN, async: true, errors: ['NOT_FOUND'],
    description: 'For a user who forgot theirs: ends the user\'s sessions; after signing in with it they must choose their own.',
    example: { id: 5, newPassword: 'Midlertidig-4821' },
    input: PasswordResetSchema, output: UserSchema, http: { method: 'POST', path: '/api/v1/users/:id/password' },
    rules: NEW_PASSWORD_RULES,
  },
});
