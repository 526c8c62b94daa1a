/** Admin: the hotel's users and their roles; create, change role, (de)activate, reset a password. */
import { create } from 'zustand';
import type { User } from '../../../shared/contract/auth';
import type { CommandInput } from '../../../shared/contract/commands';
import { transport } from '../transport/current-transport';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface UsersState {
  users: User[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  /** Each action throws the host's refusal (409 name taken, 409 last admin, 400 policy) for the screen to show. */
  create(input: CommandInput<'users:create'>): Promise<User>;
  update(input: CommandInput<'users:update'>): Promise<User>;
  resetPassword(id: number, newPassword: string): Promise<User>;
}

const initial = { users: [] as User[], loaded: false, error: null as unknown };

const byName = (users: User[]) => users.sort((a, b) => a.username.localeCompare(b.username));

export const useUsersStore = create<UsersState>((set, get) => {
  /** The list with the changed user in it: a user's change is no live event, so the answer is the news. */
  const changed = (user: User): User => {
    if (get().loaded) set({ users: byName([...get().users.filter((u) => u.id !== user.id), user]) });
    return user;
  };
  return {
    ...initial,
    load: () => loadInto(set, async () => ({ users: byName(await transport().invoke('users:list', {})) })),
    async create(input) {
      return changed(await change('users:create', input));
    },
    async update(input) {
      return changed(await change('users:update', input));
    },
    async resetPassword(id, newPassword) {
      return changed(await change('users:resetPassword', { id, newPassword }));
    },
  };
});


declare module '../stores/refreshers' {
  interface RefreshTargets {
    users: true;
  }
}

refreshWhenLoaded('users', useUsersStore);
registerSessionReset(() => useUsersStore.setState(initial));
