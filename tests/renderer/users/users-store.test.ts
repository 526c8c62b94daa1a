import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { useUsersStore } from '../../../renderer/src/users/users-store';
import { aUser } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const listed = [aUser({ id: 3, username: 'zoe' }), aUser({ id: 1, username: 'admin', role: 'admin' })];

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
  t.answer('users:list', () => listed.map((u) => ({ ...u })));
});

describe('users store', () => {
  it('lists the users by name', async () => {
    await useUsersStore.getState().load();
    expect(useUsersStore.getState().users.map((u) => u.username)).toEqual(['admin', 'zoe']);
  });

  it('creates a user and shows it in the list at its place, without asking for the list again (a user change is no live event)', async () => {
    t.answer('users:create', () => aUser({ id: 4, username: 'bo' }));
    await useUsersStore.getState().load();
    await useUsersStore.getState().create({ username: 'bo', email: 'bo@hotel.dk', password: 'a-long-password', role: 'staff' });
    expect(t.calls.map(([name]) => name)).toEqual(['users:list', 'users:create']);
    expect(useUsersStore.getState().users.map((u) => u.username)).toEqual([...listed.map((u) => u.username), 'bo'].sort((a, b) => a.localeCompare(b)));
  });

  it('replaces a changed user in the list', async () => {
    await useUsersStore.getState().load();
    const first = useUsersStore.getState().users[0]!;
    t.answer('users:update', () => ({ ...first, role: 'admin' }));
    await useUsersStore.getState().update({ id: first.id, role: 'admin' });
    expect(useUsersStore.getState().users.filter((u) => u.id === first.id)).toEqual([{ ...first, role: 'admin' }]);
    expect(useUsersStore.getState().users).toHaveLength(listed.length);
  });

  it('throws the refusal (the last admin) and leaves the list as it was', async () => {
    t.answer('users:update', () => {
      throw new TransportError('LAST_ADMIN', 'The last admin cannot be demoted', 409);
    });
    await useUsersStore.getState().load();
    await expect(useUsersStore.getState().update({ id: 1, role: 'staff' })).rejects.toMatchObject({ status: 409 });
    expect(t.calls.map(([name]) => name)).toEqual(['users:list', 'users:update']);
    expect(useUsersStore.getState().users).toHaveLength(2);
  });

  it('resets a password with the new one', async () => {
    t.answer('users:resetPassword', () => aUser({ mustChangePassword: true }));
    await useUsersStore.getState().resetPassword(2, 'temporary-pass-1');
    expect(t.calls[0]).toEqual(['users:resetPassword', { id: 2, newPassword: 'temporary-pass-1' }]);
  });

  it('forgets the users on sign-out (the next person at the desk never sees them)', async () => {
    await useUsersStore.getState().load();
    clearSessionData();
    expect(useUsersStore.getState()).toMatchObject({ users: [], loaded: false });
  });
});
