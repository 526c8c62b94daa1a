/**
 * Admin: the users, their roles and whether they may sign in. Add a user, change a role, deactivate
 * or activate, reset a password. A role change and a deactivation are asked about first
 * (user-confirm.ts); nothing is sent until the admin confirms. A refusal (409: the last admin cannot lose the role or be
 * deactivated) shows above the table.
 */
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/contract/auth';
import { ROLES, type Role } from '../../../shared/contract/roles';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { useUsersStore } from './users-store';
import { ActiveToggle } from '../ui/active-toggle';
import { DataTable, type DataColumn } from '../ui/data-table';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { confirmationOf, type Confirmation, type UserChange } from './user-confirm';
import { PasswordResetDialog } from './password-reset-dialog';
import { UserFormDialog } from './user-form-dialog';
import { Page } from '../ui/page';

// eslint-disable-next-line max-lines-per-function -- the users table, its new-user form and the password reset share the screen's state
export function UsersScreen() {
  const t = useT();
  const f = useFormats();
  const { users, loaded, error } = useUsersStore();
  const me = useSessionStore((s) => s.user?.id);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [asking, setAsking] = useState<{ confirmation: Confirmation; send(): void } | null>(null);

  useEffect(() => {
    useUsersStore.getState().load().catch(() => undefined);
  }, []);

  const change = async (user: User, patch: UserChange, done: (saved: User) => string) => {
    setBusyId(user.id);
    setActionError(null);
    try {
      toast('success', done(await useUsersStore.getState().update({ id: user.id, ...patch })));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusyId(null);
    }
  };

  /** Sends the change at once, or after the admin confirms it. */
  const ask = (user: User, patch: UserChange, done: (saved: User) => string) => {
    const send = () => void change(user, patch, done);
    const confirmation = confirmationOf(user, patch, t);
    if (confirmation) setAsking({ confirmation, send });
    else send();
  };

  const columns: DataColumn<User>[] = [
    {
      header: t('users.username'),
      strong: true,
      cell: (u) => (
        <>
          {u.username}
          {u.id === me ? <span className="muted small"> · {t('users.you')}</span> : null}
          {u.mustChangePassword ? <div className="muted small">{t('users.mustChange')}</div> : null}
        </>
      ),
    },
    { header: t('users.email'), cell: (u) => u.email },
    {
      header: t('users.role'),
      cell: (u) => (
        <select
          className="input input-compact"
          aria-label={t('users.roleOf', { name: u.username })}
          value={u.role}
          disabled={busyId === u.id}
          onChange={(e) => {
            const role = e.target.value as Role;
            ask(u, { role }, (saved) => t('users.roleChanged', { name: saved.username, role: t(`role.${saved.role}`) }));
          }}
          data-testid={`user-role-${u.username}`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      ),
    },
    {
      header: t('users.state'),
      data: (u) => ({ 'data-testid': `user-state-${u.username}`, 'data-active': u.active }),
      cell: (u) => (u.active ? t('users.active') : t('users.inactive')),
    },
    { header: t('users.lastLogin'), cell: (u) => (u.lastLoginAt ? f.instant(u.lastLoginAt) : <span className="muted">{t('users.never')}</span>) },
  ];

  return (
    <Page
      titleId="users-title" title={t('users.title')} testId="users-screen"
      head={
        <>
          <span className="muted">{t('users.count', { n: users.filter((u) => u.active).length })}</span>
          <button type="button" className="button button-primary push-right" onClick={() => setAdding(true)} data-testid="user-add">
            {t('users.add')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="users-error" />
      <ErrorAlert error={actionError} testId="users-action-error" />
      <DataTable
        rows={users}
        rowTestId={(u) => `user-row-${u.username}`}
        inactive={(u) => !u.active}
        columns={columns}
        actionsHeader={t('users.actions')}
        actions={(u) => (
          <>
            <ActiveToggle
              active={u.active}
              busy={busyId === u.id}
              onClick={() => ask(u, { active: !u.active }, (saved) => t(saved.active ? 'users.activated' : 'users.deactivated', { name: saved.username }))}
              deactivateLabel={t('users.deactivate')}
              reactivateLabel={t('users.activate')}
              testId={`user-${u.active ? 'deactivate' : 'activate'}-${u.username}`}
            />
            <button type="button" className="button button-small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>
              {t('users.resetPassword')}
            </button>
          </>
        )}
      >
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </DataTable>
      {adding ? <UserFormDialog onClose={() => setAdding(false)} /> : null}
      {resetting ? <PasswordResetDialog user={resetting} onClose={() => setResetting(null)} /> : null}
      {asking ? (
        <Dialog
          title={t('users.confirmTitle')}
          size="sm"
          onClose={() => setAsking(null)}
          testId="user-confirm-dialog"
          footer={
            <>
              <button type="button" className="button" onClick={() => setAsking(null)} data-testid="user-confirm-no">
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button-danger"
                data-autofocus
                onClick={() => {
                  asking.send();
                  setAsking(null);
                }}
                data-testid="user-confirm-yes"
              >
                {asking.confirmation.yes}
              </button>
            </>
          }
        >
          <p>{asking.confirmation.text}</p>
        </Dialog>
      ) : null}
    </Page>
  );
}
